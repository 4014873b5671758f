package org.tokenlens.engine.embed.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.EmbeddingException;

/** Top-k against a double-precision brute force over every row; exact ties resolved by id. */
class NearestNeighboursTest {

    /** 10,000 rows: enough for the scan to split over two cores on the build machine; 37 dims hit the tail loop. */
    private static final HeapMatrix RANDOM = HeapMatrix.random(10_000, 37, 42);

    @ParameterizedTest
    @EnumSource(Metric.class)
    void topKOfVectorsMatchesBruteForce(Metric metric) {
        Random random = new Random(7);
        NearestNeighbours nn = NearestNeighbours.of(RANDOM);
        for (int trial = 0; trial < 20; trial++) {
            float[] query = new float[RANDOM.dim()];
            for (int i = 0; i < query.length; i++) {
                query[i] = (float) random.nextGaussian();
            }
            int k = 1 + random.nextInt(30);
            checkAgainstReference(query, nn.ofVector(query, k, metric), k, metric, Set.of());
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void neighboursOfAnIdWithAndWithoutItself(Metric metric) {
        NearestNeighbours nn = NearestNeighbours.of(RANDOM);
        for (int id : new int[] {0, 1234, 9_999}) {
            float[] query = RANDOM.values()[id];
            Neighbours withSelf = nn.ofId(id, 10, metric, false);
            checkAgainstReference(query, withSelf, 10, metric, Set.of());
            Neighbours withoutSelf = nn.ofId(id, 10, metric, true);
            checkAgainstReference(query, withoutSelf, 10, metric, Set.of(id));
            if (metric != Metric.DOT) { // a row is its own nearest by cosine and distance, not necessarily by dot
                assertEquals(id, withSelf.ids()[0]);
            }
        }
    }

    @Test
    void exclusionLeavesOutExactlyTheGivenIds() {
        float[] query = RANDOM.values()[5];
        Neighbours all = NearestNeighbours.of(RANDOM).ofVector(query, 8, Metric.COSINE);
        int[] exclude = {all.ids()[0], all.ids()[3]};
        Neighbours rest = NearestNeighbours.of(RANDOM).ofVector(query, 6, Metric.COSINE, exclude);
        int[] expected = {all.ids()[1], all.ids()[2], all.ids()[4], all.ids()[5], all.ids()[6], all.ids()[7]};
        assertArrayEquals(expected, rest.ids());
    }

    /**
     * Small integer values make every float score exact, so many candidates tie exactly, also across the two
     * halves of a split scan; the order must still be the reference's (nearest, then lower id).
     */
    @ParameterizedTest
    @EnumSource(Metric.class)
    void exactTiesAreBrokenByLowerIdAcrossTheSplit(Metric metric) {
        Random random = new Random(3);
        float[][] values = new float[9_000][4];
        for (float[] row : values) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextInt(3) - 1;
            }
        }
        HeapMatrix m = new HeapMatrix(values);
        float[] query = {1, 0, -1, 1};
        Neighbours got = NearestNeighbours.of(m).ofVector(query, 50, metric);
        double[] ref = Reference.scores(values, query, metric);
        Integer[] order = Reference.order(ref, metric);
        int[] expected = new int[50];
        for (int i = 0; i < 50; i++) {
            expected[i] = order[i];
        }
        assertArrayEquals(expected, got.ids());
    }

    @Test
    void duplicateRowsComeInIdOrder() {
        float[][] values = HeapMatrix.random(100, 6, 11).values();
        values[70] = values[20].clone();
        values[40] = values[20].clone();
        Neighbours n = NearestNeighbours.of(new HeapMatrix(values)).ofId(70, 3, Metric.COSINE, false);
        assertArrayEquals(new int[] {20, 40, 70}, n.ids());
        Neighbours excluding = NearestNeighbours.of(new HeapMatrix(values)).ofId(20, 2, Metric.EUCLIDEAN, true);
        assertArrayEquals(new int[] {40, 70}, excluding.ids());
        assertArrayEquals(new float[] {0f, 0f}, excluding.scores());
    }

