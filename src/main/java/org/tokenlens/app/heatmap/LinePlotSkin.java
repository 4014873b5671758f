package org.tokenlens.app.heatmap;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link LinePlot} on one canvas (a series of thousands of points is one path, not thousands of nodes).
 * The font follows the control's CSS font via a hidden styled {@link Text}, so presentation mode scales it.
 */
final class LinePlotSkin extends SkinBase<LinePlot> {

    private final Canvas canvas = new Canvas();
    private final Label readout = new Label();
    private final Text fontProbe = new Text();
    private PlotFrame frame;

    LinePlotSkin(LinePlot plot) {
        super(plot);
        readout.getStyleClass().add("hover-readout");
        fontProbe.getStyleClass().add("tick-label");
        fontProbe.setVisible(false);
        fontProbe.setManaged(false);
        getChildren().addAll(canvas, readout, fontProbe);
        plot.getSeries().addListener((javafx.collections.ListChangeListener<Series>) c -> plot.requestLayout());
        registerChangeListener(plot.logYProperty(), o -> plot.requestLayout());
        registerChangeListener(plot.xAxisLabelProperty(), o -> plot.requestLayout());
        registerChangeListener(plot.yAxisLabelProperty(), o -> plot.requestLayout());
        registerChangeListener(plot.seriesColorsProperty(), o -> plot.requestLayout());
        registerChangeListener(plot.axisColorProperty(), o -> plot.requestLayout());
        registerChangeListener(plot.hoveredProperty(), o -> plot.requestLayout());
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> plot.setHovered(null));
    }

    private void hover(double mx, double my) {
        LinePlot plot = getSkinnable();
        if (frame == null || mx < frame.left || mx > frame.left + frame.width || my < frame.top
                || my > frame.top + frame.height) {
            plot.setHovered(null);
            return;
        }
        PlotPoint best = null;
        double bestD = Double.POSITIVE_INFINITY;
        List<Series> all = plot.getSeries();
        for (int s = 0; s < all.size(); s++) {
            Series series = all.get(s);
            for (int i = 0; i < series.x().length; i++) {
                double py = frame.py(series.y()[i]);
                if (Double.isNaN(py)) {
                    continue;
                }
                double d = Math.hypot(frame.px(series.x()[i]) - mx, py - my);
                if (d < bestD) {
                    bestD = d;
                    best = new PlotPoint(s, series.name(), i, series.x()[i], series.y()[i]);
                }
            }
        }
        plot.setHovered(best);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.relocate(x, y);
        canvas.setWidth(w);
        canvas.setHeight(h);
        fontProbe.applyCss();
        frame = new PlotFrame(getSkinnable().getSeries(), getSkinnable().isLogY(), w, h, metrics(),
                !getSkinnable().getYAxisLabel().isEmpty());
        readout.resizeRelocate(x + frame.left, y, frame.width, PlotFrame.TOP - 4);
        PlotPoint p = getSkinnable().getHovered();
        readout.setText(p == null ? "" : p.name() + "  ·  x " + AxisTicks.format(p.x(), frame.xTicks) + "  ·  y "
                + String.format(java.util.Locale.ROOT, "%.5g", p.y()));
        draw(canvas.getGraphicsContext2D(), w, h, fontProbe.getFont());
    }

    private void draw(GraphicsContext g, double w, double h, Font font) {
        LinePlot plot = getSkinnable();
        PlotFrame f = frame;
        g.clearRect(0, 0, w, h);
        g.setFill(plot.getPlotBackground());
        g.fillRect(f.left, f.top, f.width, f.height);
        g.setFont(font);
        g.setLineWidth(1);
        // grid and ticks
        g.setStroke(plot.getGridColor());
        for (double t : f.yTicks) {
            double py = Math.round(f.py(t)) + 0.5;
            g.strokeLine(f.left, py, f.left + f.width, py);
        }
        for (double t : f.xTicks) {
            double px = Math.round(f.px(t)) + 0.5;
            g.strokeLine(px, f.top, px, f.top + f.height);
        }
        g.setStroke(plot.getAxisColor());
        g.strokeRect(f.left + 0.5, f.top + 0.5, f.width - 1, f.height - 1);
        g.setFill(plot.getAxisColor());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : f.yTicks) {
            g.fillText(f.yLabel(t), f.left - 6, f.py(t));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : f.xTicks) {
            g.fillText(f.xLabel(t), f.px(t), f.top + f.height + 5);
        }
        g.fillText(plot.getXAxisLabel(), f.left + f.width / 2, f.top + f.height + 24);
        g.save();
        g.translate(f.yTitleX, f.top + f.height / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(plot.getYAxisLabel(), 0, 0);
        g.restore();
        // series, clipped to the plot
        g.save();
        g.beginPath();
        g.rect(f.left, f.top, f.width, f.height);
        g.clip();
        g.setLineWidth(2);
        List<Series> all = plot.getSeries();
        for (int s = 0; s < all.size(); s++) {
            g.setStroke(plot.seriesColor(s));
            strokeSeries(g, all.get(s), f);
        }
        PlotPoint p = plot.getHovered();
        if (p != null) {
            g.setFill(plot.seriesColor(p.series()));
            double px = f.px(p.x());
            double py = f.py(p.y());
            g.fillOval(px - 4, py - 4, 8, 8);
        }
        g.restore();
        drawLegend(g, all, f);
    }

    /** One path per run of drawable points; a gap (NaN, y ≤ 0 on a log axis) starts a new run. */
    private static void strokeSeries(GraphicsContext g, Series s, PlotFrame f) {
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < s.x().length; i++) {
            double py = f.py(s.y()[i]);
            if (Double.isNaN(py)) {
                open = false;
                continue;
            }
            double px = f.px(s.x()[i]);
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
        }
        g.stroke();
    }

    private void drawLegend(GraphicsContext g, List<Series> all, PlotFrame f) {
        if (all.isEmpty()) {
            return;
        }
        LinePlot plot = getSkinnable();
        double lineH = f.lineHeight + 4;
        double boxW = f.legendW;
        double boxH = f.legendH;
        double bx = f.legendX;
        double by = f.legendY;
        g.setGlobalAlpha(0.88);
        g.setFill(plot.getPlotBackground());
        g.fillRect(bx, by, boxW, boxH);
        g.setGlobalAlpha(1);
        g.setStroke(plot.getGridColor());
        g.setLineWidth(1);
        g.strokeRect(bx + 0.5, by + 0.5, boxW, boxH);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int s = 0; s < all.size(); s++) {
            double cy = by + 4 + lineH * (s + 0.5);
            g.setStroke(plot.seriesColor(s));
            g.setLineWidth(2.5);
            g.strokeLine(bx + 6, cy, bx + 24, cy);
            g.setFill(plot.getAxisColor());
            g.fillText(all.get(s).name(), bx + 30, cy);
        }
    }

    /** Text sizes in the plot's CSS font, measured on the hidden probe. */
    private PlotFrame.TextMetrics metrics() {
        return new PlotFrame.TextMetrics() {
            @Override
            public double width(String s) {
                fontProbe.setText(s);
                return fontProbe.getLayoutBounds().getWidth();
            }

            @Override
            public double lineHeight() {
                fontProbe.setText("Xg");
                return fontProbe.getLayoutBounds().getHeight();
            }
        };
    }

    /** The frame last drawn (for tests and exports). */
    PlotFrame frame() {
        return frame;
    }
}
