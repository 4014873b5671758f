package org.tokenlens.app.heatmap;

import java.util.List;

/**
 * Where a {@link LinePlot}'s data lands on a {@code width × height} surface: the data ranges, the plot rectangle
 * inside the margins, ticks, and the data → pixel mapping (log₁₀ on y when asked; non-positive values then have
 * no position). Computed once per size and shared by the canvas and the SVG export so they draw the same plot.
 */
final class PlotFrame {

    static final double LEFT = 62;
    static final double RIGHT = 14;
    static final double TOP = 26;
    static final double BOTTOM = 44;

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

    PlotFrame(List<Series> series, boolean logY, double surfaceWidth, double surfaceHeight) {
        this.logY = logY;
        left = LEFT;
        top = TOP;
        width = Math.max(1, surfaceWidth - LEFT - RIGHT);
        height = Math.max(1, surfaceHeight - TOP - BOTTOM);
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
        xMin = x0;
        xMax = x1;
        yMin = y0;
        yMax = y1;
        xTicks = AxisTicks.linear(xMin, xMax, Math.max(2, (int) (width / 90)));
        yTicks = logY ? AxisTicks.log10(yMin, yMax) : AxisTicks.linear(yMin, yMax, Math.max(2, (int) (height / 50)));
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    /** Pixel y of a value, NaN when it has no place (non-positive on a log axis). */
    double py(double y) {
        if (logY) {
            if (!(y > 0)) {
                return Double.NaN;
            }
            return top + (1 - (Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * height;
        }
        return top + (1 - (y - yMin) / (yMax - yMin)) * height;
    }

    String yLabel(double t) {
        return logY ? AxisTicks.formatLog(t) : AxisTicks.format(t, yTicks);
    }

    String xLabel(double t) {
        return AxisTicks.format(t, xTicks);
    }

    /** True when a legend box {@code w × h} in the top-left corner would cover fewer points than top-right. */
    boolean legendAtLeft(List<Series> series, double w, double h) {
        int underLeft = 0;
        int underRight = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double x = px(s.x()[i]);
                double y = py(s.y()[i]);
                if (!(y <= top + 8 + h)) {
                    continue; // below both boxes, or no position (NaN)
                }
                if (x <= left + 8 + w) {
                    underLeft++;
                }
                if (x >= left + width - 8 - w) {
                    underRight++;
                }
            }
        }
        return underLeft < underRight;
    }
}
