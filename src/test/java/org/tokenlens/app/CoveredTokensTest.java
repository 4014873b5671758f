package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import javafx.scene.control.IndexRange;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * The binary-searched covered-token lookup against the definition, evaluated by a linear scan over every token,
 * for every caret position and many random ranges of real encodings (inserted [CLS]/[SEP], byte-level pieces of
 * CJK and emoji that share one span) and of a hand-made one with empty spans.
 */
class CoveredTokensTest {

    private static final String TEXT = "Grüße, 世界! naïve café 🙂👍🏽\n\tdef f(x):  return x  # 日本語のテキスト end";

    /** The definition: every token the range touches; a caret: the token containing it, else the last ending at it. */
    private static IndexRange byScan(Encoding e, IndexRange r) {
        int from = r.getStart();
        int to = r.getEnd();
        int first = -1;
        int last = -1;
        for (int i = 0; i < e.size(); i++) {
            int s = e.starts()[i];
            int t = e.ends()[i];
            if (s >= 0 && (from == to ? s <= from && from < t : s < to && from < t)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0 && from == to) {
            for (int i = e.size() - 1; i >= 0; i--) {
                if (e.starts()[i] >= 0 && e.ends()[i] == from && e.starts()[i] < from) {
                    return new IndexRange(i, i + 1);
                }
            }
        }
        return first < 0 ? null : new IndexRange(first, last + 1);
    }

    private static void assertSameAsScan(Encoding e) {
        int n = e.text().length();
        for (int caret = 0; caret <= n + 1; caret++) {
            IndexRange r = new IndexRange(caret, caret);
            assertEquals(byScan(e, r), TokenizationViewModel.coveredTokens(e, r), "caret " + caret);
        }
        Random random = new Random(7);
        for (int k = 0; k < 2_000; k++) {
            int a = random.nextInt(n + 1);
            int b = random.nextInt(n + 1);
            IndexRange r = new IndexRange(Math.min(a, b), Math.max(a, b));
            assertEquals(byScan(e, r), TokenizationViewModel.coveredTokens(e, r), "range " + r);
        }
    }

    @Test
    void realEncodingsAgreeWithTheScan() {
        TokenizerRegistry registry = new TokenizerRegistry();
        for (String name : new String[] {"bert-base-uncased", "cl100k_base", "gpt2"}) {
            Encoding e = registry.load(name).encode(TEXT);
            assertSameAsScan(e);
        }
        assertEquals(-1, registry.load("bert-base-uncased").encode(TEXT).starts()[0], "[CLS] is inserted");
    }

    @Test
    void insertedTokensEverywhereAndEmptySpansAgreeWithTheScan() {
        // [X] a [X] [X] bc(empty at 3) d d(same span) [X]
        int[] starts = {-1, 0, -1, -1, 1, 3, 3, 3, 4, -1};
        int[] ends = {-1, 1, -1, -1, 3, 3, 4, 4, 5, -1};
        int n = starts.length;
        Encoding e = new Encoding("abcdef", new int[n], new String[n], new byte[n][], starts, ends, new boolean[n],
                new int[n]);
        assertSameAsScan(e);
        assertEquals(new IndexRange(6, 8), TokenizationViewModel.coveredTokens(e, new IndexRange(3, 3)),
                "two tokens of one character are both covered, the empty one at the caret is not");
        Encoding onlyInserted = new Encoding("", new int[2], new String[2], new byte[2][], new int[] {-1, -1},
                new int[] {-1, -1}, new boolean[2], new int[2]);
        assertSameAsScan(onlyInserted);
    }
}
