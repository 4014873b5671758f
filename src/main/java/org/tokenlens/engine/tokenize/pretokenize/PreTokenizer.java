package org.tokenlens.engine.tokenize.pretokenize;

/**
 * A pre-tokenizer stage (ByteLevel, Split, Whitespace, Metaspace, BertPreTokenizer, Digits, Punctuation,
 * Sequence, …): splits the pieces of a {@link PreTokenizedString} further, possibly transforming them (ByteLevel
 * maps bytes to printable characters, Metaspace replaces spaces with ▁). Immutable and thread-safe itself.
 */
public interface PreTokenizer {
    void preTokenize(PreTokenizedString s);

    /**
     * Whether an ASCII white-space character always ends the word before it and is never part of a word, so the
     * words of a text are the words of its pieces cut right after such characters.
     */
    default boolean cutsAtAsciiWhitespace() {
        return false;
    }
}
