package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.Random;

/**
 * How faithfully a projection keeps neighbourhoods, measured on a sample of points against exact distances in
 * both spaces:
 * <ul>
 * <li><b>k-NN preservation</b>: the mean share of each point's k nearest original neighbours that are also among
 *     its k nearest in the projection (1 = all kept);</li>
 * <li><b>trustworthiness</b> (Venna and Kaski 2001): penalises projected neighbours that were far away in the
 *     original space, by their original rank beyond k; 1 = no intruders.</li>
 * </ul>
 *
 * @param k                 neighbourhood size
 * @param knnPreservation   in [0, 1]
 * @param trustworthiness   in [0, 1] (can dip below 0 only for adversarial layouts)
 * @param sampled           number of points the averages are over
 */
public record Quality(int k, double knnPreservation, double trustworthiness, int sampled) {

    /**
     * @param points     original vectors, row i is projection point i (same order as {@code projection.ids()})
     * @param sample     how many points to average over (all when ≥ n); the sample is drawn with {@code seed}
     */
    public static Quality of(Points points, Projection projection, int k, int sample, long seed) {
        int n = points.n();
        if (projection.size() != n) {
            throw new IllegalArgumentException("projection and points differ in size: " + projection.size()
                    + " ≠ " + n);
        }
        if (k < 1 || 3 * k + 1 >= 2 * n) {
            throw new IllegalArgumentException("k must be in [1, (2n − 1) / 3): " + k + " for n = " + n);
        }
        int[] rows = sampleRows(n, sample, seed);
        double kept = 0;
        double penalty = 0;
        double[] original = new double[n];
        double[] embedded = new double[n];
        for (int i : rows) {
            for (int j = 0; j < n; j++) {
                original[j] = j == i ? Double.POSITIVE_INFINITY : points.distance2(i, j);
                embedded[j] = j == i ? Double.POSITIVE_INFINITY : embeddedDistance2(projection, i, j);
            }
            int[] nearOriginal = nearest(original, k);
            int[] nearEmbedded = nearest(embedded, k);
            boolean[] inOriginal = new boolean[n];
            for (int j : nearOriginal) {
                inOriginal[j] = true;
            }
            for (int j : nearEmbedded) {
                if (inOriginal[j]) {
                    kept++;
                } else {
                    // rank of j among i's original neighbours (1 = nearest): how far the intruder came from
                    int rank = 1;
                    for (int l = 0; l < n; l++) {
                        if (original[l] < original[j] || (original[l] == original[j] && l < j)) {
                            rank++;
                        }
                    }
                    penalty += rank - k;
                }
            }
        }
        int s = rows.length;
        double trust = 1 - 2.0 / (s * k * (2.0 * n - 3.0 * k - 1)) * penalty;
        return new Quality(k, kept / (s * (double) k), trust, s);
    }

    private static double embeddedDistance2(Projection p, int i, int j) {
        double dx = p.x()[i] - p.x()[j];
        double dy = p.y()[i] - p.y()[j];
        double s = dx * dx + dy * dy;
        if (p.z() != null) {
            double dz = p.z()[i] - p.z()[j];
            s += dz * dz;
        }
        return s;
    }

    /** Indices of the k smallest values (ties by lower index). */
    static int[] nearest(double[] dist, int k) {
        int n = dist.length;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(dist[a], dist[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = order[j];
        }
        return out;
    }

    private static int[] sampleRows(int n, int sample, long seed) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        if (sample >= n) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < sample; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, sample);
    }
}
