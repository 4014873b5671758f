package org.tokenlens.app;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * Where lanes disagree on token boundaries. A boundary is a UTF-16 offset where a token starts or ends,
 * moved forward past whitespace: BERT drops the space that GPT-2 keeps in front of a word ({@code this|is}
 * versus {@code This| is}), and that is not a different split of the word. A token whose start boundary is
 * missing from some other lane is marked. Pure.
 */
public final class BoundaryDiff {

    private BoundaryDiff() {
    }

    /**
     * One encoding's boundaries, computed off the FX thread with the encoding, so that comparing lanes on the FX
     * thread is a few word-wide ANDs and one pass over token starts.
     *
     * @param set             canonical boundary offsets
     * @param canonicalStarts per token, its canonical start, or -1 for a token with no span
     */
    public record Boundaries(BitSet set, int[] canonicalStarts) {
    }

    public static Boundaries of(Encoding e) {
        String text = e.text();
        BitSet b = new BitSet(text.length() + 1);
        int[] starts = new int[e.size()];
        for (int i = 0; i < e.size(); i++) {
            if (e.starts()[i] >= 0) {
                starts[i] = canonical(text, e.starts()[i]);
                b.set(starts[i]);
                b.set(canonical(text, e.ends()[i]));
            } else {
                starts[i] = -1;
            }
        }
        return new Boundaries(b, starts);
    }

    /**
     * Per encoding, the tokens whose start boundary at least one other encoding lacks. All encodings must be of
     * the same text; with fewer than two, nothing differs.
     */
    public static List<BitSet> compute(List<Encoding> encodings) {
        List<Boundaries> all = new ArrayList<>();
        encodings.forEach(e -> all.add(of(e)));
        return compare(all);
    }

    /** {@link #compute} on boundaries computed beforehand. */
    public static List<BitSet> compare(List<Boundaries> lanes) {
        List<BitSet> out = new ArrayList<>();
        if (lanes.size() < 2) {
            lanes.forEach(e -> out.add(new BitSet()));
            return out;
        }
        BitSet shared = (BitSet) lanes.get(0).set().clone();
        for (int k = 1; k < lanes.size(); k++) {
            shared.and(lanes.get(k).set());
        }
        long[] sharedWords = shared.toLongArray();
        for (Boundaries lane : lanes) {
            // filled word by word and wrapped once: a 5 MB paste has ~1.5M tokens per lane
            int[] starts = lane.canonicalStarts();
            long[] marked = new long[(starts.length + 63) >>> 6];
            for (int i = 0; i < starts.length; i++) {
                int s = starts[i];
                if (s >= 0 && ((s >>> 6) >= sharedWords.length || (sharedWords[s >>> 6] & (1L << s)) == 0)) {
                    marked[i >>> 6] |= 1L << i;
                }
            }
            out.add(BitSet.valueOf(marked));
        }
        return out;
    }

    /** The offset moved forward past whitespace. */
    static int canonical(String text, int offset) {
        int k = offset;
        while (k < text.length() && isWhitespace(text.charAt(k))) {
            k++;
        }
        return k;
    }

    /** {@link Character#isWhitespace(char)}, with ASCII (most of any text) answered without the table lookup. */
    private static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c);
    }
}
