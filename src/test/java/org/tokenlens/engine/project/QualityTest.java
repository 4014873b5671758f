package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QualityTest {

    private static Projection layout(float[] x, float[] y) {
        return new Projection(Projection.Method.PCA, Clusters.range(x.length), x, y, null, Map.of(),
                new double[0], Double.NaN, new int[0], "");
    }

    @Test
    void aLayoutEqualToTheDataKeepsEveryNeighbour() {
        Random r = new Random(1);
        int n = 200;
        float[] v = new float[2 * n];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = v[2 * i] = (float) r.nextGaussian();
            y[i] = v[2 * i + 1] = (float) r.nextGaussian();
        }
        Quality q = Quality.of(new Points(v, n, 2), layout(x, y), 5, n, 0);
        assertEquals(1.0, q.knnPreservation(), 1e-12);
        assertEquals(1.0, q.trustworthiness(), 1e-12);
    }

    @Test
    void aShuffledLayoutScoresNearChance() {
        Random r = new Random(2);
        int n = 300;
        float[] v = new float[2 * n];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = (float) r.nextGaussian();
            v[2 * i + 1] = (float) r.nextGaussian();
            x[i] = (float) r.nextGaussian();
            y[i] = (float) r.nextGaussian();
        }
        Quality q = Quality.of(new Points(v, n, 2), layout(x, y), 10, n, 0);
        assertTrue(q.knnPreservation() < 0.1, q.toString());
        assertTrue(q.trustworthiness() < 0.6, q.toString());
    }
}
