package org.tokenlens.engine.positions;

/**
 * ALiBi (Press et al. 2021): no position vectors; each head adds {@code −slope·(i − j)} to the score of query i
 * on key j. Implementations (BLOOM, MPT) often add {@code slope·j} instead, which differs by a per-row constant
 * and so gives the same softmax; we show the paper's form.
 */
public final class AlibiBias {

    private AlibiBias() {
    }

    /**
     * Per-head slopes: for {@code n} a power of two the geometric sequence starting at and with ratio
     * {@code 2^(−8/n)} (1/2 … 1/256 for 8 heads); otherwise, as the reference code, the slopes of the largest
     * power of two {@code p < n}, then every other slope of {@code 2p} heads until there are n.
     */
    public static double[] slopes(int heads) {
        if (heads < 1) {
            throw new IllegalArgumentException("heads must be ≥ 1: " + heads);
        }
        int p = Integer.highestOneBit(heads);
        double[] out = new double[heads];
        double[] first = powerOfTwoSlopes(p);
        System.arraycopy(first, 0, out, 0, p);
        if (p != heads) {
            double[] doubled = slopes(2 * p);
            for (int k = 0; k < heads - p; k++) {
                out[p + k] = doubled[2 * k];
            }
        }
        return out;
    }

    private static double[] powerOfTwoSlopes(int n) {
        double start = Math.pow(2, -8.0 / n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(start, i + 1);
        }
        return out;
    }

    /**
     * The {@code n × n} bias of one head: {@code −slope·|i − j|}; when {@code causal}, keys after the query
     * (j &gt; i) are masked with −∞ as in a decoder.
     */
    public static FloatMatrix bias(double slope, int n, boolean causal) {
        FloatMatrix m = FloatMatrix.zeros(n, n, "ALiBi bias −slope·|i−j|, slope " + slope
                + (causal ? ", causal (future keys masked)" : "") + " (Press et al. 2021)");
        float[] v = m.values();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // i == j gives 0, not −0 (which CSV would print as "-0.0")
                v[i * n + j] = causal && j > i ? Float.NEGATIVE_INFINITY
                        : i == j ? 0f : (float) (-slope * Math.abs(i - j));
            }
        }
        return m;
    }
}
