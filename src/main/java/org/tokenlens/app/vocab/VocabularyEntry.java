package org.tokenlens.app.vocab;

/**
 * One row of the vocabulary browser.
 *
 * @param decoded   the token's bytes as text (U+FFFD where they hold part of a character)
 * @param hex       the bytes in hex, for pieces that are not whole characters
 * @param length    number of bytes the token stands for
 * @param mergeRank rank of the merge that produces the piece; {@link #NO_RANK} for base symbols, special tokens,
 *                  models without merges, or where the rank cannot be found through the engine's API
 */
public record VocabularyEntry(int id, String piece, String decoded, String hex, int length, boolean special,
                              int mergeRank) {

    public static final int NO_RANK = -1;

    public boolean hasRank() {
        return mergeRank != NO_RANK;
    }
}
