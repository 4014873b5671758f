package org.tokenlens.bench;

import org.tokenlens.engine.positions.FloatMatrix;
import org.tokenlens.engine.positions.SinusoidalEncoding;
import org.tokenlens.engine.positions.SinusoidalEncoding.Layout;
import org.tokenlens.engine.positions.SinusoidalEncoding.Options;

/**
 * Sinusoidal table generation, 8192 × 4096 (the view's largest): ours (exact anchors + angle addition) against the
 * naive loop (one pow-free division and one sin or cos per element) in the same run, best of 5 each, and the
 * maximum absolute difference over the whole matrix.
 * Run: {@code java -Xmx2g -cp $(cat cp.txt):BUILD/classes:BUILD/test-classes org.tokenlens.bench.PositionsBench}
 */
public final class PositionsBench {

    private PositionsBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        double base = 10000;
        // a warm-up pass of both layouts first, so neither is measured on on-stack-replaced code
        for (Layout layout : Layout.values()) {
            SinusoidalEncoding.generate(new Options(Math.min(rows, 1024), d, base, layout));
        }
        for (Layout layout : Layout.values()) {
            Options o = new Options(rows, d, base, layout);
            long best = Long.MAX_VALUE;
            FloatMatrix ours = null;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                ours = SinusoidalEncoding.generate(o);
                best = Math.min(best, System.nanoTime() - t0);
            }
            float[] naive = new float[rows * d];
            long naiveBest = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                naive(naive, rows, d, base, layout);
                naiveBest = Math.min(naiveBest, System.nanoTime() - t0);
            }
            double maxErr = 0;
            float[] v = ours.values();
            for (int k = 0; k < v.length; k++) {
                maxErr = Math.max(maxErr, Math.abs((double) v[k] - naive[k]));
            }
            System.out.printf("%s %d × %d: ours %d ms, naive Math.sin/cos %d ms (%.1f×), max |ours − naive| = %.3g%n",
                    layout.name().toLowerCase(), rows, d, best / 1_000_000, naiveBest / 1_000_000,
                    (double) naiveBest / best, maxErr);
        }
    }

    /** The formula as written: divisor per pair hoisted, then one sin and one cos per pair and position. */
    private static void naive(float[] out, int rows, int d, double base, Layout layout) {
        int half = d / 2;
        double[] div = new double[half];
        for (int i = 0; i < half; i++) {
            div[i] = Math.pow(base, 2.0 * i / d);
        }
        for (int p = 0; p < rows; p++) {
            for (int i = 0; i < half; i++) {
                double angle = p / div[i];
                int s = layout == Layout.INTERLEAVED ? 2 * i : i;
                int c = layout == Layout.INTERLEAVED ? 2 * i + 1 : half + i;
                out[p * d + s] = (float) Math.sin(angle);
                out[p * d + c] = (float) Math.cos(angle);
            }
        }
    }
}
