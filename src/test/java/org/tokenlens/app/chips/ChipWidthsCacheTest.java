package org.tokenlens.app.chips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Corpus;

/**
 * The width cache gives exactly the widths measured from each chip's content, on real tokenizers and across
 * tokenizers sharing one cache (as a lane does when its tokenizer changes), and misses when an id's bytes differ.
 */
class ChipWidthsCacheTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    /** Widths computed the slow way: one chip content per cluster, nothing cached. */
    private static float[] fromContent(Encoding e, byte[] marks, int[] starts, ChipMode mode) {
        float[] out = new float[starts.length - 1];
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) ChipWidths.estimate(ChipContent.of(e, marks, starts[c], starts[c + 1], mode));
        }
        return out;
    }

    @Test
    void cachedWidthsEqualContentWidthsOnRealTokenizers() {
        ChipWidths.Cache cache = new ChipWidths.Cache(); // one cache for all, like a lane switching tokenizers
        String text = String.join("\n", Corpus.snippets());
        for (String name : List.of("cl100k_base", "gpt2", "bert-base-uncased", "o200k_base")) {
            Tokenizer t = REGISTRY.load(name);
            Encoding e = t.encode(text);
            byte[] marks = TokenMarks.of(e, TokenMarks.unknownId(t));
            int[] starts = TokenClusters.starts(e);
            for (ChipMode mode : ChipMode.values()) {
                float[] expected = fromContent(e, marks, starts, mode);
                for (int pass = 0; pass < 2; pass++) { // cold, then every single-token chip a hit
                    assertArrayEquals(expected, ChipWidths.estimate(e, marks, starts, mode, cache),
                            name + " " + mode + " pass " + pass);
                }
            }
        }
    }

    @Test
    void aClusterWhoseBytesDifferIsNotServedFromTheCache() {
        ChipWidths.Cache cache = new ChipWidths.Cache();
        byte[] smile = "😀".getBytes(StandardCharsets.UTF_8);
        byte[] han = "日".getBytes(StandardCharsets.UTF_8);
        Encoding a = two("😀", new byte[][] {{smile[0], smile[1]}, {smile[2], smile[3]}});
        Encoding b = two("日", new byte[][] {{han[0]}, {han[1], han[2]}}); // same ids 7, 8: other bytes
        for (Encoding e : List.of(a, b, a)) {
            for (ChipMode mode : ChipMode.values()) {
                assertEquals(fromContent(e, new byte[2], new int[] {0, 2}, mode)[0],
                        ChipWidths.estimate(e, new byte[2], new int[] {0, 2}, mode, cache)[0], e.text() + " " + mode);
            }
        }
    }

    private static Encoding two(String text, byte[][] bytes) {
        return new Encoding(text, new int[] {7, 8}, new String[] {"p", "q"}, bytes, new int[] {0, 0},
                new int[] {text.length(), text.length()}, new boolean[2], new int[2]);
    }

    @Test
    void anIdWhoseBytesDifferIsNotServedFromTheCache() {
        ChipWidths.Cache cache = new ChipWidths.Cache();
        Encoding narrow = one("ii", 7);
        Encoding wide = one("WWWWWWWW", 7); // same id, other bytes (a context-dependent decoder)
        float a = ChipWidths.estimate(narrow, new byte[1], new int[] {0, 1}, ChipMode.TEXT, cache)[0];
        float b = ChipWidths.estimate(wide, new byte[1], new int[] {0, 1}, ChipMode.TEXT, cache)[0];
        assertNotEquals(a, b);
        assertEquals(fromContent(wide, new byte[1], new int[] {0, 1}, ChipMode.TEXT)[0], b);
        assertEquals(fromContent(narrow, new byte[1], new int[] {0, 1}, ChipMode.TEXT)[0],
                ChipWidths.estimate(narrow, new byte[1], new int[] {0, 1}, ChipMode.TEXT, cache)[0]);
    }

    private static Encoding one(String text, int id) {
        return new Encoding(text, new int[] {id}, new String[] {"p"},
                new byte[][] {text.getBytes(StandardCharsets.UTF_8)}, new int[] {0}, new int[] {text.length()},
                new boolean[1], new int[1]);
    }
}
