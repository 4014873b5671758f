package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The conditional Gaussians of each row reach the perplexity (entropy log(perplexity), computed here from the
 * normalised row), whatever the scale of the distances; the symmetrised P is symmetric and sums to 1.
 */
class AffinitiesTest {

    private static double entropy(double[] p, int base, int k) {
        double h = 0;
        for (int j = 0; j < k; j++) {
            double v = p[base + j];
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    @Test
    void everyRowReachesThePerplexityAtAnyDistanceScale() {
        Random r = new Random(5);
        int k = 90;
        for (double scale : new double[] {1e-6, 1e-2, 1, 30, 1e4}) {
            for (int row = 0; row < 50; row++) {
                float[] d2 = new float[k];
                for (int j = 0; j < k; j++) {
                    // sorted like a neighbour list; some rows with a wide spread, some with near-ties
                    d2[j] = (float) (scale * (row % 2 == 0 ? Math.exp(3 * r.nextGaussian()) : 1 + 1e-3 * r.nextDouble()));
                }
                Arrays.sort(d2);
                double[] out = new double[k];
                for (double perplexity : new double[] {5, 30}) {
                    Affinities.calibrate(d2, 0, k, perplexity, out);
                    double sum = Arrays.stream(out).sum();
                    assertEquals(1, sum, 1e-12);
                    assertEquals(Math.log(perplexity), entropy(out, 0, k), 1e-4,
                            "row " + row + " at scale " + scale + ", perplexity " + perplexity);
                    for (int j = 1; j < k; j++) {
                        assertTrue(out[j] <= out[j - 1] * (1 + 1e-12), "nearer neighbours weigh more");
                    }
                }
            }
        }
    }

    @Test
    void symmetrisedPIsSymmetricAndSumsToOne() {
        Points data = Clusters.gaussian(400, 8, 3, 3, 4);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            Affinities p = Affinities.of(ExactKnn.of(data, 30, pool), 400, 10, pool);
            double total = 0;
            for (int i = 0; i < p.n; i++) {
                for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                    int j = p.column[e];
                    total += p.p[e];
                    int back = Arrays.binarySearch(p.column, p.rowStart[j], p.rowStart[j + 1], i);
                    assertTrue(back >= 0, "entry " + i + "→" + j + " has its transpose");
                    assertEquals(p.p[e], p.p[back], 1e-18);
                }
            }
            assertEquals(1, total, 1e-9);
        } finally {
            pool.shutdownNow();
        }
    }
}
