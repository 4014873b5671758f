package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

/** Exports read back: SVG parses as XML with the cells as a PNG of the right colours, CSV gives the values back. */
@ExtendWith(ApplicationExtension.class)
class ExportFxTest {

    private Heatmap heatmap;
    private LinePlot plot;

    @Start
    void start(Stage stage) {
        heatmap = new Heatmap();
        plot = new LinePlot();
        Scene scene = new Scene(new StackPane(heatmap, plot), 400, 300);
        scene.getStylesheets().add(Theme.DARK.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void heatmapSvgParsesAndItsImageShowsTheMatrix(FxRobot robot) throws Exception {
        // left half −1, right half +1: blue then red in the embedded image
        float[] v = new float[10 * 20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 20 < 10 ? -1 : 1;
        }
        robot.interact(() -> {
            heatmap.setMatrix(MatrixSource.of(v, 10, 20));
            heatmap.getRowMarkers().add(new RowMarker(4, "<b>&\"x\""));
            heatmap.applyCss();
        });
        String svg = SvgExport.heatmap(heatmap, 600, 400);
        Document doc = parse(svg);
        Element image = (Element) doc.getElementsByTagName("image").item(0);
        String href = image.getAttribute("href");
        assertTrue(href.startsWith("data:image/png;base64,"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(href.substring("data:image/png;base64,".length()))));
        assertEquals(Integer.parseInt(image.getAttribute("width")), png.getWidth());
        assertEquals(0xff053061, png.getRGB(2, png.getHeight() / 2), "−1 at the left: the map's blue end");
        assertEquals(0xff67001f, png.getRGB(png.getWidth() - 3, png.getHeight() / 2), "+1 at the right: red");
        List<String> texts = texts(doc);
        assertTrue(texts.contains("position") && texts.contains("dimension"), texts.toString());
        assertTrue(texts.contains("<b>&\"x\""), "marker text escaped and read back: " + texts);
        assertTrue(texts.contains("-1.0") && texts.contains("1.0"), "legend ends, symmetric: " + texts);
        assertEquals(17, doc.getElementsByTagName("stop").getLength());
        Element background = (Element) doc.getElementsByTagName("rect").item(0);
        assertEquals("#1e1e22", background.getAttribute("fill"), "dark theme surface from CSS");
    }

    @Test
    void linePlotSvgHasOnePathPerSeriesThroughItsPoints(FxRobot robot) throws Exception {
        robot.interact(() -> {
            plot.getSeries().setAll(new Series("a", new double[] {0, 1, 2}, new double[] {0, 1, 4}),
                    Series.indexed("b", new double[] {3, 2}));
            plot.applyCss();
        });
        Document doc = parse(SvgExport.linePlot(plot, 500, 300));
        NodeList paths = doc.getElementsByTagName("path");
        assertEquals(2, paths.getLength());
        String d = ((Element) paths.item(0)).getAttribute("d");
        assertEquals(3, d.split("[ML]").length - 1, d);
        PlotFrame f = new PlotFrame(plot.getSeries(), false, 500, 300, PlotFrame.SVG_FONT,
                !plot.getYAxisLabel().isEmpty());
        String[] first = d.substring(1).trim().split("[ L]+");
        assertEquals(f.px(0), Double.parseDouble(first[0]), 0.06);
        assertEquals(f.py(0), Double.parseDouble(first[1]), 0.06);
        assertEquals("#0072b2", ((Element) paths.item(0)).getAttribute("stroke"));
    }

    @Test
    void matrixCsvReadsBackExactly(@TempDir Path dir) throws IOException {
        float[] v = MeanPyramidTest.random(7 * 5, 3);
        v[3] = Float.MIN_VALUE;
        v[4] = -0f;
        StringWriter out = new StringWriter();
        CsvExport.matrix(MatrixSource.of(v, 7, 5), "position", out);
        Path file = dir.resolve("m.csv");
        Files.writeString(file, out.toString());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("position,d0,d1,d2,d3,d4", lines.get(0));
        assertEquals(8, lines.size());
        float[] back = new float[v.length];
        for (int r = 0; r < 7; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertEquals(Integer.toString(r), cells[0]);
            for (int c = 0; c < 5; c++) {
                back[r * 5 + c] = Float.parseFloat(cells[c + 1]);
            }
        }
        assertArrayEquals(v, back);
    }

    @Test
    void seriesCsvIsLongFormatWithQuotedNames() throws IOException {
        StringWriter out = new StringWriter();
        CsvExport.series(List.of(new Series("score, normalised", new double[] {0, 0.5}, new double[] {1, 1e-7})),
                out);
        assertEquals("series,x,y\n\"score, normalised\",0.0,1.0\n\"score, normalised\",0.5,1.0E-7\n",
                out.toString());
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        List<String> out = new ArrayList<>();
        NodeList list = doc.getElementsByTagName("text");
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }
}