    @Test
    void kLargerThanTheMatrixReturnsEveryRowInOrder() {
        HeapMatrix m = HeapMatrix.random(12, 5, 1);
        Neighbours n = NearestNeighbours.of(m).ofVector(m.values()[0], 100, Metric.DOT);
        assertEquals(12, n.size());
        Integer[] order = Reference.order(Reference.scores(m.values(), m.values()[0], Metric.DOT), Metric.DOT);
        assertArrayEquals(Arrays.stream(order).mapToInt(Integer::intValue).toArray(), n.ids());
        assertEquals(0, NearestNeighbours.of(m).ofVector(m.values()[0], 0, Metric.DOT).size());
    }

    @Test
    void zeroVectorsHaveCosineZero() {
        float[][] values = {{1, 0}, {0, 0}, {-1, 0}, {0, 1}};
        NearestNeighbours nn = NearestNeighbours.of(new HeapMatrix(values));
        Neighbours n = nn.ofVector(new float[] {1, 0}, 4, Metric.COSINE);
        assertArrayEquals(new int[] {0, 1, 3, 2}, n.ids()); // 1, 0 (zero row, lower id), 0, -1
        assertArrayEquals(new float[] {1, 0, 0, -1}, n.scores());
        Neighbours fromZero = nn.ofVector(new float[] {0, 0}, 4, Metric.COSINE);
        assertArrayEquals(new int[] {0, 1, 2, 3}, fromZero.ids());
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void allScoresMatchTheReference(Metric metric) {
        float[] query = RANDOM.values()[77];
        float[] scores = NearestNeighbours.of(RANDOM).scores(query, metric);
        double[] ref = Reference.scores(RANDOM.values(), query, metric);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], scores[i], 1e-5 * Math.max(1, Math.abs(ref[i])), "row " + i);
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        NearestNeighbours nn = NearestNeighbours.of(RANDOM);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> nn.ofVector(new float[3], 5, Metric.DOT)).getMessage().contains("3 values"));
        assertTrue(assertThrows(EmbeddingException.class,
                () -> nn.ofId(10_000, 5, Metric.DOT, false)).getMessage().contains("10000"));
        assertThrows(IllegalArgumentException.class, () -> nn.ofVector(new float[37], -1, Metric.DOT));
    }

    /**
     * The result must hold exactly the reference's top k, except that candidates whose reference scores differ by
     * less than float rounding may swap at the boundary; every score must equal the reference's.
     */
    private static void checkAgainstReference(float[] query, Neighbours got, int k, Metric metric, Set<Integer> excluded) {
        float[][] rows = RANDOM.values();
        double[] ref = Reference.scores(rows, query, metric);
        double tol = 2e-5;
        assertEquals(Math.min(k, rows.length - excluded.size()), got.size());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < got.size(); i++) {
            int id = got.ids()[i];
            assertTrue(seen.add(id), "duplicate id " + id);
            assertTrue(!excluded.contains(id), "excluded id " + id + " returned");
            assertEquals(ref[id], got.scores()[i], tol * Math.max(1, Math.abs(ref[id])), "score of id " + id);
            if (i > 0) {
                float prev = got.scores()[i - 1];
                float cur = got.scores()[i];
                assertTrue(metric.higherIsNearer() ? prev > cur || prev == cur && got.ids()[i - 1] < id
                        : prev < cur || prev == cur && got.ids()[i - 1] < id, "order at " + i);
            }
        }
        double kth = ref[got.ids()[got.size() - 1]];
        for (int j = 0; j < rows.length; j++) {
            if (!seen.contains(j) && !excluded.contains(j)) {
                assertTrue(Reference.nearerOrTied(kth, ref[j], metric, tol * Math.max(1, Math.abs(kth))),
                        "row " + j + " (" + ref[j] + ") is nearer than the k-th result (" + kth + ")");
            }
        }
    }
}
