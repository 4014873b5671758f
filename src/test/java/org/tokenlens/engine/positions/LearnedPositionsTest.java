package org.tokenlens.engine.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingModel;

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
