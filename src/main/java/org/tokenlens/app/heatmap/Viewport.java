package org.tokenlens.app.heatmap;

/**
 * The part of the matrix in view, in cell units: columns {@code [col0, col0 + cols)} across the plot's width and
 * rows {@code [row0, row0 + rows)} down its height. Kept in cells, not pixels, so a resize shows the same region.
 * The two axes scale independently (a matrix fills the plot whatever its shape); zoom scales both alike.
 * Immutable; every operation returns a viewport clamped to the matrix.
 */
public record Viewport(double col0, double row0, double cols, double rows) {

    /** At most this many screen pixels per cell when zoomed in. */
    static final double MAX_PIXELS_PER_CELL = 64;

    public Viewport {
        if (!(cols > 0 && rows > 0)) {
            throw new IllegalArgumentException("viewport spans must be positive: " + cols + " × " + rows);
        }
    }

    /** The whole matrix. */
    public static Viewport whole(int matrixRows, int matrixCols) {
        return new Viewport(0, 0, matrixCols, matrixRows);
    }

    /** The column under pixel x of a plot {@code width} wide (may be outside the matrix; callers check). */
    public int colAt(double x, double width) {
        return (int) Math.floor(col0 + x * cols / width);
    }

    /** The row under pixel y of a plot {@code height} high (may be outside the matrix; callers check). */
    public int rowAt(double y, double height) {
        return (int) Math.floor(row0 + y * rows / height);
    }

    /** Pixel x of the left edge of column (or fractional column) {@code col}. */
    public double xOf(double col, double width) {
        return (col - col0) * width / cols;
    }

    /** Pixel y of the top edge of row (or fractional row) {@code row}. */
    public double yOf(double row, double height) {
        return (row - row0) * height / rows;
    }

    /**
     * Zoom by {@code factor} (> 1 zooms in) keeping the cell under pixel (x, y) under it, as far as the matrix
     * edges and the zoom limits (whole matrix, {@link #MAX_PIXELS_PER_CELL}) allow.
     */
    public Viewport zoom(double factor, double x, double y, double width, double height, int matrixRows,
            int matrixCols) {
        double newCols = clampSpan(cols / factor, width, matrixCols);
        double newRows = clampSpan(rows / factor, height, matrixRows);
        double anchorCol = col0 + x * cols / width;
        double anchorRow = row0 + y * rows / height;
        return new Viewport(anchorCol - x / width * newCols, anchorRow - y / height * newRows, newCols, newRows)
                .clamped(matrixRows, matrixCols);
    }

    /** Move the content by (dx, dy) screen pixels, as a drag does. */
    public Viewport pan(double dx, double dy, double width, double height, int matrixRows, int matrixCols) {
        return new Viewport(col0 - dx * cols / width, row0 - dy * rows / height, cols, rows)
                .clamped(matrixRows, matrixCols);
    }

    /** The same spans kept inside the matrix (spans larger than the matrix shrink to it). */
    public Viewport clamped(int matrixRows, int matrixCols) {
        double c = Math.min(cols, matrixCols);
        double r = Math.min(rows, matrixRows);
        double c0 = Math.max(0, Math.min(col0, matrixCols - c));
        double r0 = Math.max(0, Math.min(row0, matrixRows - r));
        return new Viewport(c0, r0, c, r);
    }

    private static double clampSpan(double span, double pixels, int cells) {
        double min = Math.min(cells, Math.max(1, pixels / MAX_PIXELS_PER_CELL));
        return Math.max(min, Math.min(span, cells));
    }
}
