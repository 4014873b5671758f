package org.tokenlens.engine.embed.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** a − b + c on a hand-built space: axis 0 = royalty, axis 1 = male (+) / female (−), axis 2 = unrelated. */
class AnalogiesTest {
    private static final int KING = 0;
    private static final int QUEEN = 1;
    private static final int MAN = 2;
    private static final int WOMAN = 3;
    private static final int APPLE = 4;
    private static final int PRINCE = 5;

    private static final HeapMatrix SPACE = new HeapMatrix(new float[][] {
            {1.0f, 1.0f, 0.0f},   // king
            {1.0f, -1.0f, 0.0f},  // queen
            {0.0f, 1.0f, 0.1f},   // man
            {0.0f, -1.0f, 0.1f},  // woman
            {0.0f, 0.0f, 1.0f},   // apple
            {0.8f, 1.0f, 0.0f},   // prince
    });

    @Test
    void kingMinusManPlusWomanIsQueen() {
        for (Metric metric : Metric.values()) {
            Neighbours n = Analogies.solve(SPACE, KING, MAN, WOMAN, 1, metric);
            assertArrayEquals(new int[] {QUEEN}, n.ids(), metric.name());
        }
    }

    @Test
    void theThreeInputsAreNeverAnswers() {
        // queen − woman + woman = queen exactly: excluded as an input, so the next row answers
        Neighbours n = Analogies.solve(SPACE, QUEEN, WOMAN, WOMAN, 3, Metric.COSINE);
        for (int id : n.ids()) {
            assertFalse(id == QUEEN || id == WOMAN, "input " + id + " returned");
        }
        assertEquals(3, n.size());
        // the target is queen itself: the order of the rest is cosine to queen = (1, −1, 0)
        double[] ref = Reference.scores(SPACE.values(), SPACE.values()[QUEEN], Metric.COSINE);
        Integer[] order = Reference.order(ref, Metric.COSINE);
        int[] expected = java.util.Arrays.stream(order).mapToInt(Integer::intValue)
                .filter(id -> id != QUEEN && id != WOMAN).limit(3).toArray();
        assertArrayEquals(expected, n.ids());
    }

    @Test
    void cosineCombinesUnitVectorsLikeWord2vec() {
        // a long "man" vector: raw a − b + c is dominated by it; unit vectors give the analogy back
        float[][] v = {
                {1.0f, 1.0f, 0.0f},    // 0 king
                {1.0f, -1.0f, 0.0f},   // 1 queen
                {0.0f, 10.0f, 0.0f},   // 2 man, ten times longer
                {0.0f, -1.0f, 0.0f},   // 3 woman
                {-0.2f, -1.0f, 0.0f},  // 4 a row near raw king − man + woman = (1, −10, 0)
        };
        HeapMatrix m = new HeapMatrix(v);
        assertArrayEquals(new int[] {1}, Analogies.solve(m, 0, 2, 3, 1, Metric.COSINE).ids());
        // without normalising (what cosine on raw rows would give) the answer is row 4: shows the difference
        float[] raw = {1.0f - 0.0f + 0.0f, 1.0f - 10.0f - 1.0f, 0.0f};
        assertArrayEquals(new int[] {4}, NearestNeighbours.of(m).ofVector(raw, 1, Metric.COSINE, 0, 2, 3).ids());
    }

    @Test
    void scoresAreThoseOfTheCombinedVector() {
        Neighbours n = Analogies.solve(SPACE, KING, MAN, WOMAN, 3, Metric.EUCLIDEAN);
        float[] target = new float[3];
        for (int i = 0; i < 3; i++) {
            target[i] = SPACE.values()[KING][i] - SPACE.values()[MAN][i] + SPACE.values()[WOMAN][i];
        }
        for (int i = 0; i < n.size(); i++) {
            assertEquals(Reference.score(target, SPACE.values()[n.ids()[i]], Metric.EUCLIDEAN), n.scores()[i], 1e-6);
        }
        // (1, −1, 0): queen at 0, apple at √3, prince at √4.04; king, man, woman would be nearer than prince
        assertArrayEquals(new int[] {QUEEN, APPLE, PRINCE}, n.ids());
    }
}
