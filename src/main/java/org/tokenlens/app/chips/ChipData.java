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
 * @param mode          what the chips show
 */
public record ChipData(Encoding encoding, byte[] marks, int[] clusterStarts, float[] widths, ChipMode mode) {

    public static ChipData of(Encoding encoding, int unknownId, ChipMode mode) {
        return of(encoding, unknownId, mode, null);
    }

    /** As {@link #of(Encoding, int, ChipMode)}, with single-token chip widths from {@code widths} (may be null). */
    public static ChipData of(Encoding encoding, int unknownId, ChipMode mode, ChipWidths.Cache widths) {
        byte[] marks = TokenMarks.of(encoding, unknownId);
        int[] starts = TokenClusters.starts(encoding);
        return new ChipData(encoding, marks, starts, ChipWidths.estimate(encoding, marks, starts, mode, widths),
                mode);
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
