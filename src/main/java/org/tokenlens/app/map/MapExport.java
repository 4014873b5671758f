package org.tokenlens.app.map;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javax.imageio.ImageIO;

/**
 * Writes what a {@link ScatterMap} shows: a PNG snapshot, an SVG of the current view (the points in it as small
 * circles grouped by category, search matches outlined, the sentence path with arrowheads and the same labels the
 * map placed), and the coordinates of every point as CSV. PNG and SVG read the control, so call them on the FX
 * thread; CSV needs only the points.
 */
public final class MapExport {
    private MapExport() {
    }

    public static void writePng(ScatterMap map, Path file) throws IOException {
        WritableImage image = map.snapshot(null, null);
        createParent(file);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    /** The current view as SVG; points outside the view are left out (they are not in the picture either). */
    public static void writeSvg(ScatterMap map, Path file) throws IOException {
        createParent(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeSvg(map, out);
        }
    }

    public static void writeSvg(ScatterMap map, Writer out) throws IOException {
        double w = Math.ceil(map.getWidth());
        double h = Math.ceil(map.getHeight());
        MapPoints points = map.getPoints();
        MapTransform t = map.getTransform() != null ? map.getTransform()
                : points.hasBounds() ? MapTransform.fit(points.minX(), points.minY(), points.maxX(), points.maxY(),
                        w, h, ScatterMap.FIT_PADDING) : MapTransform.IDENTITY;
        double r = map.getPointRadius();
        StringBuilder s = new StringBuilder(64 * Math.min(points.size(), 200_000) + 4096);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(w)).append("\" height=\"")
                .append(num(h)).append("\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(h)).append("\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(hex(map.getPlotBackground())).append("\"/>\n");

        int categories = 0;
        for (int i = 0; i < points.size(); i++) {
            categories = Math.max(categories, points.category(i) + 1);
        }
        s.append("<g id=\"points\" stroke=\"none\" fill-opacity=\"").append(num(map.getPointOpacity())).append("\">\n");
        for (int c = 0; c < categories; c++) {
            s.append("<g class=\"category-").append(c).append("\" fill=\"").append(hex(map.categoryColor(c)))
                    .append("\">\n");
            for (int i = 0; i < points.size(); i++) {
                if (points.category(i) == c) {
                    circle(s, t.toScreenX(points.x(i)), t.toScreenY(points.y(i)), r, w, h);
                }
            }
            s.append("</g>\n");
        }
        s.append("</g>\n");

        s.append("<g id=\"highlighted\" stroke=\"").append(hex(map.getHighlightStroke()))
                .append("\" stroke-width=\"1.4\">\n");
        for (int i : map.indicesOf(map.getHighlightedPoints())) {
            s.append("<g fill=\"").append(hex(map.categoryColor(points.category(i)))).append("\">");
            circle(s, t.toScreenX(points.x(i)), t.toScreenY(points.y(i)), r + 1.5, w, h);
            s.append("</g>\n");
        }
        s.append("</g>\n");

        writePath(s, map, points, t, w, h);
        s.append("</svg>\n");
        out.write(s.toString());
    }

    private static void writePath(StringBuilder s, ScatterMap map, MapPoints points, MapTransform t,
                                  double w, double h) {
        Font font = map.getFont();
        PathLayout path = PathLayout.compute(points, map.getSentencePath(), t, font, w, h, new PathLayout.Measure());
        String stroke = hex(map.getPathStroke());
        s.append("<g id=\"sentence-path\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(num(path.lineWidth)).append("\">\n");
        double stop = path.markerRadius + 2;
        for (int k = 1; k < path.steps(); k++) {
            double x0 = path.stepX[k - 1];
            double y0 = path.stepY[k - 1];
            double dx = path.stepX[k] - x0;
            double dy = path.stepY[k] - y0;
            double len = Math.hypot(dx, dy);
            if (len <= 2 * stop) {
                continue;
            }
            double ux = dx / len;
            double uy = dy / len;
            double ex = path.stepX[k] - ux * stop;
            double ey = path.stepY[k] - uy * stop;
            s.append("<line x1=\"").append(num(x0 + ux * stop)).append("\" y1=\"").append(num(y0 + uy * stop))
                    .append("\" x2=\"").append(num(ex)).append("\" y2=\"").append(num(ey)).append("\"/>\n");
            // the arrowhead as a polygon, not a <marker>: simpler SVG renderers draw markers wrongly or not at all
            double head = path.markerRadius * 1.8;
            if (len >= 2 * stop + head) {
                double bx = ex - ux * head;
                double by = ey - uy * head;
                double half = head * 0.45;
                s.append("<polygon class=\"arrow\" stroke=\"none\" fill=\"").append(stroke).append("\" points=\"")
                        .append(num(ex)).append(',').append(num(ey)).append(' ')
                        .append(num(bx - uy * half)).append(',').append(num(by + ux * half)).append(' ')
                        .append(num(bx + uy * half)).append(',').append(num(by - ux * half)).append("\"/>\n");
            }
        }
        for (int k = 0; k < path.steps(); k++) {
            s.append("<circle class=\"step\" cx=\"").append(num(path.stepX[k])).append("\" cy=\"")
                    .append(num(path.stepY[k])).append("\" r=\"").append(num(path.markerRadius))
                    .append("\" fill=\"").append(hex(map.categoryColor(points.category(path.stepIndex[k]))))
                    .append("\"/>\n");
        }
        s.append("</g>\n<g id=\"labels\" font-family=\"").append(escape(font.getFamily()))
                .append(", system-ui, sans-serif\" stroke=\"none\" font-size=\"")
                .append(num(font.getSize())).append("\">\n");
        for (PathLayout.Label label : path.labels) {
            if (label.leader()) {
                double lx = Math.max(label.x(), Math.min(label.anchorX(), label.x() + label.width()));
                double ly = Math.max(label.y(), Math.min(label.anchorY(), label.y() + label.height()));
                s.append("<line x1=\"").append(num(label.anchorX())).append("\" y1=\"").append(num(label.anchorY()))
                        .append("\" x2=\"").append(num(lx)).append("\" y2=\"").append(num(ly))
                        .append("\" stroke=\"").append(hex(map.getTextFill())).append("\" stroke-width=\"0.8\"/>\n");
            }
            s.append("<rect x=\"").append(num(label.x())).append("\" y=\"").append(num(label.y()))
                    .append("\" width=\"").append(num(label.width())).append("\" height=\"")
                    .append(num(label.height())).append("\" rx=\"3\" fill=\"").append(hex(map.getLabelBackground()))
                    .append("\" fill-opacity=\"").append(num(ScatterMapSkin.LABEL_OPACITY)).append("\"/>\n");
            s.append("<text x=\"").append(num(label.x() + PathLayout.LABEL_PAD_X)).append("\" y=\"")
                    .append(num(label.y() + label.height() / 2)).append("\" dominant-baseline=\"central\" fill=\"")
                    .append(hex(map.getTextFill())).append("\" xml:space=\"preserve\">").append(escape(label.text()))
                    .append("</text>\n");
        }
        s.append("</g>\n");
    }

    private static void circle(StringBuilder s, double x, double y, double r, double w, double h) {
        if (x >= -r && x <= w + r && y >= -r && y <= h + r) {
            s.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"")
                    .append(num(r)).append("\"/>\n");
        }
    }

    /**
     * Every point's data coordinates: {@code id,token,x,y}, the token always quoted (RFC 4180, quotes doubled) so
     * that commas, quotes, newlines and leading spaces in vocabulary pieces survive.
     */
    public static void writeCsv(MapPoints points, Path file) throws IOException {
        createParent(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(points, out);
        }
    }

    public static void writeCsv(MapPoints points, Writer out) throws IOException {
        StringBuilder s = new StringBuilder(32 * points.size() + 16);
        s.append("id,token,x,y\n");
        for (int i = 0; i < points.size(); i++) {
            int id = points.id(i);
            s.append(id).append(",\"").append(points.label(id).replace("\"", "\"\"")).append("\",")
                    .append(points.x(i)).append(',').append(points.y(i)).append('\n');
        }
        out.write(s.toString());
    }

    /** Two decimals are a hundredth of a pixel: exact enough, and half the bytes of full precision. */
    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06X", ScatterMap.argb(c) & 0xFFFFFF);
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters even as references: show them as U+FFFD
                    b.append(ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' ? '\uFFFD' : ch);
                }
            }
        }
        return b.toString();
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
