package org.tokenlens.app.heatmap;

import java.util.List;

/**
 * Where a {@link LinePlot}'s parts land on a {@code width × height} surface: the data ranges, ticks, the plot
 * rectangle, the y title and the legend, and the data → pixel mapping (log₁₀ on y when asked; non-positive values
 * then have no position). The left margin is measured, not fixed: it holds the widest y tick label and the
 * rotated title beside it, so presentation type and labels such as 10⁻⁵ never run into the title. The legend
 * goes in the plot's emptier top corner when it covers no point there, else outside, right of the plot when that
 * leaves the plot room, below it otherwise. Computed once per size and shared by the canvas and the SVG export.
 */
final class PlotFrame {

    static final double RIGHT = 14;
    static final double TOP = 26;
    static final double BOTTOM = 44;
    /** Blank edge left of the y title. */
    static final double PAD = 4;
    /** Between the rotated y title and the widest tick label. */
    static final double TITLE_GAP = 8;
    /** Between a y tick label's right end and the plot. */
    static final double LABEL_GAP = 6;
    /** Between the legend box and the plot or the surface edge. */
    static final double LEGEND_GAP = 8;
    /** The plot keeps at least this share of the width before the legend moves below instead of right. */
    static final double MIN_PLOT_SHARE = 0.6;

    /** Text sizes in the font the plot is drawn with. */
    interface TextMetrics {
        double width(String s);

        double lineHeight();
    }

    /** The SVG export's 11 px sans-serif, estimated (no font is at hand there). */
    static final TextMetrics SVG_FONT = new TextMetrics() {
        @Override
        public double width(String s) {
            return s.codePointCount(0, s.length()) * 6.6;
        }

        @Override
        public double lineHeight() {
            return 14;
        }
    };

    enum LegendPlace { INSIDE_LEFT, INSIDE_RIGHT, RIGHT, BELOW, NONE }

    final double left;
    final double top;
    final double width;
    final double height;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;
    final boolean logY;
    final double[] xTicks;
    final double[] yTicks;
    /** Centre x of the rotated y title. */
    final double yTitleX;
    /** Widest y tick label. */
    final double yLabelWidth;
    final double lineHeight;
    final LegendPlace legendPlace;
    final double legendX;
    final double legendY;
    final double legendW;
    final double legendH;

    PlotFrame(List<Series> series, boolean logY, double surfaceWidth, double surfaceHeight, TextMetrics font,
            boolean yTitle) {
        this.logY = logY;
        lineHeight = font.lineHeight();
        double[] range = dataRange(series, logY);
        xMin = range[0];
        xMax = range[1];
        yMin = range[2];
        yMax = range[3];
        top = TOP;
        double bottom = Math.max(BOTTOM, 2 * lineHeight + 12); // tick labels, then the x title
        double titleW = yTitle ? lineHeight : 0;
        legendW = series.isEmpty() ? 0 : widest(series, font) + 34;
        legendH = series.size() * (lineHeight + 4) + 8;

        // first try: legend inside the plot
        Geometry g = new Geometry(this, surfaceWidth, surfaceHeight - top - bottom, titleW, RIGHT, font);
        LegendPlace place = LegendPlace.NONE;
        if (!series.isEmpty()) {
            int coverLeft = covered(series, g, g.left + LEGEND_GAP);
            int coverRight = covered(series, g, g.left + g.width - LEGEND_GAP - legendW);
            if (Math.min(coverLeft, coverRight) == 0 && legendW + 2 * LEGEND_GAP < g.width
                    && legendH + 2 * LEGEND_GAP < g.height) {
                place = coverLeft < coverRight ? LegendPlace.INSIDE_LEFT : LegendPlace.INSIDE_RIGHT;
            } else if (g.width - legendW - LEGEND_GAP >= MIN_PLOT_SHARE * g.width) {
                place = LegendPlace.RIGHT;
                g = new Geometry(this, surfaceWidth, g.height, titleW, RIGHT + legendW + LEGEND_GAP, font);
            } else {
                place = LegendPlace.BELOW;
                g = new Geometry(this, surfaceWidth, g.height - legendH - LEGEND_GAP, titleW, RIGHT, font);
            }
        }
        left = g.left;
        width = g.width;
        height = g.height;
        yTicks = g.yTicks;
        yLabelWidth = g.labelWidth;
        yTitleX = PAD + titleW / 2;
        xTicks = AxisTicks.linear(xMin, xMax, Math.max(2, (int) (width / 90)));
        legendPlace = place;
        switch (place) {
            case INSIDE_LEFT -> {
                legendX = left + LEGEND_GAP;
                legendY = top + LEGEND_GAP;
            }
            case INSIDE_RIGHT -> {
                legendX = left + width - LEGEND_GAP - legendW;
                legendY = top + LEGEND_GAP;
            }
            case RIGHT -> {
                legendX = left + width + LEGEND_GAP;
                legendY = top;
            }
            case BELOW -> {
                legendX = Math.max(PAD, Math.min(left, surfaceWidth - LEGEND_GAP - legendW));
                legendY = top + height + bottom;
            }
            default -> {
                legendX = 0;
                legendY = 0;
            }
        }
    }

