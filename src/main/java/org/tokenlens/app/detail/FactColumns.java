package org.tokenlens.app.detail;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Label/value pairs in rows, wrapping into further columns when the height runs out: in presentation mode the
 * facts at large type would otherwise need ~400 px and push the window's divider up, shrinking the map and lanes
 * above to a strip. Children alternate label, value; in each column the labels share the widest label's width.
 * Asks for one column when there is room (its preferred height), and for {@link #MIN_ROWS} rows at the least.
 */
final class FactColumns extends Region {

    private double hgap = 12;
    private double vgap = 3;
    /** Space between two columns of pairs. */
    private double columnGap = 28;

    FactColumns() {
        getStyleClass().add("fact-columns");
    }

    void setGaps(double hgap, double vgap, double columnGap) {
        this.hgap = hgap;
        this.vgap = vgap;
        this.columnGap = columnGap;
        requestLayout();
    }

    /** Appends one pair. */
    void add(Node label, Node value) {
        getChildren().addAll(label, value);
    }

    void clear() {
        getChildren().clear();
    }

    private int pairs() {
        return getChildren().size() / 2;
    }

    private double rowHeight() {
        double h = 0;
        for (Node n : getChildren()) {
            h = Math.max(h, n.prefHeight(-1));
        }
        return h;
    }

    /** Rows per column that fit {@code height} (all rows when the height is unknown). */
    private int rowsPerColumn(double height) {
        int n = pairs();
        if (n == 0 || height < 0) {
            return Math.max(1, n);
        }
        double inner = height - snappedTopInset() - snappedBottomInset();
        int fit = (int) Math.floor((inner + vgap) / (rowHeight() + vgap));
        return Math.max(1, Math.min(n, fit));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.VERTICAL; // the width follows from how many rows a column holds
    }

    /** Rows a column keeps at the least, so that the pane stays tall enough for a trace's controls beside. */
    static final int MIN_ROWS = 5;

    @Override
    protected double computeMinHeight(double width) {
        int rows = Math.min(pairs(), MIN_ROWS);
        return snappedTopInset() + snappedBottomInset() + (rows == 0 ? 0 : rows * rowHeight() + (rows - 1) * vgap);
    }

    @Override
    protected double computePrefHeight(double width) {
        int n = pairs();
        return snappedTopInset() + snappedBottomInset() + (n == 0 ? 0 : n * rowHeight() + (n - 1) * vgap);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        int rows = rowsPerColumn(height);
        double width = 0;
        for (int first = 0; first < pairs(); first += rows) {
            width += (first == 0 ? 0 : columnGap) + columnWidth(first, Math.min(pairs(), first + rows), null);
        }
        return snappedLeftInset() + snappedRightInset() + width;
    }

    /** Width of the column of pairs [from, to); fills {@code labelWidth[0]} with its labels' width if given. */
    private double columnWidth(int from, int to, double[] labelWidth) {
        double labels = 0;
        double values = 0;
        for (int p = from; p < to; p++) {
            labels = Math.max(labels, getChildren().get(2 * p).prefWidth(-1));
            values = Math.max(values, getChildren().get(2 * p + 1).prefWidth(-1));
        }
        if (labelWidth != null) {
            labelWidth[0] = labels;
        }
        return labels + hgap + values;
    }

    @Override
    protected void layoutChildren() {
        int rows = rowsPerColumn(getHeight());
        double h = rowHeight();
        double x = snappedLeftInset();
        double[] labelWidth = new double[1];
        for (int first = 0; first < pairs(); first += rows) {
            int end = Math.min(pairs(), first + rows);
            double width = columnWidth(first, end, labelWidth);
            double y = snappedTopInset();
            for (int p = first; p < end; p++) {
                Node label = getChildren().get(2 * p);
                Node value = getChildren().get(2 * p + 1);
                label.resizeRelocate(x, y, labelWidth[0], h);
                double valueX = x + labelWidth[0] + hgap;
                value.resizeRelocate(valueX, y, Math.max(0, Math.min(value.prefWidth(-1),
                        getWidth() - snappedRightInset() - valueX)), h);
                y += h + vgap;
            }
            x += width + columnGap;
        }
    }
}
