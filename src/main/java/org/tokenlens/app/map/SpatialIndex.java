package org.tokenlens.app.map;

/**
 * A uniform grid over data coordinates for picking the point nearest the mouse. Built by a counting sort
 * (O(n), about 1 ms for 100k points) into arrays that are reused when the next t-SNE iteration arrives with the
 * same number of points, so an animated projection allocates nothing per frame. Coordinates are copied in cell
 * order so that a query scans contiguous memory. Non-finite points are left out.
 */
final class SpatialIndex {
    /** Average points per cell: small enough that a query touches few points, large enough to keep the grid small. */
    private static final int POINTS_PER_CELL = 4;

    private int cols;
    private int rows;
    private double minX;
    private double minY;
    private double invCellW;
    private double invCellH;
    private int[] cellStart = new int[1];
    private int[] cellIndex = new int[0];
    private float[] cellX = new float[0];
    private float[] cellY = new float[0];
    private int[] cellOf = new int[0];

    /** Re-indexes the points, reusing the arrays when they are large enough. */
    void rebuild(MapPoints points) {
        int n = points.size();
        if (!points.hasBounds()) {
            cols = rows = 0;
            cellStart = new int[1];
            return;
        }
        minX = points.minX();
        minY = points.minY();
        double w = Math.max(points.maxX() - minX, 1e-9);
        double h = Math.max(points.maxY() - minY, 1e-9);
        double cells = Math.max(1, n / (double) POINTS_PER_CELL);
        cols = (int) Math.max(1, Math.min(4096, Math.round(Math.sqrt(cells * w / h))));
        rows = (int) Math.max(1, Math.min(4096, Math.round(cells / cols)));
        invCellW = cols / w;
        invCellH = rows / h;
        int cellCount = cols * rows;
        if (cellStart.length < cellCount + 1) {
            cellStart = new int[cellCount + 1];
        } else {
            java.util.Arrays.fill(cellStart, 0, cellCount + 1, 0);
        }
        if (cellOf.length < n) {
            cellOf = new int[n];
            cellIndex = new int[n];
            cellX = new float[n];
            cellY = new float[n];
        }
        for (int i = 0; i < n; i++) {
            float x = points.x(i);
            float y = points.y(i);
            int c = Float.isFinite(x) && Float.isFinite(y) ? cellAt(x, y) : -1;
            cellOf[i] = c;
            if (c >= 0) {
                cellStart[c + 1]++;
            }
        }
        for (int c = 0; c < cellCount; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        // fill each cell from its start; cellStart[c] ends up at the cell's end, then shift back
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            if (c >= 0) {
                int slot = cellStart[c]++;
                cellIndex[slot] = i;
                cellX[slot] = points.x(i);
                cellY[slot] = points.y(i);
            }
        }
        for (int c = cellCount; c > 0; c--) {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
    }

    private int cellAt(double x, double y) {
        int cx = clamp((int) ((x - minX) * invCellW), cols);
        int cy = clamp((int) ((y - minY) * invCellH), rows);
        return cy * cols + cx;
    }

    private static int clamp(int v, int size) {
        return v < 0 ? 0 : (v >= size ? size - 1 : v);
    }

    /** Index of the point nearest (x, y) no farther than {@code radius} (data units), or -1. */
    int nearest(double x, double y, double radius) {
        if (cols == 0) {
            return -1;
        }
        int c0 = clamp((int) Math.floor((x - radius - minX) * invCellW), cols);
        int c1 = clamp((int) Math.floor((x + radius - minX) * invCellW), cols);
        int r0 = clamp((int) Math.floor((y - radius - minY) * invCellH), rows);
        int r1 = clamp((int) Math.floor((y + radius - minY) * invCellH), rows);
        // a query box wholly outside the data still clamps onto the border cells; the distance test rejects them
        double best = radius * radius;
        int bestIndex = -1;
        for (int r = r0; r <= r1; r++) {
            int rowBase = r * cols;
            int from = cellStart[rowBase + c0];
            int to = cellStart[rowBase + c1 + 1];
            // cells of one row are contiguous, so a row's span is one run
            for (int s = from; s < to; s++) {
                double dx = cellX[s] - x;
                double dy = cellY[s] - y;
                double d = dx * dx + dy * dy;
                if (d <= best) {
                    if (d < best || bestIndex < 0 || cellIndex[s] < bestIndex) {
                        bestIndex = cellIndex[s];
                    }
                    best = d;
                }
            }
        }
        return bestIndex;
    }
}
