package org.tokenlens.app.heatmap;

/** One cell of a heatmap's matrix at full resolution: what hover reports. */
public record HeatmapCell(int row, int col, float value) {
}
