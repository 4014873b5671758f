package org.tokenlens.app.chips;

import java.util.Arrays;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;

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

    /** Characters kept between a reused cluster and the edit (grapheme and line tests look a character ahead). */
    private static final int MARGIN = 4;

    /**
     * {@code of(encoding, unknownId, mode, widths)} reusing {@code previous} (this data for the encoding before an
     * edit of the text, with the same {@code unknownId}): the tokens both encodings share before and after the edit
     * keep their marks, clusters, widths and line ends; only the clusters between are worked out again. Equal to
     * {@link #of}; a keystroke in a 100 KB document costs what its neighbourhood costs.
     */
    public static ChipData edited(ChipData previous, Encoding encoding, int unknownId, ChipMode mode,
                                  ChipWidths.Cache widths) {
        if (previous == null || previous.mode != mode) {
            return of(encoding, unknownId, mode, widths);
        }
        Encoding old = previous.encoding;
        String was = old.text();
        String text = encoding.text();
        int n = encoding.size();
        int m = old.size();
        TextEdit edit = TextEdit.between(was, text);
        int head = edit.head();
        int shift = edit.shift();
        int tailStart = edit.tailStart();
        // tokens alike in both encodings, clear of the edit: `same` from the start, `kept` at the end; the encoder
        // says which it kept (else they are compared one by one), and those near the edit are left out
        int keptHead = encoding.keptHead(old);
        int same = 0;
        if (keptHead >= 0) {
            same = keptHead;
            while (same > 0 && old.ends()[same - 1] + MARGIN > head) {
                same--;
            }
        } else {
            while (same < Math.min(n, m) && old.ends()[same] + MARGIN <= head
                    && sameToken(old, same, encoding, same, 0)) {
                same++;
            }
        }
        int keptTail = encoding.keptTail(old);
        int kept = 0;
        if (keptTail >= 0) {
            kept = Math.min(keptTail, Math.min(n, m) - same);
            while (kept > 0 && encoding.starts()[n - kept] >= 0 && encoding.starts()[n - kept] < tailStart + MARGIN) {
                kept--;
            }
        } else {
            while (kept < Math.min(n, m) - same && sameToken(old, m - 1 - kept, encoding, n - 1 - kept, shift)
                    && (encoding.starts()[n - 1 - kept] < 0 || encoding.starts()[n - 1 - kept] >= tailStart + MARGIN)) {
                kept++;
            }
        }
        // restart one whole cluster before the one holding the first changed token, at a token with a span (a
        // cluster's line end looks at where the next token starts)
        int[] oldStarts = previous.clusterStarts;
        int restart = Math.max(0, previous.clusterOf(Math.min(same, m - 1)) - 1);
        while (restart > 0 && old.starts()[oldStarts[restart]] < 0) {
            restart--;
        }
        int from = m == 0 ? 0 : oldStarts[restart];
        int tokenShift = n - m;
        int tailFrom = n - kept; // the first token of the shared tail
        // clusters from the restart until one starts in the shared tail where a previous one started: from there
        // on both texts and both token runs are alike and start on a grapheme boundary, so they cluster alike (a
        // flag pairs from the last boundary: one indicator more before it flips every pair after it, but then no
        // cluster start lines up with a previous one until the run ends)
        int[][] middle = {new int[64]}; // grown as needed: a keystroke's clusters are a handful, a paste's many
        int[] count = {0};
        int resume = TokenClusters.scan(encoding, from, i -> {
            if (i < tailFrom) {
                return false;
            }
            int k = Arrays.binarySearch(oldStarts, i - tokenShift);
            return k >= 0 && k < oldStarts.length - 1;
        }, i -> {
            if (count[0] == middle[0].length) {
                middle[0] = Arrays.copyOf(middle[0], count[0] * 2);
            }
            middle[0][count[0]++] = i;
        });
        int resumeCluster = resume == n ? oldStarts.length - 1 : Arrays.binarySearch(oldStarts, resume - tokenShift);
        int tailClusters = oldStarts.length - 1 - resumeCluster;
        int clusters = restart + count[0] + tailClusters;

        byte[] marks = new byte[n];
        System.arraycopy(previous.marks, 0, marks, 0, from);
        System.arraycopy(previous.marks, resume - tokenShift, marks, resume, n - resume);
        TokenMarks.fill(encoding, unknownId, from, resume, marks);

        int[] starts = new int[clusters + 1];
        System.arraycopy(oldStarts, 0, starts, 0, restart);
        System.arraycopy(middle[0], 0, starts, restart, count[0]);
        for (int c = 0; c <= tailClusters; c++) {
            starts[restart + count[0] + c] = oldStarts[resumeCluster + c] + tokenShift;
        }
        int to = restart + count[0];
        float[] w = new float[clusters];
        System.arraycopy(previous.widths, 0, w, 0, restart);
        System.arraycopy(previous.widths, resumeCluster, w, to, tailClusters);
        ChipWidths.estimate(encoding, marks, starts, mode, widths, restart, to, w);
        boolean[] lines = new boolean[clusters];
        System.arraycopy(previous.lineEnds, 0, lines, 0, restart);
        System.arraycopy(previous.lineEnds, resumeCluster, lines, to, tailClusters);
        lineEnds(encoding, starts, restart, to, lines);
        return new ChipData(encoding, marks, starts, w, lines, mode);
    }

    /** Token {@code i} of {@code a} and {@code j} of {@code b} alike, {@code b}'s offsets moved by {@code shift}. */
    private static boolean sameToken(Encoding a, int i, Encoding b, int j, int shift) {
        return a.ids()[i] == b.ids()[j] && a.special()[i] == b.special()[j]
                && (a.starts()[i] < 0 ? b.starts()[j] == a.starts()[i] : b.starts()[j] == a.starts()[i] + shift)
                && (a.ends()[i] < 0 ? b.ends()[j] == a.ends()[i] : b.ends()[j] == a.ends()[i] + shift)
                && (a.tokens()[i] == b.tokens()[j] || java.util.Objects.equals(a.tokens()[i], b.tokens()[j]))
                && (a.bytes()[i] == b.bytes()[j] || Arrays.equals(a.bytes()[i], b.bytes()[j]));
    }

    /**
     * Which clusters end a line of the text: those whose span, up to where the next token starts, holds a line
     * feed — a newline token, a piece like {@code ".\n"}, or for WordPiece (which drops whitespace) the gap after
     * the token. Rows of chips then follow the text's lines, as a reader of code expects, and an edit re-flows the
     * rows of its own line only. Inserted tokens (no span) end nothing.
     */
    static boolean[] lineEnds(Encoding e, int[] clusterStarts) {
        boolean[] out = new boolean[clusterStarts.length - 1];
        lineEnds(e, clusterStarts, 0, out.length, out);
        return out;
    }

    /** {@link #lineEnds(Encoding, int[])} of clusters {@code [from, to)} into {@code out}. */
    static void lineEnds(Encoding e, int[] clusterStarts, int from, int to, boolean[] out) {
        String text = e.text();
        int[] starts = e.starts();
        int n = e.size();
        int newline = -1; // the first line feed at or after `searched`
        int searched = Integer.MAX_VALUE;
        int next = -1; // the next token after the one looked at that has a span
        for (int c = from; c < to; c++) {
            for (int i = clusterStarts[c]; i < clusterStarts[c + 1]; i++) {
                int start = starts[i];
                if (start < 0) {
                    continue;
                }
                if (start < searched || (newline >= 0 && newline < start)) {
                    newline = text.indexOf('\n', start);
                    searched = start;
                }
                if (newline < 0) {
                    continue; // no line feed after this token; an earlier start may still come (offsets need not grow)
                }
                if (next <= i) {
                    next = i + 1;
                    while (next < n && starts[next] < 0) {
                        next++;
                    }
                }
                int nextStart = next < n ? starts[next] : text.length();
                if (newline < Math.max(e.ends()[i], nextStart)) {
                    out[c] = true;
                }
            }
        }
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
