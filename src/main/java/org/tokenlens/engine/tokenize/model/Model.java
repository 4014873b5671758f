package org.tokenlens.engine.tokenize.model;

import java.util.List;
import org.tokenlens.engine.tokenize.Trace;

/**
 * The model stage of an HF pipeline (BPE, WordPiece, Unigram, WordLevel): turns one pre-token (a "word", already
 * normalized and pre-tokenized, e.g. {@code Ġhello} or {@code ▁the}) into tokens. Immutable, thread-safe.
 */
public interface Model {

    /** Tokens of one pre-token, offsets in UTF-16 units within {@code word}. Empty input gives no tokens. */
    List<ModelToken> tokenize(String word);

    /** The same split, explained step by step for teaching. */
    Trace trace(String word);

    /** Id of a vocabulary piece, or -1. */
    int tokenToId(String token);

    /** Vocabulary piece of an id, or null. */
    String idToToken(int id);

    /** Size of the model's own vocabulary (largest id + 1), not counting added tokens beyond it. */
    int vocabSize();
}
