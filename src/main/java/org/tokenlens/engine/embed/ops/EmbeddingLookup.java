package org.tokenlens.engine.embed.ops;

import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * The first layer of a transformer, {@code word_embeddings(ids)}: one row per token of an encoding, special tokens
 * included (the model sees [CLS] and [SEP] too). With positions, row i also gets position embedding i — "token
 * vector + position vector = input vector" for models with learned absolute positions (BERT, GPT-2), counted from
 * 0 as BERT's {@code position_ids} are. Models without learned positions (RoPE, sinusoidal) are left unchanged:
 * their positions are applied elsewhere, not added here.
 */
public final class EmbeddingLookup {
    private EmbeddingLookup() {
    }

    /** {@code float[n][d]}, one fresh row per token. */
    public static float[][] vectors(EmbeddingModel model, Encoding encoding, boolean addPositions) {
        return vectors(model, encoding.ids(), addPositions);
    }

    public static float[][] vectors(EmbeddingModel model, int[] ids, boolean addPositions) {
        int rows = model.input().rows();
        int dim = model.input().dim();
        boolean positions = addPositions && model.positions() != null;
        if (positions) {
            if (model.positions().dim() != dim) {
                throw new EmbeddingException(model.name() + ": position embeddings have " + model.positions().dim()
                        + " dimensions, token embeddings " + dim);
            }
            if (ids.length > model.positions().rows()) {
                throw new EmbeddingException(model.name() + ": " + ids.length + " tokens, but the model learned only "
                        + model.positions().rows() + " positions");
            }
        }
        float[][] out = new float[ids.length][dim];
        float[] position = positions ? new float[dim] : null;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= rows) {
                throw new EmbeddingException(model.name() + ": token id " + ids[i] + " has no row in "
                        + model.input().source() + " (" + rows + " rows)");
            }
            model.input().row(ids[i], out[i]);
            if (positions) {
                model.positions().row(i, position);
                for (int c = 0; c < dim; c++) {
                    out[i][c] += position[c];
                }
            }
        }
        return out;
    }

    /** Whether {@link #vectors} adds anything when asked to add positions. */
    public static boolean hasLearnedPositions(EmbeddingModel model) {
        return model.positions() != null;
    }
}
