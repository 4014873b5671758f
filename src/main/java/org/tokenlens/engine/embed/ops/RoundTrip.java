package org.tokenlens.engine.embed.ops;

import org.tokenlens.engine.tokenize.Encoding;

/**
 * text → ids → vectors → top tokens per position → text: the round trip through both ends of a model.
 *
 * @param encoding    how the text was tokenized
 * @param positions   one prediction per token of the encoding
 * @param bestIds     the top id per position
 * @param decoded     {@code bestIds} decoded by the tokenizer, special tokens skipped (so an exact round trip
 *                    reads like the input, lowercased for an uncased vocabulary)
 * @param side        which matrix produced the logits
 * @param withPositions whether position embeddings were added to the vectors before classifying
 */
public record RoundTrip(Encoding encoding, Prediction[] positions, int[] bestIds, String decoded, OutputSide side,
                        boolean withPositions) {
    /** How many positions came back as the token that went in. */
    public int unchanged() {
        int n = 0;
        for (int i = 0; i < bestIds.length; i++) {
            if (bestIds[i] == encoding.ids()[i]) {
                n++;
            }
        }
        return n;
    }
}
