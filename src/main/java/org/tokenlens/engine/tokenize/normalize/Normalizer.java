package org.tokenlens.engine.tokenize.normalize;

/**
 * A normalizer stage (BertNormalizer, NFC/NFD/NFKC/NFKD, Lowercase, StripAccents, Replace, Prepend, Strip,
 * Sequence, …): edits a {@link NormalizedString} in place, keeping its alignment to the original. Immutable and
 * thread-safe itself.
 */
public interface Normalizer {
    void normalize(NormalizedString s);

    /**
     * Whether normalizing a text equals normalizing its pieces cut right after ASCII white space ({@code ' '},
     * tab, CR, LF) and joining them, alignments included: each character's output depends on that character
     * alone (or on combining marks after it, which never reorder across white space). Incremental encoding
     * re-normalizes only the piece an edit touched when this holds.
     */
    default boolean cutsAtAsciiWhitespace() {
        return false;
    }
}
