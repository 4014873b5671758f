package org.tokenlens.engine.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;

class LearnedPositionsTest {

    private final TestMatrix wpe = TestMatrix.linear(20, 6);

    @Test
    void positionsComeFromTheModelAndAreLabelledLearned() {
        EmbeddingModel model = new EmbeddingModel("gpt2-tiny", null, TestMatrix.linear(50, 6), null, false, wpe);
        assertSame(wpe, LearnedPositions.of(model));
        String label = LearnedPositions.label(model);
        assertTrue(label.startsWith("learned positions of gpt2-tiny"), label);
        assertTrue(label.contains("wpe.weight") && label.contains("20 × 6") && label.contains("F16"), label);
    }

    @Test
    void modelWithoutPositionsIsAnErrorNamingIt() {
        EmbeddingModel rope = new EmbeddingModel("llama-tiny", null, TestMatrix.linear(50, 6), null, false, null);
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> LearnedPositions.of(rope));
        assertTrue(e.getMessage().startsWith("llama-tiny: no learned position embeddings"), e.getMessage());
    }

    /** The bundled MiniLM's BERT-style table, read by the embedding readers from the ONNX file in its jar. */
    @Test
    void bundledMiniLmHas512LearnedPositionsThatVarySmoothly() {
        try (EmbeddingModel minilm = new EmbeddingModels().load("all-MiniLM-L6-v2")) {
            EmbeddingMatrix table = LearnedPositions.of(minilm);
            assertEquals(512, table.rows());
            assertEquals(384, table.dim());
            assertTrue(LearnedPositions.label(minilm).contains("learned"), LearnedPositions.label(minilm));
            // Trained, not a formula: row norms are not the constant √(d/2) a sinusoidal table would have …
            double minNorm = Double.MAX_VALUE;
            double maxNorm = 0;
            for (int p = 0; p < 512; p++) {
                double n = Math.sqrt(PositionSimilarity.dot(table.row(p), table.row(p)));
                minNorm = Math.min(minNorm, n);
                maxNorm = Math.max(maxNorm, n);
            }
            assertTrue(maxNorm - minNorm > 0.05 * maxNorm, minNorm + " … " + maxNorm);
            // … yet neighbouring positions are far more alike than distant ones (what training learns)
            FloatMatrix cos = PositionSimilarity.of(table, 0, 300, PositionSimilarity.Measure.COSINE);
            double near = 0;
            double far = 0;
            for (int p = 0; p + 200 < 300; p++) {
                near += cos.get(p, p + 1);
                far += cos.get(p, p + 200);
            }
            assertTrue(near > far + 10, "near " + near + " far " + far);
            // the input vector of token 101 ([CLS]) at position 0 is the sum of the two rows
            float[][] sum = InputVectors.add(new float[][] {minilm.input().row(101)}, table);
            assertEquals(minilm.input().get(101, 7) + table.get(0, 7), sum[0][7], 0);
        }
    }

    @Test
    void copyTakesTheFirstRows() {
        FloatMatrix m = LearnedPositions.copy(wpe, 7, "x");
        assertEquals(7, m.rows());
        for (int p = 0; p < 7; p++) {
            for (int c = 0; c < 6; c++) {
                assertEquals((p + 1) * 0.5f - c * 0.25f, m.get(p, c));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LearnedPositions.copy(wpe, 21, "x"));
    }
}
