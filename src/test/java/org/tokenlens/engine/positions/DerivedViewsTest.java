package org.tokenlens.engine.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenlens.engine.positions.PositionSimilarity.Measure;

/** Similarity, wavelengths and token + position sums against direct evaluation. */
class DerivedViewsTest {

    @Test
    void similarityOfALearnedTable() {
        TestMatrix t = TestMatrix.linear(10, 4);
        FloatMatrix dot = PositionSimilarity.of(t, 2, 5, Measure.DOT);
        FloatMatrix cos = PositionSimilarity.of(t, 2, 5, Measure.COSINE);
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double d = 0;
                double na = 0;
                double nb = 0;
                for (int c = 0; c < 4; c++) {
                    double x = (a + 3) * 0.5 - c * 0.25;
                    double y = (b + 3) * 0.5 - c * 0.25;
                    d += x * y;
                    na += x * x;
                    nb += y * y;
                }
                assertEquals(d, dot.get(a, b), 1e-5);
                assertEquals(d / Math.sqrt(na * nb), cos.get(a, b), 1e-6);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PositionSimilarity.of(t, 8, 3, Measure.DOT));
    }

    @Test
    void sinusoidalSelfSimilarityIsHalfDimOnTheDiagonalAndToeplitz() {
        FloatMatrix pe = SinusoidalEncoding.generate(SinusoidalEncoding.Options.paper(64, 32));
        FloatMatrix dot = PositionSimilarity.of(pe, 0, 64, Measure.DOT);
        FloatMatrix cos = PositionSimilarity.of(pe, 0, 64, Measure.COSINE);
        for (int a = 0; a < 64; a++) {
            assertEquals(16, dot.get(a, a), 1e-4);
            assertEquals(1, cos.get(a, a), 1e-6);
            for (int b = 1; a + b < 64 && b < 10; b++) {
                assertEquals(dot.get(0, b), dot.get(a, a + b), 1e-4);
            }
        }
    }

    @Test
    void wavelengths() {
        double[] w = Wavelengths.sinusoidal(512, 10000);
        assertEquals(256, w.length);
        assertEquals(2 * Math.PI, w[0], 1e-12);
        assertEquals(2 * Math.PI * Math.pow(10000, 2.0 * 255 / 512), w[255], 1e-6);
        double[] r = Wavelengths.rope(RopeFrequencies.of(RopeConfig.plain(10000, 512)));
        for (int i = 0; i < 256; i++) {
            assertEquals(w[i], r[i], w[i] * 1e-12);
        }
        double[] llama = Wavelengths.rope(RopeFrequencies.of(new RopeConfig(500000, 128, 1, 131072,
                new RopeScaling.Llama3(8, 1, 4, 8192))));
        assertEquals(2 * Math.PI * Math.pow(500000, 126.0 / 128) * 8, llama[63], llama[63] * 1e-12);
    }

    @Test
    void tokenPlusPositionIsTheInputVector() {
        FloatMatrix pe = SinusoidalEncoding.generate(SinusoidalEncoding.Options.paper(10, 4));
        float[][] tokens = {{1, 2, 3, 4}, {-1, 0, 0.5f, 2}};
        float[][] sum = InputVectors.add(tokens, pe, 3, 2f);
        for (int t = 0; t < 2; t++) {
            for (int c = 0; c < 4; c++) {
                double angle = (t + 3) / Math.pow(10000, 2.0 * (c / 2) / 4);
                double pos = c % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                assertEquals(2 * tokens[t][c] + pos, sum[t][c], 1e-6);
            }
        }
        TestMatrix learned = TestMatrix.linear(3, 4);
        assertEquals(1 + 0.5f, InputVectors.add(tokens, learned)[0][0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputVectors.add(tokens, learned, 2, 1));
        assertTrue(e.getMessage().contains("exceed the 3 positions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputVectors.add(new float[][] {{1, 2}}, learned));
    }
}
