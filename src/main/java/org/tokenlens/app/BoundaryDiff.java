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
     * Per encoding, the tokens whose start boundary at least one other encoding lacks. All encodings must be of
     * the same text; with fewer than two, nothing differs.
     */
    public static List<BitSet> compute(List<Encoding> encodings) {
        List<BitSet> out = new ArrayList<>();
        if (encodings.size() < 2) {
            encodings.forEach(e -> out.add(new BitSet()));
            return out;
        }
        String text = encodings.get(0).text();
        List<BitSet> boundaries = new ArrayList<>();
        BitSet shared = null;
        for (Encoding e : encodings) {
            BitSet b = boundaries(e, text);
            boundaries.add(b);
            if (shared == null) {
                shared = (BitSet) b.clone();
            } else {
                shared.and(b);
            }
        }
        for (Encoding e : encodings) {
            BitSet marked = new BitSet();
            for (int i = 0; i < e.size(); i++) {
                if (e.starts()[i] >= 0 && !shared.get(canonical(text, e.starts()[i]))) {
                    marked.set(i);
                }
            }
            out.add(marked);
        }
        return out;
    }

    private static BitSet boundaries(Encoding e, String text) {
        BitSet b = new BitSet(text.length() + 1);
        for (int i = 0; i < e.size(); i++) {
            if (e.starts()[i] >= 0) {
                b.set(canonical(text, e.starts()[i]));
                b.set(canonical(text, e.ends()[i]));
            }
        }
        return b;
    }

    /** The offset moved forward past whitespace. */
    static int canonical(String text, int offset) {
        int k = offset;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k;
    }
}
