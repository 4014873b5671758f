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

    /**
     * Whether normalizing a text equals normalizing its pieces cut right before any ASCII character and joining
     * them, alignments included, and the last character a piece normalizes to is white space exactly when the
     * piece's last character is. The piece-by-piece re-encoding of an edited text ({@code HfTokenizer}) then
     * normalizes only a stretch between two such cuts.
     */
    default boolean cutsBeforeAscii() {
        return false;
    }

    /**
     * Whether a normalizer that {@linkplain #cutsBeforeAscii cuts before ASCII} cuts before {@code c} too (every
     * ASCII character, and maybe more): normalizing a text equals normalizing its parts cut right before it, and
     * the one normalized character aligned to its position is the first of its part's.
     */
    default boolean cutsBefore(char c) {
        return c < 0x80 && cutsBeforeAscii();
    }

    /**
     * Whether {@link #normalize} surely leaves {@code text} as it is, alignments included (false: it may not). Lets
     * a long text skip the alignment arrays a normalized copy would need.
     */
    default boolean leavesAlone(CharSequence text) {
        return false;
    }
}
