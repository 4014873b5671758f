package org.tokenlens.engine.positions;

/**
 * The fixed sinusoidal table of Vaswani et al. 2017: {@code PE(pos, 2i) = sin(pos / base^(2i/d))},
 * {@code PE(pos, 2i+1) = cos(pos / base^(2i/d))}.
 *
 * <p>Speed without drift: a sin/cos call per element costs seconds for 8192 × 4096. Row {@code p = a + b} with
 * {@code a} a multiple of {@link #BLOCK} is built from exact values at the anchor {@code a} and exact values at the
 * offset {@code b} by the angle-addition formulas ({@code sin(x+y) = sin x cos y + cos x sin y}). Every element
 * is one complex product of two correctly computed values, so the error does not grow with the position (unlike a
 * running rotation): it stays within a few double ulps before the final rounding to float. Trig calls drop from
 * {@code P·d} to {@code (P/BLOCK + BLOCK)·d}.
 */
public final class SinusoidalEncoding {

    /** Anchor spacing: trig calls for P/64 anchors and 64 offsets; the offset tables are 64 × d doubles each. */
    static final int BLOCK = 64;

    /** Where the sines and cosines go within a row. */
    public enum Layout {
        /** The paper's: sin at even dimensions 2i, cos at odd 2i+1. */
        INTERLEAVED("interleaved sin/cos (Vaswani et al. 2017 layout)"),
        /** tensor2tensor's and many libraries': all sines in [0, d/2), then all cosines in [d/2, d). */
        CONCATENATED("concatenated sin|cos (tensor2tensor layout)");

        private final String description;

        Layout(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * @param positions number of rows (positions 0 … positions−1)
     * @param dim       d_model, even
     * @param base      10000 in the paper
     * @param layout    where sin and cos go
     */
    public record Options(int positions, int dim, double base, Layout layout) {
        public Options {
            if (positions < 1) {
                throw new IllegalArgumentException("positions must be ≥ 1: " + positions);
            }
            if (dim < 2 || dim % 2 != 0) {
                throw new IllegalArgumentException("dim must be even and ≥ 2: " + dim);
            }
            if (!(base > 1) || Double.isInfinite(base)) {
                throw new IllegalArgumentException("base must be a finite number > 1: " + base);
            }
            if (layout == null) {
                throw new IllegalArgumentException("layout must be given");
            }
            if ((long) positions * dim > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("positions × dim too large: " + positions + " × " + dim);
            }
        }

        /** The paper's defaults: base 10000, interleaved. */
        public static Options paper(int positions, int dim) {
            return new Options(positions, dim, 10000, Layout.INTERLEAVED);
        }
    }

    private SinusoidalEncoding() {
    }

    /** The divisor {@code base^(2i/d)} of pair {@code i}: the wavelength over 2π. */
    static double divisor(int pair, int dim, double base) {
        return Math.pow(base, (2.0 * pair) / dim);
    }

    /** The whole table, {@code positions × dim}. */
    public static FloatMatrix generate(Options o) {
        int d = o.dim();
        int half = d / 2;
        int rows = o.positions();
        FloatMatrix m = FloatMatrix.zeros(rows, d, "sinusoidal (Vaswani et al. 2017), " + o.layout().description()
                + ", d=" + d + ", base=" + trim(o.base()));
        float[] out = m.values();
        boolean interleaved = o.layout() == Layout.INTERLEAVED;
        int[] sinCol = new int[half];
        int[] cosCol = new int[half];
        double[] div = new double[half];
        for (int i = 0; i < half; i++) {
            div[i] = divisor(i, d, o.base());
            sinCol[i] = interleaved ? 2 * i : i;
            cosCol[i] = interleaved ? 2 * i + 1 : half + i;
        }
        // Per column k, value(a + b) = x[k]·p[k] + y[k]·q[k]: for a sine column x = sin a, y = cos a,
        // p = cos b, q = sin b; for a cosine column x = cos a, y = sin a, p = cos b, q = −sin b. Written per
        // column rather than per pair, the row loop is contiguous in every array whatever the layout, so the
        // JIT vectorizes it.
        int offsets = Math.min(BLOCK, rows);
        double[] p = new double[offsets * d];
        double[] q = new double[offsets * d];
        for (int b = 0; b < offsets; b++) {
            for (int i = 0; i < half; i++) {
                double angle = b / div[i];
                double sin = Math.sin(angle);
                double cos = Math.cos(angle);
                p[b * d + sinCol[i]] = cos;
                q[b * d + sinCol[i]] = sin;
                p[b * d + cosCol[i]] = cos;
                q[b * d + cosCol[i]] = -sin;
            }
        }
        double[] x = new double[d];
        double[] y = new double[d];
        for (int a = 0; a < rows; a += BLOCK) {
            for (int i = 0; i < half; i++) {
                double angle = a / div[i];
                double sin = Math.sin(angle);
                double cos = Math.cos(angle);
                x[sinCol[i]] = sin;
                y[sinCol[i]] = cos;
                x[cosCol[i]] = cos;
                y[cosCol[i]] = sin;
            }
            int end = Math.min(rows, a + BLOCK);
            for (int row = a; row < end; row++) {
                int off = (row - a) * d;
                int r = row * d;
                for (int k = 0; k < d; k++) {
                    out[r + k] = (float) (x[k] * p[off + k] + y[k] * q[off + k]);
                }
            }
        }
        return m;
    }

    static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
