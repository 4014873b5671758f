package org.tokenlens.app.heatmap;

/**
 * Mip levels of a matrix for drawing it at screen resolution: level {@code k} holds the mean of each
 * {@code 2^k × 2^k} block of the original (the last block of a row or column may be smaller and its mean is
 * over the cells it really covers). A redraw reads the level whose cells are about one screen pixel, so an
 * 8192 × 4096 matrix costs about as much as a screen-sized one. The mean (not min/max) is kept because a
 * heatmap pixel should show what the cells under it average to; a band that oscillates faster than the pixels
 * fades to the centre colour instead of flickering between extremes as the view moves.
 *
 * <p>Level 0 is the source's own array when it has one (no copy). The levels above it add a third of its size.
 * Immutable once built; build it off the FX thread for large matrices.
 */
public final class MeanPyramid {

    private final MatrixSource source;
    private final float[][] levels;
    private final int[] levelRows;
    private final int[] levelCols;
    private final float min;
    private final float max;
    /** Finite values (all of them, or a fixed-seed random sample of a large matrix), sorted ascending. */
    private final float[] sample;
    /** The same values' magnitudes, sorted ascending. */
    private final float[] absSample;

    /** Matrices up to this many cells use every value for percentiles; larger ones a sample of this size. */
    static final int SAMPLE = 1 << 16;

    private MeanPyramid(MatrixSource source, float[][] levels, int[] levelRows, int[] levelCols, float min,
            float max, float[] sample) {
        this.source = source;
        this.levels = levels;
        this.levelRows = levelRows;
        this.levelCols = levelCols;
        this.min = min;
        this.max = max;
        this.sample = sample;
        this.absSample = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            absSample[i] = Math.abs(sample[i]);
        }
        java.util.Arrays.sort(sample);
        java.util.Arrays.sort(absSample);
    }

    /** Builds every level down to 1 × 1 and the finite value range. */
    public static MeanPyramid build(MatrixSource source) {
        int rows = source.rows();
        int cols = source.cols();
        float[] base = source.array();
        if (base == null) {
            base = new float[Math.multiplyExact(rows, cols)];
            float[] row = new float[cols];
            for (int r = 0; r < rows; r++) {
                source.row(r, row);
                System.arraycopy(row, 0, base, r * cols, cols);
            }
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : base) {
            if (v < lo && v != Float.NEGATIVE_INFINITY) {
                lo = v;
            }
            if (v > hi && v != Float.POSITIVE_INFINITY) {
                hi = v;
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 0;
        }
        int count = 1;
        for (int r = rows, c = cols; r > 1 || c > 1; r = (r + 1) / 2, c = (c + 1) / 2) {
            count++;
        }
        float[][] levels = new float[count][];
        int[] lr = new int[count];
        int[] lc = new int[count];
        levels[0] = base;
        lr[0] = rows;
        lc[0] = cols;
        for (int k = 1; k < count; k++) {
            lr[k] = (lr[k - 1] + 1) / 2;
            lc[k] = (lc[k - 1] + 1) / 2;
            levels[k] = halve(levels[k - 1], lr[k - 1], lc[k - 1], rows, cols, k);
        }
        return new MeanPyramid(source, levels, lr, lc, lo, hi, sample(base));
    }

    /**
     * The finite values percentiles are read from: all of a small matrix; of a large one, cells at fixed-seed
     * random indices (a stride would alias with the columns and read the same few dimensions).
     */
    private static float[] sample(float[] base) {
        float[] out = new float[Math.min(base.length, SAMPLE)];
        int n = 0;
        if (base.length <= SAMPLE) {
            for (float v : base) {
                if (Float.isFinite(v)) {
                    out[n++] = v;
                }
            }
        } else {
            java.util.SplittableRandom random = new java.util.SplittableRandom(0x5eed);
            for (int i = 0; i < out.length; i++) {
                float v = base[random.nextInt(base.length)];
                if (Float.isFinite(v)) {
                    out[n++] = v;
                }
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * One level from the one below: each cell is the mean of up to 2 × 2 children weighted by how many original
     * cells each child covers (only the last row and column of children can cover fewer).
     */
    private static float[] halve(float[] prev, int pr, int pc, int rows, int cols, int k) {
        int nr = (pr + 1) / 2;
        int nc = (pc + 1) / 2;
        int childBlock = 1 << k - 1;
        float[] out = new float[nr * nc];
        // original cells covered by the last child row / column; all others cover childBlock
        int lastRowWeight = rows - (pr - 1) * childBlock;
        int lastColWeight = cols - (pc - 1) * childBlock;
        for (int r = 0; r < nr; r++) {
            int r0 = 2 * r;
            boolean pairRow = r0 + 1 < pr;
            float wr0 = r0 == pr - 1 ? lastRowWeight : childBlock;
            float wr1 = pairRow ? (r0 + 1 == pr - 1 ? lastRowWeight : childBlock) : 0;
            int top = r0 * pc;
            int bottom = pairRow ? top + pc : top;
            int o = r * nc;
            for (int c = 0; c < nc; c++) {
                int c0 = 2 * c;
                if (c0 + 1 < pc && wr0 == wr1 && c0 + 1 < pc - 1) {
                    // interior: four equal weights
                    out[o + c] = (prev[top + c0] + prev[top + c0 + 1] + prev[bottom + c0] + prev[bottom + c0 + 1])
                            * 0.25f;
                    continue;
                }
                boolean pairCol = c0 + 1 < pc;
                float wc0 = c0 == pc - 1 ? lastColWeight : childBlock;
                float wc1 = pairCol ? (c0 + 1 == pc - 1 ? lastColWeight : childBlock) : 0;
                double sum = (double) wr0 * wc0 * prev[top + c0];
                if (pairCol) {
                    sum += (double) wr0 * wc1 * prev[top + c0 + 1];
                }
                if (pairRow) {
                    sum += (double) wr1 * wc0 * prev[bottom + c0];
                    if (pairCol) {
                        sum += (double) wr1 * wc1 * prev[bottom + c0 + 1];
                    }
                }
                out[o + c] = (float) (sum / ((wr0 + wr1) * (double) (wc0 + wc1)));
            }
        }
        return out;
    }

    /** The full-resolution values (hover reads these, never a level). */
    public MatrixSource source() {
        return source;
    }

    public int rows() {
        return levelRows[0];
    }

    public int cols() {
        return levelCols[0];
    }

    public int levelCount() {
        return levels.length;
    }

    /** Level {@code k}'s cells, row-major {@code levelRows(k) × levelCols(k)} (not a copy: do not write). */
    public float[] level(int k) {
        return levels[k];
    }

    public int levelRows(int k) {
        return levelRows[k];
    }

    public int levelCols(int k) {
        return levelCols[k];
    }

    /** Smallest finite value of the matrix. */
    public float min() {
        return min;
    }

    /** Largest finite value of the matrix. */
    public float max() {
        return max;
    }

    /** Percentile {@code p ∈ [0, 100]} of the values (linear between order statistics, as numpy's default). */
    public float percentile(double p) {
        return percentileOf(sample, p);
    }

    /** Percentile {@code p ∈ [0, 100]} of the values' magnitudes |v|. */
    public float absPercentile(double p) {
        return percentileOf(absSample, p);
    }

    private static float percentileOf(float[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        double at = Math.min(100, Math.max(0, p)) / 100 * (sorted.length - 1);
        int i = (int) Math.floor(at);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return (float) (sorted[i] + (at - i) * ((double) sorted[i + 1] - sorted[i]));
    }
}
