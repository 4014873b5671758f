package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The sparse input similarities P of Barnes-Hut t-SNE: for each point a Gaussian over its k nearest neighbours
 * whose bandwidth is found by bisection so that the entropy equals log(perplexity), then symmetrised
 * {@code p_ij = (p_j|i + p_i|j) / 2n} so that P sums to 1. Stored as compressed rows (CSR) with both directions.
 */
final class Affinities {

    final int n;
    final int[] rowStart;
    final int[] column;
    final double[] p;

    private Affinities(int n, int[] rowStart, int[] column, double[] p) {
        this.n = n;
        this.rowStart = rowStart;
        this.column = column;
        this.p = p;
    }

    static Affinities of(ExactKnn knn, int n, double perplexity, ForkJoinPool pool) {
        int k = knn.k;
        double[] conditional = new double[n * k];
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i ->
                calibrate(knn.distance2, i * k, k, perplexity, conditional))).join();
        return symmetrise(knn.index, conditional, n, k, pool);
    }

    /**
     * The precision β of row i such that the entropy H(β) equals log(perplexity): Newton steps on H, which falls
     * as β grows ({@code dH/dβ = −β · Var(d²)} under the row's distribution), kept inside a bisection bracket —
     * a step that would leave the bracket bisects instead; converges in a handful of steps where plain bisection
     * took dozens. Distances are shifted by the row's minimum before exp() so that far-away neighbourhoods do not
     * underflow to all zeros.
     */
    static void calibrate(float[] d2, int base, int k, double perplexity, double[] out) {
        double target = Math.log(perplexity);
        double min = d2[base];
        double mean = 0;
        for (int j = 0; j < k; j++) {
            mean += d2[base + j] - min;
        }
        mean /= k;
        // a start where exp(−β d²) spans the row's distances
        double beta = mean > 0 ? 1 / mean : 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 200; iter++) {
            double sum = 0;
            double weighted = 0;
            double weighted2 = 0;
            for (int j = 0; j < k; j++) {
                double shifted = d2[base + j] - min;
                double w = Math.exp(-beta * shifted);
                out[base + j] = w;
                sum += w;
                weighted += w * shifted;
                weighted2 += w * shifted * shifted;
            }
            double m1 = weighted / sum;
            double entropy = Math.log(sum) + beta * m1;
            double diff = entropy - target;
            if (Math.abs(diff) < 1e-5) {
                break;
            }
            if (diff > 0) {
                lo = beta;
            } else {
                hi = beta;
            }
            double slope = -beta * (weighted2 / sum - m1 * m1);
            double next = slope < 0 ? beta - diff / slope : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = Double.isInfinite(hi) ? beta * 2 : (lo + hi) / 2;
            }
            beta = next;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += out[base + j];
        }
        for (int j = 0; j < k; j++) {
            out[base + j] /= sum;
        }
    }

    /**
     * Adds each row's entries and their transposes, merges duplicates, divides by 2n. Rows are sorted and merged
     * in parallel, each in its own slice of the arrays (the same sums in the same order for any thread count),
     * then packed.
     */
    private static Affinities symmetrise(int[] index, double[] conditional, int n, int k, ForkJoinPool pool) {
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            count[i] += k;
            for (int j = 0; j < k; j++) {
                count[index[i * k + j]]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] col = new int[start[n]];
        double[] val = new double[start[n]];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int t = index[i * k + j];
                double v = conditional[i * k + j];
                col[fill[i]] = t;
                val[fill[i]++] = v;
                col[fill[t]] = i;
                val[fill[t]++] = v;
            }
        }
        // sort each row by column and merge duplicates (i→j and j→i both present) at the front of its slice
        int[] kept = new int[n];
        double scale = 1.0 / (2.0 * n);
        int tasks = 4 * pool.getParallelism();
        pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(task -> {
            long[] keys = new long[2 * k + 64];
            double[] rowVals = new double[2 * k + 64];
            for (int i = (int) ((long) n * task / tasks); i < (int) ((long) n * (task + 1) / tasks); i++) {
                int a = start[i];
                int len = start[i + 1] - a;
                if (keys.length < len) {
                    keys = new long[len];
                    rowVals = new double[len];
                }
                for (int e = 0; e < len; e++) {
                    keys[e] = ((long) col[a + e] << 32) | e;
                }
                Arrays.sort(keys, 0, len);
                System.arraycopy(val, a, rowVals, 0, len);
                int w = a;
                int last = -1;
                for (int e = 0; e < len; e++) {
                    int c = (int) (keys[e] >>> 32);
                    double v = rowVals[(int) keys[e]];
                    if (c == last) {
                        val[w - 1] += v * scale;
                    } else {
                        col[w] = c;
                        val[w++] = v * scale;
                        last = c;
                    }
                }
                kept[i] = w - a;
            }
        })).join();
        int[] outStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            outStart[i + 1] = outStart[i] + kept[i];
        }
        int[] outCol = new int[outStart[n]];
        double[] outVal = new double[outStart[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(col, start[i], outCol, outStart[i], kept[i]);
            System.arraycopy(val, start[i], outVal, outStart[i], kept[i]);
        }
        return new Affinities(n, outStart, outCol, outVal);
    }
}
