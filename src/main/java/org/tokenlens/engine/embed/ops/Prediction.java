package org.tokenlens.engine.embed.ops;

/**
 * The top tokens for one vector: ids best first, their logits (output matrix · vector), their softmax
 * probabilities over the whole vocabulary, and their raw pieces (null for a row the tokenizer has no piece for,
 * e.g. padding rows of an lm_head).
 */
public record Prediction(int[] ids, float[] logits, float[] probabilities, String[] tokens) {
    public int size() {
        return ids.length;
    }
}
