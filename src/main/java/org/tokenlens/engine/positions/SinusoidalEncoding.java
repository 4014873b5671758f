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

    /** Anchor spacing: 64 keeps the offset table (64 × d/2 doubles ×2) in L2 for d = 4096. */
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
        double[] div = new double[half];
        for (int i = 0; i < half; i++) {
            div[i] = divisor(i, d, o.base());
        }
        int offsets = Math.min(BLOCK, rows);
        double[] offSin = new double[offsets * half];
        double[] offCos = new double[offsets * half];
        for (int b = 0; b < offsets; b++) {
            for (int i = 0; i < half; i++) {
                double angle = b / div[i];
                offSin[b * half + i] = Math.sin(angle);
                offCos[b * half + i] = Math.cos(angle);
            }
        }
        double[] anchorSin = new double[half];
        double[] anchorCos = new double[half];
        boolean interleaved = o.layout() == Layout.INTERLEAVED;
        for (int a = 0; a < rows; a += BLOCK) {
            for (int i = 0; i < half; i++) {
                double angle = a / div[i];
                anchorSin[i] = Math.sin(angle);
                anchorCos[i] = Math.cos(angle);
            }
            int end = Math.min(rows, a + BLOCK);
            for (int p = a; p < end; p++) {
                int off = (p - a) * half;
                int r = p * d;
                if (interleaved) {
                    for (int i = 0; i < half; i++) {
                        double as = anchorSin[i];
                        double ac = anchorCos[i];
                        double bs = offSin[off + i];
                        double bc = offCos[off + i];
                        out[r + 2 * i] = (float) (as * bc + ac * bs);
                        out[r + 2 * i + 1] = (float) (ac * bc - as * bs);
                    }
                } else {
                    for (int i = 0; i < half; i++) {
                        double as = anchorSin[i];
                        double ac = anchorCos[i];
                        double bs = offSin[off + i];
                        double bc = offCos[off + i];
                        out[r + i] = (float) (as * bc + ac * bs);
                        out[r + half + i] = (float) (ac * bc - as * bs);
                    }
                }
            }
        }
        return m;
    }

    static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
