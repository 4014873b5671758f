package org.tokenlens.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tokenlens.app.Theme;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Exports are parsed back: the SVG is well-formed XML with one circle per visible point where the map put it. */
@ExtendWith(ApplicationExtension.class)
class MapExportFxTest {
    private ScatterMap map;
    private MapPoints points;

    @Start
    void start(Stage stage) {
        points = SyntheticPoints.clustered(2_000, 9);
        map = new ScatterMap();
        map.setPoints(points);
        map.setSentencePath(new SentencePath(new int[] {3, 5, 8}, new String[] {"<a&b>", "\"q\"", null}));
        map.setHighlightedPoints(IdSet.of(1, 2, 3));
        Scene scene = new Scene(new StackPane(map), 640, 480);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> circlesUnder(Element root) {
        NodeList list = root.getElementsByTagName("circle");
        List<Element> out = new ArrayList<>();
        for (int k = 0; k < list.getLength(); k++) {
            out.add((Element) list.item(k));
        }
        return out;
    }

    private static Element byId(Document doc, String id) {
        NodeList gs = doc.getElementsByTagName("g");
        for (int k = 0; k < gs.getLength(); k++) {
            Element g = (Element) gs.item(k);
            if (id.equals(g.getAttribute("id"))) {
                return g;
            }
        }
        throw new AssertionError("no <g id=" + id + ">");
    }

    @Test
    void svgHasEveryVisiblePointAtItsScreenPosition(FxRobot robot) throws Exception {
        // zoom in so that part of the data is off screen and must be left out
        robot.interact(() -> map.zoomAt(2.5, 200, 200));
        StringWriter out = new StringWriter();
        robot.interact(() -> {
            try {
                MapExport.writeSvg(map, out);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        Document doc = parse(out.toString());
        MapTransform t = map.getTransform();
        double w = Math.ceil(map.getWidth());
        double h = Math.ceil(map.getHeight());
        double r = 2;
        int expected = 0;
        List<double[]> visible = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double sx = t.toScreenX(points.x(i));
            double sy = t.toScreenY(points.y(i));
            if (sx >= -r && sx <= w + r && sy >= -r && sy <= h + r) {
                expected++;
                visible.add(new double[] {sx, sy});
            }
        }
        assertTrue(expected > 100 && expected < points.size(), "the view cuts the data: " + expected);
        List<Element> circles = circlesUnder(byId(doc, "points"));
        assertEquals(expected, circles.size());
        // same multiset of positions, to the written precision: compare sorted coordinate sums
        double sumX = visible.stream().mapToDouble(v -> v[0]).sum();
        double sumY = visible.stream().mapToDouble(v -> v[1]).sum();
        double svgX = circles.stream().mapToDouble(c -> Double.parseDouble(c.getAttribute("cx"))).sum();
        double svgY = circles.stream().mapToDouble(c -> Double.parseDouble(c.getAttribute("cy"))).sum();
        assertEquals(sumX, svgX, 0.005 * expected);
        assertEquals(sumY, svgY, 0.005 * expected);

        Element path = byId(doc, "sentence-path");
        assertEquals(3, path.getElementsByTagName("circle").getLength(), "one marker per path step");
        assertEquals(2, path.getElementsByTagName("line").getLength(), "one arrow per consecutive pair");
        NodeList texts = byId(doc, "labels").getElementsByTagName("text");
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < texts.getLength(); k++) {
            labels.add(texts.item(k).getTextContent());
        }
        assertTrue(labels.contains("<a&b>") && labels.contains("\"q\"") && labels.contains("tok8"),
                "labels escaped and read back: " + labels);
    }

    @Test
    void pngIsTheMapSnapshot(FxRobot robot, @TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        robot.interact(() -> {
            try {
                MapExport.writePng(map, png);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        var image = ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil(map.getWidth()), image.getWidth());
        assertEquals((int) Math.ceil(map.getHeight()), image.getHeight());
    }

    @Test
    void csvRoundTripsIdsTokensAndCoordinates(@TempDir Path dir) throws Exception {
        String[] awkward = {"plain", "a,b", "say \"hi\"", "line\nbreak", " leading", ""};
        Random random = new Random(1);
        int n = 500;
        int[] ids = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000 + 3 * i;
            x[i] = (float) (random.nextGaussian() * 1e3);
            y[i] = (float) (random.nextGaussian() * 1e-3);
        }
        MapPoints p = MapPoints.of(ids, x, y, null, List.of(), id -> awkward[id % awkward.length]);
        Path file = dir.resolve("points.csv");
        MapExport.writeCsv(p, file);
        List<List<String>> rows = Csv.parse(Files.readString(file));
        assertEquals(List.of("id", "token", "x", "y"), rows.get(0));
        assertEquals(n + 1, rows.size());
        for (int i = 0; i < n; i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(ids[i], Integer.parseInt(row.get(0)));
            assertEquals(awkward[ids[i] % awkward.length], row.get(1));
            assertEquals(x[i], Float.parseFloat(row.get(2)));
            assertEquals(y[i], Float.parseFloat(row.get(3)));
        }
    }

    /** A small RFC 4180 reader, independent of the writer. */
    private static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            return rows;
        }
    }
}
