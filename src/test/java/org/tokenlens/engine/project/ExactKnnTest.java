package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The triangular blocked k-NN against a brute-force double-precision scan, across block boundaries. */
class ExactKnnTest {

    @Test
    void neighboursAreTheBruteForceOnesInOrderWhateverTheThreadCount() {
        int n = 700; // three sgemm blocks of 256: pairs inside a block, across blocks, and in the short last one
        Points points = Clusters.gaussian(n, 24, 7, 2, 13);
        int k = 15;
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            ExactKnn a = ExactKnn.of(points, k, one);
            ExactKnn b = ExactKnn.of(points, k, two);
            assertArrayEquals(a.index, b.index);
            assertArrayEquals(a.distance2, b.distance2);
            assertBruteForce(points, a, 1e-3);
        } finally {
            one.shutdownNow();
            two.shutdownNow();
        }
    }

    @Test
    void tiesGoToTheLowerIndexAcrossBlocksAndBufferCuts() {
        // 600 points on 37 distinct small-integer spots: every distance is exact in float, and each row meets
        // dozens of candidates at exactly its k-th distance, before and after its candidate buffer is cut back
        int n = 600;
        int dim = 5;
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int spot = (i * 7) % 37;
            for (int c = 0; c < dim; c++) {
                v[i * dim + c] = (spot * (c + 3)) % 5;
            }
        }
        Points points = new Points(v, n, dim);
        int k = 40;
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            ExactKnn a = ExactKnn.of(points, k, two);
            assertBruteForce(points, a, 0);
        } finally {
            two.shutdownNow();
        }
    }

    /**
     * Every row's neighbours are the k nearest of a brute-force double-precision scan, ties by lower index, nearest
     * first, with distances within {@code relative} of the scan's.
     */
    private static void assertBruteForce(Points points, ExactKnn a, double relative) {
        int n = points.n();
        int k = a.k;
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) {
                d[j] = j == i ? Double.POSITIVE_INFINITY : points.distance2(i, j);
            }
            int[] want = Quality.nearest(d, k);
            for (int r = 0; r < k; r++) {
                assertEquals(want[r], a.index[i * k + r], "row " + i + " rank " + r);
                assertEquals(d[want[r]], a.distance2[i * k + r], relative * d[want[r]], "row " + i + " rank " + r);
            }
        }
    }
}
