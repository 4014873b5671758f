package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pixel ↔ cell mapping under zoom and pan, and what a redraw reads. */
class ViewportTest {

    private static final int W = 400;
    private static final int H = 300;

    @Test
    void wholeMatrixMapsPixelsProportionally() {
        Viewport v = Viewport.whole(600, 800); // 800 columns across 400 px, 600 rows down 300 px
        assertEquals(0, v.colAt(0, W));
        assertEquals(2 * 123, v.colAt(123.2, W));
        assertEquals(799, v.colAt(399.9, W));
        assertEquals(155, v.rowAt(77.5, H));
        assertEquals(154, v.rowAt(77.49, H));
        assertEquals(50, v.xOf(100, W), 1e-9);
    }

    @Test
    void zoomKeepsTheCellUnderTheCursor() {
        Viewport v = Viewport.whole(600, 800);
        double x = 123.4;
        double y = 211.0;
        int col = v.colAt(x, W);
        int row = v.rowAt(y, H);
        Viewport z = v.zoom(4, x, y, W, H, 600, 800);
        assertEquals(200, z.cols(), 1e-9);
        assertEquals(150, z.rows(), 1e-9);
        assertEquals(col, z.colAt(x, W));
        assertEquals(row, z.rowAt(y, H));
        // and back out: the whole matrix again, clamped
        Viewport out = z.zoom(1 / 8.0, x, y, W, H, 600, 800);
        assertEquals(Viewport.whole(600, 800), out);
    }

    @Test
    void panMovesByScreenPixelsAndStopsAtTheEdges() {
        Viewport z = new Viewport(100, 100, 200, 150);
        Viewport p = z.pan(-40, 20, W, H, 600, 800); // drag left 40 px: content moves left, view moves right
        assertEquals(120, p.col0(), 1e-9);
        assertEquals(90, p.row0(), 1e-9);
        assertEquals(p.colAt(0, W), z.colAt(40, W));
        Viewport edge = z.pan(10_000, -10_000, W, H, 600, 800);
        assertEquals(0, edge.col0(), 1e-9);
        assertEquals(450, edge.row0(), 1e-9);
    }

    @Test
    void zoomStopsAtSixtyFourPixelsPerCell() {
        Viewport z = Viewport.whole(600, 800).zoom(1e6, 10, 10, W, H, 600, 800);
        assertEquals(W / Viewport.MAX_PIXELS_PER_CELL, z.cols(), 1e-9);
        assertEquals(H / Viewport.MAX_PIXELS_PER_CELL, z.rows(), 1e-9);
    }

    /** A tall matrix on a small plot: the finest level whose pixels read a bounded number of cells. */
    @Test
    void redrawOfAHugeMatrixReadsALevelNearScreenResolution() {
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(new float[8192 * 64], 8192, 64));
        int k = HeatmapRenderer.chooseLevel(p, Viewport.whole(8192, 64), 64, 1024);
        assertEquals(1, k, "1 column and 8 rows per pixel: level 1, 1-2 × 4-5 cells per pixel");
        int coarse = HeatmapRenderer.chooseLevel(p, Viewport.whole(8192, 64), 16, 256);
        assertEquals(3, coarse, "4 columns and 32 rows per pixel: 1 × 4 cells of level 3");
        int fine = HeatmapRenderer.chooseLevel(p, new Viewport(0, 0, 32, 100), 64, 1024);
        assertEquals(0, fine, "zoomed in: full resolution");
        double cpx = 64 / 64.0;
        double cpy = 8192 / 1024.0;
        assertTrue(HeatmapRenderer.cellsPerPixel(cpx, cpy, k) <= HeatmapRenderer.MAX_CELLS_PER_PIXEL);
        assertTrue(HeatmapRenderer.cellsPerPixel(4, 32, coarse) <= HeatmapRenderer.MAX_CELLS_PER_PIXEL);
        assertTrue(HeatmapRenderer.cellsPerPixel(4, 32, coarse - 1) > HeatmapRenderer.MAX_CELLS_PER_PIXEL);
    }

    /** Each pixel of a zoomed-out render is the mean of the block under it. */
    @Test
    void renderedPixelsAreBlockMeans() {
        int rows = 64;
        int cols = 32;
        float[] v = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r * cols + c] = (c % 2 == 0 ? 1 : -1) * (r / 8) / 8f; // 8-row bands, alternating columns
            }
        }
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(v, rows, cols));
        int[] px = new int[8 * 8];
        new HeatmapRenderer().render(p, Viewport.whole(rows, cols), ColorMap.VIRIDIS, -1, 1, px, 8, 8);
        for (int y = 0; y < 8; y++) {
            // 4 columns per pixel: +b and −b cancel, the mean is 0 → the middle of the map
            assertEquals(ColorMap.VIRIDIS.argb(0.5), px[y * 8 + 3]);
        }
        int[] one = new int[32 * 16];
        new HeatmapRenderer().render(p, Viewport.whole(rows, cols), ColorMap.VIRIDIS, -1, 1, one, 32, 16);
        // a column per pixel, 4 rows per pixel (level 0 or 1, both exact for 8-row bands)
        assertEquals(ColorMap.VIRIDIS.argb((1 + 5 / 8.0) / 2), one[10 * 32], "even column, band 5: +5/8");
        assertEquals(ColorMap.VIRIDIS.argb((1 - 5 / 8.0) / 2), one[10 * 32 + 1], "odd column, band 5: −5/8");
    }
}
