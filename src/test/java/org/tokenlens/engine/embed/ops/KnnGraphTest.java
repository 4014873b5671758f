package org.tokenlens.engine.embed.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batch k-NN among a subset, against the brute force restricted to that subset. */
class KnnGraphTest {

    @ParameterizedTest
    @EnumSource(Metric.class)
    void neighboursAmongASubsetAsPositions(Metric metric) {
        HeapMatrix m = HeapMatrix.random(3_000, 24, 5);
        Random random = new Random(9);
        int n = 1_001; // not a multiple of the 4-query tile: the tail path runs too
        int[] rows = random.ints(0, m.rows()).distinct().limit(n).toArray();
        int k = 7;
        int[][] knn = KnnGraph.knn(m, rows, k, metric);
        assertEquals(n, knn.length);
        float[][] subset = new float[n][];
        for (int i = 0; i < n; i++) {
            subset[i] = m.values()[rows[i]];
        }
        int mismatches = 0;
        for (int i = 0; i < n; i++) {
            double[] ref = Reference.scores(subset, subset[i], metric);
            ref[i] = metric.higherIsNearer() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY; // never itself
            Integer[] order = Reference.order(ref, metric);
            assertEquals(k, knn[i].length);
            for (int j = 0; j < k; j++) {
                if (knn[i][j] != order[j]) {
                    // only acceptable as a float-rounding swap of near-equal reference scores
                    double gap = Math.abs(ref[knn[i][j]] - ref[order[j]]);
                    assertTrue(gap < 1e-4 * Math.max(1, Math.abs(ref[order[j]])),
                            "point " + i + " neighbour " + j + ": " + knn[i][j] + " vs " + order[j]);
                    mismatches++;
                }
                assertTrue(knn[i][j] != i, "a point is not its own neighbour");
            }
        }
        assertTrue(mismatches <= 2, "rounding swaps should be rare: " + mismatches);
    }

    @Test
    void pointsAsArraysAndKCappedAtNMinusOne() {
        float[][] points = {{0, 0}, {1, 0}, {3, 0}, {6, 0}};
        int[][] knn = KnnGraph.knn(points, 10, Metric.EUCLIDEAN);
        assertArrayEquals(new int[] {1, 2, 3}, knn[0]);
        assertArrayEquals(new int[] {0, 2, 3}, knn[1]);
        assertArrayEquals(new int[] {1, 0, 3}, knn[2]); // 2 vs 3 away: position 1 before 0
        assertArrayEquals(new int[] {2, 1, 0}, knn[3]);
    }

    @Test
    void duplicatePointsAreNeighboursButNotOfThemselves() {
        float[][] points = {{1, 1}, {5, 5}, {1, 1}, {1, 1}, {2, 2}};
        int[][] knn = KnnGraph.knn(points, 2, Metric.EUCLIDEAN);
        assertArrayEquals(new int[] {2, 3}, knn[0]);
        assertArrayEquals(new int[] {0, 3}, knn[2]);
        assertArrayEquals(new int[] {0, 2}, knn[3]);
    }

    @Test
    void wholeVocabularyPositionsAreIds() {
        HeapMatrix m = HeapMatrix.random(200, 8, 2);
        int[] all = new int[200];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int[][] knn = KnnGraph.knn(m, all, 5, Metric.COSINE);
        for (int id : new int[] {0, 99, 199}) {
            assertArrayEquals(NearestNeighbours.of(m).ofId(id, 5, Metric.COSINE, true).ids(), knn[id]);
        }
    }
}
