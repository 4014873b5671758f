package org.tokenlens.app.chips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** Grapheme clusters, token marks and chip content: pure, no toolkit. */
class TokenClustersTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    private static Encoding handBuilt(String text, byte[][] bytes, int[] starts, int[] ends) {
        int n = bytes.length;
        String[] pieces = new String[n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            pieces[i] = "p" + i;
            ids[i] = 10 + i;
        }
        return new Encoding(text, ids, pieces, bytes, starts, ends, new boolean[n], new int[n]);
    }

    @Test
    void bytesOfOneCharacterSplitOverTokensFormOneCluster() {
        byte[] b = "a😀b".getBytes(StandardCharsets.UTF_8); // 61 F0 9F 98 80 62
        Encoding e = handBuilt("a😀b", new byte[][] {{b[0]}, {b[1], b[2]}, {b[3]}, {b[4]}, {b[5]}},
                new int[] {0, 1, 1, 1, 3}, new int[] {1, 3, 3, 3, 4});
        assertArrayEquals(new int[] {0, 1, 4, 5}, TokenClusters.starts(e));
        ChipContent emoji = ChipContent.of(e, new byte[5], 1, 4, ChipMode.TEXT);
        assertEquals("😀", emoji.labelText());
        assertEquals("11 ‹F0 9F›  12 ‹98›  13 ‹80›", emoji.itemsText());
        assertEquals("F0 9F │ 98 │ 80", ChipContent.of(e, new byte[5], 1, 4, ChipMode.HEX).labelText());
    }

    @Test
    void aCombiningMarkInItsOwnTokenJoinsItsBaseLetter() {
        String text = "e\u0301x"; // é as e + COMBINING ACUTE, then x: whole code points, but one grapheme
        Encoding e = handBuilt(text, new byte[][] {"e".getBytes(StandardCharsets.UTF_8),
                "\u0301".getBytes(StandardCharsets.UTF_8), "x".getBytes(StandardCharsets.UTF_8)},
                new int[] {0, 1, 2}, new int[] {1, 2, 3});
        assertArrayEquals(new int[] {0, 2, 3}, TokenClusters.starts(e));
        // whole code points: ids without badges
        assertEquals("10  11", ChipContent.of(e, new byte[3], 0, 2, ChipMode.TEXT).itemsText());
    }

    /** On a real byte-level tokenizer: every cluster decodes to whole characters, and none could be split. */
    @Test
    void gpt2ClustersAreWholeAndMinimal() {
        Tokenizer gpt2 = REGISTRY.load("gpt2");
        String text = "日本語のテキスト 🙂👍🏽 naïve";
        Encoding e = gpt2.encode(text);
        int[] starts = TokenClusters.starts(e);
        StringBuilder decoded = new StringBuilder();
        List<Integer> multi = new ArrayList<>();
        for (int c = 0; c + 1 < starts.length; c++) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int i = starts[c]; i < starts[c + 1]; i++) {
                all.writeBytes(e.bytes()[i]);
                if (i + 1 < starts[c + 1]) {
                    java.io.ByteArrayOutputStream prefix = new java.io.ByteArrayOutputStream();
                    for (int k = starts[c]; k <= i; k++) {
                        prefix.writeBytes(e.bytes()[k]);
                    }
                    assertFalse(TokenClusters.isWholeUtf8(prefix.toByteArray()) && isGraphemeEnd(text, e.ends()[i]),
                            "cluster " + c + " could end after token " + i);
                }
            }
            assertTrue(TokenClusters.isWholeUtf8(all.toByteArray()), "cluster " + c);
            decoded.append(new String(all.toByteArray(), StandardCharsets.UTF_8));
            if (starts[c + 1] - starts[c] > 1) {
                multi.add(c);
            }
        }
        assertEquals(text, decoded.toString());
        assertFalse(multi.isEmpty(), "gpt2 splits CJK and emoji into byte tokens");
    }

    /** UAX #29 boundaries (GraphemesTest checks them against the annex's rules). */
    private static boolean isGraphemeEnd(String text, int offset) {
        return offset >= text.length() || Graphemes.isBoundary(text, offset);
    }

    @Test
    void bertUnknownIsTheVocabularysUnkAndItIsMarked() {
        Tokenizer bert = REGISTRY.load("bert-base-uncased");
        assertEquals(100, TokenMarks.unknownId(bert)); // [UNK] is line 101 of bert-base-uncased's vocab.txt
        Encoding e = bert.encode("hello \u2603\uFE0E"); // a snowman with a variation selector: not in the vocabulary
        byte[] marks = TokenMarks.of(e, 100);
        int unknown = 0;
        for (int i = 0; i < e.size(); i++) {
            if (marks[i] == TokenMarks.UNKNOWN) {
                unknown++;
                assertEquals("[UNK]", e.tokens()[i]);
            }
        }
        assertEquals(1, unknown);
        assertEquals(TokenMarks.SPECIAL, marks[0]); // [CLS]
    }

    @Test
    void byteFallbackPieces() {
        assertTrue(TokenMarks.isByteFallbackPiece("<0xE6>"));
        assertTrue(TokenMarks.isByteFallbackPiece("<0x0a>"));
        assertFalse(TokenMarks.isByteFallbackPiece("<0xE6"));
        assertFalse(TokenMarks.isByteFallbackPiece("<0xG6>"));
        assertFalse(TokenMarks.isByteFallbackPiece("<unk>"));
    }

    @Test
    void rowsBreakGreedilyAtTheAvailableWidth() {
        float[] widths = {40, 40, 40, 100, 10};
        assertArrayEquals(new int[] {0, 2, 3, 4, 5}, ChipRows.breakRows(widths, null, 100, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ChipRows.breakRows(widths, null, 100, 2));
        assertArrayEquals(new int[] {0}, ChipRows.breakRows(new float[0], null, 100, 1), "no rows: the sentinel only");
    }

    @Test
    void aLineEndEndsTheRow() {
        float[] widths = {10, 10, 10, 10};
        assertArrayEquals(new int[] {0, 2, 4}, ChipRows.breakRows(widths, new boolean[] {false, true, false, false},
                1000, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ChipRows.breakRows(widths, new boolean[] {true, true, true, true},
                1000, 1), "a line end after the last cluster opens no empty row");
    }

    /**
     * Rows follow the text's lines: on every tokenizer the clusters marked as line ends are exactly those after
     * which the next cluster's text starts on a new line (the text between their starts holds a line feed).
     */
    @Test
    void lineEndsAreWhereTheTextBreaksLinesOnRealTokenizers() {
        String text = "def f(x):\n    return x  # two\n\nhello world.\r\nlast 日本\n😀\n";
        for (String name : List.of("cl100k_base", "gpt2", "bert-base-uncased")) {
            Encoding e = REGISTRY.load(name).encode(text);
            int[] starts = TokenClusters.starts(e);
            boolean[] ends = ChipData.lineEnds(e, starts);
            for (int c = 0; c + 2 < starts.length; c++) {
                int from = firstSpan(e, starts[c], starts[c + 1]);
                int next = firstSpan(e, starts[c + 1], e.size());
                if (from < 0 || next < 0) {
                    continue;
                }
                boolean expected = text.substring(from, Math.max(next, from)).contains("\n")
                        || text.substring(from, lastEnd(e, starts[c], starts[c + 1])).contains("\n");
                assertEquals(expected, ends[c], name + " cluster " + c + " at " + from);
            }
        }
    }

    private static int firstSpan(Encoding e, int from, int to) {
        for (int i = from; i < to; i++) {
            if (e.starts()[i] >= 0) {
                return e.starts()[i];
            }
        }
        return -1;
    }

    private static int lastEnd(Encoding e, int from, int to) {
        int end = -1;
        for (int i = from; i < to; i++) {
            end = Math.max(end, e.ends()[i]);
        }
        return end;
    }
}