    /** The plot's width, height, y ticks and left margin for a given plot height and right margin. */
    private static final class Geometry {
        final double left;
        final double width;
        final double height;
        final double[] yTicks;
        final double labelWidth;

        Geometry(PlotFrame f, double surfaceWidth, double plotHeight, double titleW, double right, TextMetrics font) {
            height = Math.max(1, plotHeight);
            yTicks = f.logY ? AxisTicks.log10(f.yMin, f.yMax)
                    : AxisTicks.linear(f.yMin, f.yMax, Math.max(2, (int) (height / 50)));
            double widest = 0;
            for (double t : yTicks) {
                widest = Math.max(widest, font.width(label(f.logY, t, yTicks)));
            }
            labelWidth = widest;
            left = Math.ceil(PAD + titleW + (titleW > 0 ? TITLE_GAP : 0) + widest + LABEL_GAP);
            width = Math.max(1, surfaceWidth - left - right);
        }
    }

    private static double[] dataRange(List<Series> series, boolean logY) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (!Double.isFinite(y) || !Double.isFinite(s.x()[i]) || (logY && y <= 0)) {
                    continue;
                }
                x0 = Math.min(x0, s.x()[i]);
                x1 = Math.max(x1, s.x()[i]);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        if (x0 > x1) {
            x0 = 0;
            x1 = 1;
            y0 = logY ? 1 : 0;
            y1 = logY ? 10 : 1;
        }
        if (x1 == x0) {
            x1 = x0 + 1;
        }
        if (logY) {
            // whole decades, so the ends carry labels
            y0 = Math.pow(10, Math.floor(Math.log10(y0)));
            y1 = Math.pow(10, Math.ceil(Math.log10(y1)));
            if (y1 == y0) {
                y1 = y0 * 10;
            }
        } else {
            double pad = y1 > y0 ? (y1 - y0) * 0.05 : Math.max(1, Math.abs(y0)) * 0.5;
            y0 -= pad;
            y1 += pad;
        }
        return new double[] {x0, x1, y0, y1};
    }

    private static double widest(List<Series> series, TextMetrics font) {
        double w = 0;
        for (Series s : series) {
            w = Math.max(w, font.width(s.name()));
        }
        return w;
    }

    /** Points of all series inside a legend box at {@code (boxX, top + gap)} under a trial geometry. */
    private int covered(List<Series> series, Geometry g, double boxX) {
        double boxY = top + LEGEND_GAP;
        int n = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double x = g.left + (s.x()[i] - xMin) / (xMax - xMin) * g.width;
                double y = py(s.y()[i], top, g.height);
                if (y >= boxY && y <= boxY + legendH && x >= boxX && x <= boxX + legendW) {
                    n++;
                }
            }
        }
        return n;
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    /** Pixel y of a value, NaN when it has no place (non-positive on a log axis). */
    double py(double y) {
        return py(y, top, height);
    }

    private double py(double y, double top, double height) {
        if (logY) {
            if (!(y > 0)) {
                return Double.NaN;
            }
            return top + (1 - (Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * height;
        }
        return top + (1 - (y - yMin) / (yMax - yMin)) * height;
    }

    String yLabel(double t) {
        return label(logY, t, yTicks);
    }

    private static String label(boolean logY, double t, double[] ticks) {
        return logY ? AxisTicks.formatLog(t) : AxisTicks.format(t, ticks);
    }

    String xLabel(double t) {
        return AxisTicks.format(t, xTicks);
    }

    /** True when the legend is drawn over the plot (then on a translucent box), false when beside or below it. */
    boolean legendInside() {
        return legendPlace == LegendPlace.INSIDE_LEFT || legendPlace == LegendPlace.INSIDE_RIGHT;
    }
}
