package org.tokenlens.engine.positions;

import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * The seed's "token vector + position vector = input vector" for models that add positions (sinusoidal, learned).
 * This is the sum alone: BERT-style models also add a token-type vector and apply LayerNorm, and the Transformer
 * of Vaswani et al. scales token vectors by √d first ({@code tokenScale}); RoPE and ALiBi models add nothing here.
 */
public final class InputVectors {

    private InputVectors() {
    }

    /**
     * {@code tokenScale·tokens[t] + positions.row(firstPosition + t)} for each token t.
     *
     * @param tokens        one vector per token, each of the table's dim
     * @param positions     a sinusoidal or learned table
     * @param firstPosition position of the first token (0, or after a prefix; RoBERTa starts at padding_idx+1)
     * @param tokenScale    1 for BERT/GPT-2, √d_model for the original Transformer
     */
    public static float[][] add(float[][] tokens, EmbeddingMatrix positions, int firstPosition, float tokenScale) {
        int d = positions.dim();
        if (firstPosition < 0 || firstPosition + tokens.length > positions.rows()) {
            throw new IllegalArgumentException(tokens.length + " tokens from position " + firstPosition
                    + " exceed the " + positions.rows() + " positions of " + positions.source());
        }
        float[][] out = new float[tokens.length][];
        float[] pos = new float[d];
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t].length != d) {
                throw new IllegalArgumentException("token " + t + " has dim " + tokens[t].length
                        + ", the positions have " + d);
            }
            positions.row(firstPosition + t, pos);
            float[] sum = new float[d];
            for (int i = 0; i < d; i++) {
                sum[i] = tokenScale * tokens[t][i] + pos[i];
            }
            out[t] = sum;
        }
        return out;
    }

    /** With positions from 0 and unscaled tokens (BERT, GPT-2). */
    public static float[][] add(float[][] tokens, EmbeddingMatrix positions) {
        return add(tokens, positions, 0, 1f);
    }
}
