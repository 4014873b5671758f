package org.tokenlens.engine.tokenize;

import java.util.Optional;

/**
 * A tokenizer exact to its reference implementation (HF tokenizers for tokenizer.json, tiktoken for .tiktoken).
 * Implementations are immutable and thread-safe.
 */
public interface Tokenizer {

    /** Display name, e.g. {@code bert-base-uncased} or a file name. */
    String name();

    /** Encode with the reference implementation's defaults ({@link #defaultOptions()}). */
    default Encoding encode(String text) {
        return encode(text, defaultOptions());
    }

    Encoding encode(String text, EncodeOptions options);

    /**
     * {@code encode(text)}, given {@code previous} — this tokenizer's {@link #encode(String)} of another text (the
     * text before an edit), or null. An implementation may reuse its work where the two texts agree; the result
     * must equal {@code encode(text)} in every field. By default it is just that call.
     */
    default Encoding encodeEdited(Encoding previous, String text) {
        return encode(text);
    }

    /**
     * Whether {@link #encodeEdited} re-encodes only near the edit, so a keystroke costs far less than a whole
     * encode (and a caller may do it where a whole encode would be too slow).
     */
    default boolean editsIncrementally() {
        return false;
    }

    /** HF: add specials and match added tokens; tiktoken: no specials and special strings as ordinary text. */
    EncodeOptions defaultOptions();

    /** Decode ids back to text as the reference decoder does (special tokens kept). */
    default String decode(int[] ids) {
        return decode(ids, false);
    }

    String decode(int[] ids, boolean skipSpecialTokens);

    /** Number of ids (largest id + 1, counting added and special tokens). */
    int vocabSize();

    /** The raw piece for an id, or null if the id is not in the vocabulary. */
    String idToToken(int id);

    /** The id of a raw piece, or -1. */
    int tokenToId(String token);

    /** The bytes a token stands for in decoded output (see {@link Encoding#bytes()}); null if no such id. */
    byte[] tokenBytes(int id);

    boolean isSpecial(int id);

    /** Whether {@code decode(encode(x)) == x} for every x (byte-level BPE, tiktoken; not BERT's lowercasing). */
    boolean isLossless();

    /** The tokenizer's stages and the file settings it does not apply, for an inspector. */
    default TokenizerInfo info() {
        return new TokenizerInfo(getClass().getSimpleName(), name(), java.util.Map.of(), java.util.Map.of());
    }

    /**
     * How the model split the word (pre-token) that holds token {@code tokenIndex} of {@code encode(text)}:
     * BPE merges, WordPiece longest-match steps or the Unigram best path. Empty for special/added tokens.
     */
    Optional<Trace> trace(String text, int tokenIndex);
}
