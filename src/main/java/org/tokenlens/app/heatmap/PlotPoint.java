package org.tokenlens.app.heatmap;

/** The data point of a {@link LinePlot} nearest the mouse: series index and name, point index and values. */
public record PlotPoint(int series, String name, int index, double x, double y) {
}
