package org.tokenlens.app.heatmap;

/**
 * Draws the part of a matrix in a {@link Viewport} into ARGB pixels. Each pixel is the mean of the pyramid
 * cells its footprint covers, read from the coarsest level that still keeps about a cell per pixel on the
 * less compressed axis; when the axes are compressed very differently a coarser level is taken so that no
 * pixel reads more than about eight cells (trading a little resolution on the finer axis for a redraw
 * within a frame). A redraw therefore reads a few values per screen pixel whatever the
 * matrix size. Holds scratch arrays: one renderer per view, called from one thread at a time (it splits the rows itself).
 */
public final class HeatmapRenderer {

    /** Colour for NaN cells (a model file can hold them; they must not look like 0). */
    static final int NAN_ARGB = 0xff808080;
    static final double MAX_CELLS_PER_PIXEL = 8;

    private int[] xLo = new int[0];
    private int[] xHi = new int[0];
    private float[] xInv = new float[0];
    private float[] acc = new float[0];
    private float[] acc2 = new float[0];
    /** Below this many pixel rows a second thread costs more than it saves. */
    static final int PARALLEL_MIN_ROWS = 64;

    /**
     * Renders into {@code dst[0, width × height)}, row-major; values are coloured over {@code [lo, hi]}.
     *
     * @return the pyramid level read (for tests and the benchmark)
     */
    public int render(MeanPyramid pyramid, Viewport view, ColorMap map, float lo, float hi, int[] dst, int width,
            int height) {
        if (width <= 0 || height <= 0) {
            return 0;
        }
        ensureScratch(width);
        int k = chooseLevel(pyramid, view, width, height);
        float[] data = pyramid.level(k);
        int lr = pyramid.levelRows(k);
        int lc = pyramid.levelCols(k);
        double block = 1 << k;
        double cpx = view.cols() / width;
        double cpy = view.rows() / height;
        for (int x = 0; x < width; x++) {
            double a = view.col0() + x * cpx;
            int l = clamp((int) Math.floor(a / block), lc - 1);
            int h = Math.min(lc, Math.max(l + 1, (int) Math.ceil((a + cpx) / block)));
            xLo[x] = l;
            xHi[x] = h;
            xInv[x] = 1f / (h - l);
        }
        int[] table = map.table();
        float scale = (ColorMap.SIZE - 1) / (hi - lo);
        // the two halves of the image read disjoint rows: the lower half goes to a pool thread, the caller does
        // the upper half, so a redraw uses both cores (the pixel values are the same either way)
        int split = height >= PARALLEL_MIN_ROWS ? height / 2 : height;
        java.util.concurrent.ForkJoinTask<?> lower = split < height
                ? java.util.concurrent.ForkJoinPool.commonPool().submit(() -> renderRows(split, height, view, data,
                        lr, lc, block, cpy, table, lo, scale, dst, width, acc2))
                : null;
        renderRows(0, split, view, data, lr, lc, block, cpy, table, lo, scale, dst, width, acc);
        if (lower != null) {
            lower.join();
        }
        return k;
    }

    private void renderRows(int yFrom, int yTo, Viewport view, float[] data, int lr, int lc, double block,
                            double cpy, int[] table, float lo, float scale, int[] dst, int width, float[] acc) {
        int prevLo = -1;
        int prevHi = -1;
        for (int y = yFrom; y < yTo; y++) {
            double a = view.row0() + y * cpy;
            int r0 = clamp((int) Math.floor(a / block), lr - 1);
            int r1 = Math.min(lr, Math.max(r0 + 1, (int) Math.ceil((a + cpy) / block)));
            int out = y * width;
            if (r0 == prevLo && r1 == prevHi) {
                // zoomed in: this pixel row shows the same cells as the one above
                System.arraycopy(dst, out - width, dst, out, width);
                continue;
            }
            prevLo = r0;
            prevHi = r1;
            java.util.Arrays.fill(acc, 0, width, 0f);
            for (int r = r0; r < r1; r++) {
                int base = r * lc;
                for (int x = 0; x < width; x++) {
                    // spans are 1-3 cells: peel the first so the common span-1 case is a plain gather
                    int c = base + xLo[x];
                    int e = base + xHi[x];
                    float s = data[c];
                    for (c++; c < e; c++) {
                        s += data[c];
                    }
                    acc[x] += s;
                }
            }
            float rowInv = 1f / (r1 - r0);
            for (int x = 0; x < width; x++) {
                float v = acc[x] * xInv[x] * rowInv;
                if (v != v) {
                    dst[out + x] = NAN_ARGB;
                    continue;
                }
                int i = (int) ((v - lo) * scale + 0.5f);
                dst[out + x] = table[i < 0 ? 0 : i > ColorMap.SIZE - 1 ? ColorMap.SIZE - 1 : i];
            }
        }
    }

    /** The coarsest level with at least one cell per pixel on the finer axis, coarser if pixels would read too much. */
    static int chooseLevel(MeanPyramid pyramid, Viewport view, int width, int height) {
        double cpx = view.cols() / width;
        double cpy = view.rows() / height;
        int top = pyramid.levelCount() - 1;
        int k = 0;
        while (k < top && (1 << k + 1) <= Math.min(cpx, cpy)) {
            k++;
        }
        while (k < top && cellsPerPixel(cpx, cpy, k) > MAX_CELLS_PER_PIXEL) {
            k++;
        }
        return k;
    }

    /** About how many level-k cells one pixel's footprint overlaps (half a cell of slack per axis). */
    static double cellsPerPixel(double cpx, double cpy, int k) {
        return (Math.max(1, cpx / (1 << k)) + 0.5) * (Math.max(1, cpy / (1 << k)) + 0.5);
    }

    private static int clamp(int i, int max) {
        return i < 0 ? 0 : Math.min(i, max);
    }

    private void ensureScratch(int width) {
        if (xLo.length < width) {
            xLo = new int[width];
            xHi = new int[width];
            xInv = new float[width];
            acc = new float[width];
            acc2 = new float[width];
        }
    }
}
