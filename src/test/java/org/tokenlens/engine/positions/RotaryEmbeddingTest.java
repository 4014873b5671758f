package org.tokenlens.engine.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.positions.RotaryEmbedding.Layout;

class RotaryEmbeddingTest {

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static double norm(float[] v) {
        return Math.sqrt(PositionSimilarity.dot(v, v));
    }

    @Test
    void rotationPreservesNormsInBothLayouts() {
        Random r = new Random(1);
        for (Layout layout : Layout.values()) {
            RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.plain(10000, 64), layout);
            for (int pos : new int[] {0, 1, 17, 4095, 100_000}) {
                float[] x = random(r, 64);
                double before = norm(x);
                rope.rotate(x, pos);
                assertEquals(before, norm(x), before * 1e-6, layout + " pos " + pos);
            }
        }
    }

    @Test
    void scoreDependsOnlyOnRelativeDistance() {
        Random r = new Random(2);
        float[] q = random(r, 128);
        float[] k = random(r, 128);
        for (Layout layout : Layout.values()) {
            RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.plain(500000, 128), layout);
            for (int distance : new int[] {0, 1, 5, 300}) {
                double first = rope.score(q, distance, k, 0);
                for (int n : new int[] {1, 42, 1000, 7777}) {
                    assertEquals(first, rope.score(q, n + distance, k, n), 1e-3, layout + " Δ=" + distance);
                }
            }
        }
    }

    @Test
    void rotateHalfMatchesTheHalfSplitFormula() {
        // q_embed = q·cos + rotate_half(q)·sin, with cos/sin = cat(freqs, freqs) (HF Llama), written out here
        int d = 8;
        RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.plain(10000, d), Layout.ROTATE_HALF);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        int pos = 3;
        double[] expected = new double[d];
        for (int j = 0; j < d; j++) {
            double theta = pos / Math.pow(10000, 2.0 * (j % (d / 2)) / d);
            double rotated = j < d / 2 ? -x[j + d / 2] : x[j - d / 2];
            expected[j] = x[j] * Math.cos(theta) + rotated * Math.sin(theta);
        }
        float[] y = x.clone();
        rope.rotate(y, pos);
        for (int j = 0; j < d; j++) {
            assertEquals(expected[j], y[j], 1e-6, "dim " + j);
        }
    }

    @Test
    void interleavedRotatesAdjacentPairsAsTheRoformerPaper() {
        int d = 6;
        RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.plain(10000, d), Layout.INTERLEAVED);
        float[] x = {1, -2, 0.5f, 3, -1, 2};
        int pos = 11;
        float[] y = x.clone();
        rope.rotate(y, pos);
        for (int i = 0; i < d / 2; i++) {
            double t = pos * Math.pow(10000, -2.0 * i / d);
            assertEquals(x[2 * i] * Math.cos(t) - x[2 * i + 1] * Math.sin(t), y[2 * i], 1e-6);
            assertEquals(x[2 * i + 1] * Math.cos(t) + x[2 * i] * Math.sin(t), y[2 * i + 1], 1e-6);
        }
    }

    @Test
    void partialRotaryLeavesTheTailUntouched() {
        RopeConfig c = new RopeConfig(10000, 16, 0.25, 2048, new RopeScaling.None());
        RotaryEmbedding rope = new RotaryEmbedding(c, Layout.ROTATE_HALF);
        assertEquals(4, rope.rotaryDim());
        float[] x = random(new Random(3), 16);
        float[] y = x.clone();
        rope.rotate(y, 9);
        for (int j = 4; j < 16; j++) {
            assertEquals(x[j], y[j], 0);
        }
        assertTrue(x[0] != y[0]);
    }

    @Test
    void yarnAttentionFactorScalesTheRotatedPart() {
        RopeConfig c = new RopeConfig(10000, 32, 1.0, 4096, RopeScaling.Yarn.of(4));
        RotaryEmbedding rope = new RotaryEmbedding(c, Layout.ROTATE_HALF);
        double factor = 0.1 * Math.log(4) + 1;
        float[] x = random(new Random(4), 32);
        double before = norm(x);
        rope.rotate(x, 100);
        assertEquals(before * factor, norm(x), before * 1e-6);
    }

    @Test
    void allOnesDecayCurveIsTheScoreOfAllOnesVectors() {
        RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.plain(10000, 64), Layout.ROTATE_HALF);
        double[] curve = rope.decayAllOnes(2000);
        assertEquals(64, curve[0], 1e-12);
        float[] ones = new float[64];
        java.util.Arrays.fill(ones, 1f);
        for (int d : new int[] {0, 1, 10, 500, 2000}) {
            assertEquals(rope.score(ones, d + 5, ones, 5), curve[d], 1e-3, "distance " + d);
            double sum = 0;
            for (int i = 0; i < 32; i++) {
                sum += 2 * Math.cos(d * Math.pow(10000, -2.0 * i / 64));
            }
            assertEquals(sum, curve[d], 1e-9);
        }
        // the long-range decay: far distances score well below near ones
        assertTrue(curve[1000] < curve[10] / 2, curve[1000] + " vs " + curve[10]);
    }

    @Test
    void roformerBoundStartsAtTheMeanPartialSumAndDecays() {
        RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.plain(10000, 128), Layout.INTERLEAVED);
        double[] bound = rope.roformerBound(256);
        // at distance 0 every |S_j| = j, so the mean over j = 1 … 64 is 32.5
        assertEquals(32.5, bound[0], 1e-12);
        assertTrue(bound[256] < bound[0] / 2);
        // an independent evaluation at distance 37
        double re = 0;
        double im = 0;
        double sum = 0;
        for (int j = 0; j < 64; j++) {
            double t = 37 * Math.pow(10000, -2.0 * j / 128);
            re += Math.cos(t);
            im += Math.sin(t);
            sum += Math.sqrt(re * re + im * im);
        }
        assertEquals(sum / 64, bound[37], 1e-12);
    }

    @Test
    void anglesArePositionTimesTheta() {
        RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.plain(10000, 8), Layout.ROTATE_HALF);
        FloatMatrix a = rope.angles(50);
        assertEquals(4, a.dim());
        assertEquals((float) (49 * Math.pow(10000, -2.0 * 3 / 8)), a.get(49, 3));
        assertEquals(0f, a.get(0, 2));
    }
}
