package org.tokenlens.app.heatmap;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javax.imageio.ImageIO;

/**
 * Plots as standalone SVG documents. A heatmap's cells are an embedded PNG {@code <image>} (a vector rectangle
 * per cell would be millions of elements) drawn at the export size from the same pyramid as the screen; axes,
 * ticks, labels, markers and the legend (a gradient with the colour map's anchors) are vectors. A line plot is
 * all vectors: one {@code <path>} per run of points. Colours are the controls' styleable export colours.
 */
public final class SvgExport {

    private static final String FONT = "font-family=\"sans-serif\" font-size=\"11\"";

    private SvgExport() {
    }

    /** The heatmap's current view at {@code width × height}; needs data. */
    public static String heatmap(Heatmap h, int width, int height) {
        MeanPyramid d = h.getData();
        if (d == null) {
            throw new IllegalStateException("heatmap has no data to export");
        }
        Viewport v = h.getViewport() == null ? Viewport.whole(d.rows(), d.cols()) : h.getViewport()
                .clamped(d.rows(), d.cols());
        List<RowMarker> markers = new ArrayList<>(h.getRowMarkers());
        markers.sort((a, b) -> Integer.compare(a.row(), b.row()));
        double markerW = markers.isEmpty() ? 0 : 90;
        double px = HeatmapSkin.ROW_TITLE + HeatmapSkin.TICK_LABELS;
        double py = HeatmapSkin.TOP;
        int pw = (int) Math.max(1, width - px - markerW - HeatmapSkin.LEGEND);
        int ph = (int) Math.max(1, height - py - HeatmapSkin.BOTTOM);
        String ink = color(h.getAxisColor());
        StringBuilder s = header(width, height, h.getPlotBackground());
        float[] range = h.valueRange();
        int[] argb = new int[pw * ph];
        new HeatmapRenderer().render(d, v, h.getColorMap(), range[0], range[1], argb, pw, ph);
        s.append(String.format(Locale.ROOT, "<image class=\"cells\" x=\"%s\" y=\"%s\" width=\"%d\" height=\"%d\" "
                + "preserveAspectRatio=\"none\" href=\"data:image/png;base64,%s\"/>\n", n(px), n(py), pw, ph,
                pngBase64(argb, pw, ph)));
        rect(s, px, py, pw, ph, ink);
        double[] rowTicks = AxisTicks.cells(v.row0(), v.row0() + v.rows(), Math.max(2, ph / 60));
        for (double t : rowTicks) {
            double ty = py + v.yOf(t + 0.5, ph);
            if (ty >= py && ty <= py + ph) {
                line(s, px - 5, ty, px, ty, ink);
                text(s, px - 7, ty + 4, "end", AxisTicks.format(t, rowTicks), ink);
            }
        }
        double[] colTicks = AxisTicks.cells(v.col0(), v.col0() + v.cols(), Math.max(2, pw / 80));
        for (double t : colTicks) {
            double tx = px + v.xOf(t + 0.5, pw);
            if (tx >= px && tx <= px + pw) {
                line(s, tx, py + ph, tx, py + ph + 5, ink);
                text(s, tx, py + ph + 17, "middle", AxisTicks.format(t, colTicks), ink);
            }
        }
        text(s, px + pw / 2.0, py + ph + HeatmapSkin.BOTTOM - 8, "middle", h.getColAxisLabel(), ink);
        s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"0\" transform=\"translate(%s %s) rotate(-90)\" "
                + "text-anchor=\"middle\" fill=\"%s\" %s>%s</text>\n", n(12), n(py + ph / 2.0), ink, FONT,
                escape(h.getRowAxisLabel())));
        double lastBottom = Double.NEGATIVE_INFINITY;
        for (RowMarker m : markers) {
            double cy = py + v.yOf(m.row() + 0.5, ph);
            if (m.row() >= d.rows() || cy < py || cy > py + ph || cy - 7 < lastBottom) {
                continue;
            }
            text(s, px + pw + 6, cy + 4, "start", m.label(), ink);
            lastBottom = cy + 7;
        }
        legend(s, h.getColorMap(), range, px + pw + markerW + 10, py, ph, ink);
        clipMarks(s, h, range, px + pw + markerW + 10, py, ph, ink);
        return s.append("</svg>\n").toString();
    }

    /** The line plot at {@code width × height}, every series a vector path. */
    public static String linePlot(LinePlot p, int width, int height) {
        PlotFrame f = new PlotFrame(p.getSeries(), p.isLogY(), width, height, PlotFrame.SVG_FONT,
                !p.getYAxisLabel().isEmpty());
        String ink = color(p.getAxisColor());
        String grid = color(p.getGridColor());
        StringBuilder s = header(width, height, p.getPlotBackground());
        for (double t : f.yTicks) {
            line(s, f.left, f.py(t), f.left + f.width, f.py(t), grid);
            text(s, f.left - 6, f.py(t) + 4, "end", f.yLabel(t), ink);
        }
        for (double t : f.xTicks) {
            line(s, f.px(t), f.top, f.px(t), f.top + f.height, grid);
            text(s, f.px(t), f.top + f.height + 16, "middle", f.xLabel(t), ink);
        }
        rect(s, f.left, f.top, f.width, f.height, ink);
        text(s, f.left + f.width / 2, f.top + f.height + 34, "middle", p.getXAxisLabel(), ink);
        s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"0\" transform=\"translate(%s %s) rotate(-90)\" "
                + "text-anchor=\"middle\" fill=\"%s\" %s>%s</text>\n", n(f.yTitleX + 4), n(f.top + f.height / 2), ink,
                FONT, escape(p.getYAxisLabel())));
        List<Series> all = p.getSeries();
        double legendX = f.legendX + 6;
        for (int k = 0; k < all.size(); k++) {
            Series series = all.get(k);
            StringBuilder d = new StringBuilder();
            boolean open = false;
            for (int i = 0; i < series.x().length; i++) {
                double y = f.py(series.y()[i]);
                if (Double.isNaN(y)) {
                    open = false;
                    continue;
                }
                d.append(open ? 'L' : 'M').append(n(f.px(series.x()[i]))).append(' ').append(n(y)).append(' ');
                open = true;
            }
            s.append(String.format(Locale.ROOT, "<path class=\"series\" data-name=\"%s\" d=\"%s\" fill=\"none\" "
                    + "stroke=\"%s\" stroke-width=\"2\"/>\n", escape(series.name()), d.toString().trim(),
                    color(p.seriesColor(k))));
            double ly = f.legendY + 4 + (f.lineHeight + 4) * (k + 0.5) + 4;
            line(s, legendX, ly - 4, legendX + 18, ly - 4, color(p.seriesColor(k)));
            text(s, legendX + 24, ly, "start", series.name(), ink);
        }
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder header(int width, int height, Paint background) {
        StringBuilder s = new StringBuilder(1 << 16);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\">\n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>\n",
                color(background)));
        return s;
    }

    /** The colour bar: a vertical gradient through the map's table (top = maximum), with value ticks. */
    private static void legend(StringBuilder s, ColorMap map, float[] range, double x, double y, double h,
            String ink) {
        s.append("<defs><linearGradient id=\"legend\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n");
        for (int i = 0; i <= 16; i++) {
            double t = i / 16.0;
            s.append(String.format(Locale.ROOT, "<stop offset=\"%s\" stop-color=\"#%06x\"/>\n", n(t),
                    map.argb(t) & 0xffffff));
        }
        s.append("</linearGradient></defs>\n");
        s.append(String.format(Locale.ROOT, "<rect class=\"legend\" x=\"%s\" y=\"%s\" width=\"14\" height=\"%s\" "
                + "fill=\"url(#legend)\"/>\n", n(x), n(y), n(h)));
        double[] ticks = AxisTicks.linear(range[0], range[1], Math.max(2, (int) (h / 50)));
        for (double t : ticks) {
            double ty = y + h * (1 - (t - range[0]) / (range[1] - range[0]));
            line(s, x + 14, ty, x + 18, ty, ink);
            text(s, x + 20, ty + 4, "start", AxisTicks.format(t, ticks), ink);
        }
    }

    /** As on screen: the exact end value and a triangle in the end colour at each clipped end, and the note. */
    private static void clipMarks(StringBuilder s, Heatmap h, float[] range, double x, double y, double ph,
            String ink) {
        ColorMap map = h.getColorMap();
        if (h.clipsHigh()) {
            text(s, x + 20, y + 4, "start", HeatmapSkin.endLabel(range[1]), ink);
            s.append(String.format(Locale.ROOT, "<polygon class=\"clip-over\" points=\"%s,%s %s,%s %s,%s\" "
                    + "fill=\"#%06x\" stroke=\"%s\"/>\n", n(x), n(y - 2), n(x + 14), n(y - 2), n(x + 7), n(y - 10),
                    map.argb(1) & 0xffffff, ink));
        }
        if (h.clipsLow()) {
            text(s, x + 20, y + ph + 4, "start", HeatmapSkin.endLabel(range[0]), ink);
            s.append(String.format(Locale.ROOT, "<polygon class=\"clip-under\" points=\"%s,%s %s,%s %s,%s\" "
                    + "fill=\"#%06x\" stroke=\"%s\"/>\n", n(x), n(y + ph + 2), n(x + 14), n(y + ph + 2), n(x + 7),
                    n(y + ph + 10), map.argb(0) & 0xffffff, ink));
        }
        if (h.clipsHigh() || h.clipsLow()) {
            ColorRange mode = h.getColorRange() == null ? ColorRange.AUTO : h.getColorRange();
            text(s, x, y + ph + 24, "start", mode.clipNote(), ink);
        }
    }

    private static void line(StringBuilder s, double x0, double y0, double x1, double y1, String stroke) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>\n",
                n(x0), n(y0), n(x1), n(y1), stroke));
    }

    private static void rect(StringBuilder s, double x, double y, double w, double h, String stroke) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"none\" "
                + "stroke=\"%s\"/>\n", n(x), n(y), n(w), n(h), stroke));
    }

    private static void text(StringBuilder s, double x, double y, String anchor, String text, String fill) {
        s.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" fill=\"%s\" %s>%s</text>\n",
                n(x), n(y), anchor, fill, FONT, escape(text)));
    }

    private static String pngBase64(int[] argb, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory: cannot happen
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String color(Paint p) {
        if (p instanceof Color c) {
            String hex = String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
            return c.getOpacity() < 1 ? hex + String.format(Locale.ROOT, "%02x", Math.round(c.getOpacity() * 255))
                    : hex;
        }
        return "#000000";
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters even as references
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
