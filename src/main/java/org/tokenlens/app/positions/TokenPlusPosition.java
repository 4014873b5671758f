package org.tokenlens.app.positions;

import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.positions.InputVectors;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * Builds {@link InputRows} for a typed token. The token vector must come from the same vocabulary as the
 * lane's ids: a cl100k id means nothing in MiniLM's (bert-base-uncased) table, so other tokenizers get a note
 * instead of a misleading sum.
 */
final class TokenPlusPosition {

    private TokenPlusPosition() {
    }

    static InputRows compute(PositionsResult result, EmbeddingModel model, Tokenizer laneTokenizer, Encoding encoding,
            int index) {
        PositionKind kind = result.params().kind();
        if (kind == PositionKind.ROPE) {
            return InputRows.unavailable("RoPE adds nothing to the token vector: it rotates queries and keys inside"
                    + " attention, so the input vector is the token vector");
        }
        if (kind == PositionKind.ALIBI) {
            return InputRows.unavailable("ALiBi adds nothing to the token vector: it biases attention scores, so"
                    + " the input vector is the token vector");
        }
        if (encoding == null || index < 0 || index >= encoding.size()) {
            return InputRows.unavailable("select a token to see token + position = input");
        }
        if (index >= result.vectors().rows()) {
            return InputRows.unavailable("token " + index + " lies beyond the " + result.vectors().rows()
                    + " positions shown");
        }
        int d = model.input().dim();
        if (result.vectors().dim() != d) {
            return InputRows.unavailable(model.name() + " token vectors have " + d + " dimensions, this table "
                    + result.vectors().dim() + ": set d_model to " + d + " to add them");
        }
        int id = encoding.ids()[index];
        Tokenizer own = model.tokenizer();
        if (laneTokenizer == null || laneTokenizer.vocabSize() != own.vocabSize() || id >= own.vocabSize()
                || !encoding.tokens()[index].equals(own.idToToken(id))) {
            return InputRows.unavailable("this lane's ids are not " + model.name() + "'s vocabulary (" + own.name()
                    + "): pick a " + own.name() + " lane to add its token vectors");
        }
        float[] tokenVec = model.input().row(id);
        float[][] sum = InputVectors.add(new float[][] {tokenVec}, result.vectors(), index, 1f);
        float[] posVec = result.vectors().row(index);
        String table = kind == PositionKind.LEARNED ? "its learned position " + index
                : "sinusoidal position " + index + " (hypothetical: " + model.name() + " learned its positions)";
        return new InputRows(encoding.tokens()[index], index, tokenVec, posVec, sum[0],
                model.name() + " token vector of “" + encoding.tokens()[index] + "” (id " + id + ") + " + table,
                null);
    }
}
