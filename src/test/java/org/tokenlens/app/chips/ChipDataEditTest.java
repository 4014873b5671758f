package org.tokenlens.app.chips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.RandomEdits;

/**
 * Chip data after an edit ({@link ChipData#edited}) reuses the clusters, marks, widths and line ends of the
 * tokens the edit left alone, and equals {@link ChipData#of} of the new encoding after every one of a long run of
 * random edits — with emoji split into byte tokens, flags (whose pairing depends on every flag before), emoji
 * joined by ZWJ, combining marks, CJK, line breaks of every kind, special and unknown tokens, byte fallback.
 */
class ChipDataEditTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    private static final List<String> SNIPPETS = List.of(" ", "\n", "\r\n", "\n\n", "x", "word", " the", "🙂",
            "👍🏽", "🇯🇵", "🇺", "👩\u200D💻", "\u200D", "e\u0301", "\u0301", "日本語", "中", "한국어", "\t", "  ",
            "[SEP]", "<|endoftext|>", "ᐁ", "\uD83D", "123", ".\n", "naïve", "ſ", "İ", "𝔘𝔫𝔦", "🇯🇵🇺🇸🇫🇷🇩🇪🇬🇧🇮🇹");

    @ParameterizedTest
    @ValueSource(strings = {"cl100k_base", "gpt2", "bert-base-uncased", "llama3", "gemma3"})
    void everyEditGivesTheFreshChipData(String name) {
        Tokenizer tok = REGISTRY.load(Fixtures.NAMES.contains(name) ? Fixtures.tokenizerJson(name).toString() : name);
        int unknown = TokenMarks.unknownId(tok);
        ChipWidths.Cache cache = new ChipWidths.Cache();
        ChipWidths.Cache freshCache = new ChipWidths.Cache(); // apart: a wrong width put in one is not read back
        SplittableRandom random = new SplittableRandom(name.hashCode());
        StringBuilder text = new StringBuilder();
        while (text.length() < 2000) {
            text.append(SNIPPETS.get(random.nextInt(SNIPPETS.size())));
        }
        for (ChipMode mode : ChipMode.values()) {
            for (boolean reencoded : new boolean[] {false, true}) { // compared token by token, or as the encoder says
                ChipData previous = ChipData.of(tok.encode(text.toString()), unknown, mode, cache);
                for (int step = 0; step < 250; step++) {
                    RandomEdits.apply(text, random, SNIPPETS);
                    Encoding e = reencoded ? tok.encodeEdited(previous.encoding(), text.toString())
                            : tok.encode(text.toString());
                    ChipData edited = ChipData.edited(previous, e, unknown, mode, cache);
                    ChipData fresh = ChipData.of(e, unknown, mode, freshCache);
                    String at = name + " " + mode + (reencoded ? " re-encoded" : "") + " step " + step;
                    assertSame(e, edited.encoding(), at);
                    assertArrayEquals(fresh.clusterStarts(), edited.clusterStarts(), at);
                    assertArrayEquals(fresh.marks(), edited.marks(), at);
                    assertArrayEquals(fresh.widths(), edited.widths(), at);
                    assertArrayEquals(fresh.lineEnds(), edited.lineEnds(), at);
                    previous = edited;
                }
            }
        }
    }

    /**
     * One regional indicator typed in front of a run of flags re-pairs every flag after it: the text after the
     * edit is unchanged and, with one token per code point, so are its tokens, yet every flag's cluster moves.
     */
    @org.junit.jupiter.api.Test
    void aRegionalIndicatorRepairsTheFlagsAfterIt() {
        String flags = "🇯🇵🇺🇸🇫🇷🇩🇪🇬🇧🇮🇹".repeat(6);
        String before = "Flags: " + flags + " end";
        String after = "Flags: 🇺" + flags + " end";
        for (ChipMode mode : ChipMode.values()) {
            for (String[] edit : new String[][] {{before, after}, {after, before}}) {
                ChipData previous = ChipData.of(perCodePoint(edit[0]), -1, mode, null);
                Encoding e = perCodePoint(edit[1]);
                ChipData fresh = ChipData.of(e, -1, mode, null);
                ChipData edited = ChipData.edited(previous, e, -1, mode, new ChipWidths.Cache());
                assertArrayEquals(fresh.clusterStarts(), edited.clusterStarts(), mode.toString());
                assertArrayEquals(fresh.widths(), edited.widths(), mode.toString());
            }
        }
    }

    /** One token per code point, its id the code point (a character-level tokenizer). */
    private static Encoding perCodePoint(String text) {
        int[] cps = text.codePoints().toArray();
        int n = cps.length;
        String[] tokens = new String[n];
        byte[][] bytes = new byte[n][];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            tokens[i] = new String(Character.toChars(cps[i]));
            bytes[i] = tokens[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            starts[i] = at;
            at += tokens[i].length();
            ends[i] = at;
        }
        return new Encoding(text, cps, tokens, bytes, starts, ends, new boolean[n], java.util.stream.IntStream.range(0, n).toArray());
    }
}
