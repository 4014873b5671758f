package org.tokenlens.app.chips;

import java.util.Arrays;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * Everything a chip strip needs about one encoding, computed off the FX thread in one go so that the FX thread
 * only breaks rows and fills the chips on screen: token marks, grapheme clusters and estimated chip widths.
 *
 * @param encoding      the tokens
 * @param marks         {@link TokenMarks} per token
 * @param clusterStarts first token of each cluster, then {@code encoding.size()}
 * @param widths        estimated chip width per cluster at {@link ChipWidths#BASE_FONT}, for {@code mode}
 * @param lineEnds      per cluster: the text from it to the next cluster holds a line break, so its row ends there
 * @param mode          what the chips show
 */
public record ChipData(Encoding encoding, byte[] marks, int[] clusterStarts, float[] widths, boolean[] lineEnds,
                       ChipMode mode) {

    public static ChipData of(Encoding encoding, int unknownId, ChipMode mode) {
        return of(encoding, unknownId, mode, null);
    }

    /** As {@link #of(Encoding, int, ChipMode)}, with single-token chip widths from {@code widths} (may be null). */
    public static ChipData of(Encoding encoding, int unknownId, ChipMode mode, ChipWidths.Cache widths) {
        byte[] marks = TokenMarks.of(encoding, unknownId);
        int[] starts = TokenClusters.starts(encoding);
        return new ChipData(encoding, marks, starts, ChipWidths.estimate(encoding, marks, starts, mode, widths),
                lineEnds(encoding, starts), mode);
    }

    /**
     * Which clusters end a line of the text: those whose span, up to where the next token starts, holds a line
     * feed — a newline token, a piece like {@code ".\n"}, or for WordPiece (which drops whitespace) the gap after
     * the token. Rows of chips then follow the text's lines, as a reader of code expects, and an edit re-flows the
     * rows of its own line only. Inserted tokens (no span) end nothing.
     */
    static boolean[] lineEnds(Encoding e, int[] clusterStarts) {
        int n = e.size();
        String text = e.text();
        int[] nextStart = new int[n]; // where the next token with a span starts (the text's end after the last)
        int following = text.length();
        for (int i = n - 1; i >= 0; i--) {
            nextStart[i] = following;
            if (e.starts()[i] >= 0) {
                following = e.starts()[i];
            }
        }
        boolean[] out = new boolean[clusterStarts.length - 1];
        int newline = text.indexOf('\n'); // the first line feed at or after the span being looked at
        for (int c = 0; c < out.length && newline >= 0; c++) {
            for (int i = clusterStarts[c]; i < clusterStarts[c + 1] && newline >= 0; i++) {
                int start = e.starts()[i];
                if (start < 0) {
                    continue;
                }
                if (newline < start) {
                    newline = text.indexOf('\n', start);
                }
                if (newline >= 0 && newline < Math.max(e.ends()[i], nextStart[i])) {
                    out[c] = true;
                }
            }
        }
        return out;
    }

    public int clusterCount() {
        return clusterStarts.length - 1;
    }

    /** The cluster holding token {@code token}. */
    public int clusterOf(int token) {
        int k = Arrays.binarySearch(clusterStarts, token);
        return k >= 0 ? Math.min(k, clusterCount() - 1) : -k - 2;
    }

    public ChipContent content(int cluster) {
        return ChipContent.of(encoding, marks, clusterStarts[cluster], clusterStarts[cluster + 1], mode);
    }

    /** Identity, not the arrays' contents: a new encoding is a new value even if equal. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
