package org.tokenlens.engine.positions;

import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;

/**
 * A model's trained position table ({@code P × d}: BERT/MiniLM {@code embeddings.position_embeddings.weight},
 * GPT-2 {@code wpe}, DistilBERT {@code embeddings.position_embeddings}), read through the embedding API and never
 * copied whole. Labelled "learned" — these are weights, not a formula, even where they look like sinusoids.
 */
public final class LearnedPositions {

    private LearnedPositions() {
    }

    /** The model's learned positions; an error naming the model when it has none (RoPE, ALiBi models). */
    public static EmbeddingMatrix of(EmbeddingModel model) {
        if (model.positions() == null) {
            throw new EmbeddingException(model.name() + ": no learned position embeddings (the model adds no "
                    + "position table; it may rotate queries and keys (RoPE) or bias attention (ALiBi))");
        }
        return model.positions();
    }

    /** The honest label for a heatmap. */
    public static String label(EmbeddingModel model) {
        EmbeddingMatrix m = of(model);
        return "learned positions of " + model.name() + " (trained weights, " + m.source() + ", " + m.rows() + " × "
                + m.dim() + ", stored " + m.storedType() + ")";
    }

    /** Rows {@code [0, count)} copied into a heap matrix (for a heatmap or an export). */
    public static FloatMatrix copy(EmbeddingMatrix positions, int count, String label) {
        if (count < 1 || count > positions.rows()) {
            throw new IllegalArgumentException("positions must be in [1, " + positions.rows() + "]: " + count);
        }
        int d = positions.dim();
        FloatMatrix m = FloatMatrix.zeros(count, d, label);
        float[] v = m.values();
        float[] row = new float[d];
        for (int r = 0; r < count; r++) {
            positions.row(r, row);
            System.arraycopy(row, 0, v, r * d, d);
        }
        return m;
    }
}
