package org.tokenlens.engine.tokenize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.KeptTokens;

/**
 * Qwen 3's pipeline (NFC, then the byte-level split of Qwen 2's pattern; special and non-special added tokens)
 * re-encodes only the pieces around an edit ({@code encodeEdited}): after every one of a long run of random edits
 * the result equals a fresh {@code encode} in every field, and HF tokenizers' ids, offsets and word ids (Rust,
 * through DJL). The edits make and break compositions across their ends: combining marks typed after a base or
 * left without one, marks reordered by class, Hangul typed jamo by jamo, singleton and excluded decompositions,
 * besides what the split's look-ahead reads (runs of white space, contractions, digits) and added tokens typed
 * whole or in halves.
 */
class NfcEditTest {

    private static final List<String> SNIPPETS = List.of(" ", "  ", "   ", "\n", "\n\n", "\r\n", "\t", " \n ", "x",
            "e", "a", "Word", " the", "THE", "'s", "'LL", "'re", "don't", "1", "123", "4567", "...", "!?", "/", "(",
            ")", "é", "e\u0301", "\u0301", "\u0323", "\u0301\u0323", "\u0323\u0301", "\u0308", "a\u0308", "ñ",
            "n\u0303", "Å", "\u212B", "\u2000", "\u1112", "\u1161", "\u11AB", "\u1100", "\u116E", "\u11A8", "한",
            "한국어", "\u1100\u1161", "日本語", "中", "，", "。", "かが", "\u3099", "🙂", "👍🏽", "🥺", "\u00A0",
            "\u3000", "ﬁ", "\u0958", "\u0915\u093C", "\u0B47", "\u0B3E", "ǅ", "Σ", "naïve", "caf", "—",
            "<think>", "</think>", "<|im_start|>", "<|im_end|>", "<tool_call>", "<|endoftext|>", "<thi", "nk>",
            "<|im_", "start|>", "a".repeat(40), "-".repeat(20));
    /** The same without added tokens or their halves: edits that keep most tokens. */
    private static final List<String> PLAIN = SNIPPETS.stream().filter(s -> !s.contains("<") && !s.contains(">"))
            .toList();

    private static final Path JSON = Fixtures.tokenizerJson("qwen3");

    @Test
    void everyEditGivesTheFreshEncodingAndHfs() {
        Tokenizer qwen = ByteLevelEditTest.load("qwen3");
        assertTrue(qwen.editsIncrementally());
        HfOracle oracle = HfOracle.shared(JSON);
        long[] counts = HfEditTest.randomEdits(qwen, oracle, SNIPPETS, 31, 3000, "qwen3");
        assertTrue(counts[2] >= 30, "compared with HF " + counts[2] + " times");
        assertTrue(counts[0] > counts[1] * 7 / 10, counts[0] + " of " + counts[1] + " tokens kept");
    }

    @Test
    void mostTokensAreKept() {
        Tokenizer qwen = ByteLevelEditTest.load("qwen3");
        long[] counts = HfEditTest.randomEdits(qwen, HfOracle.shared(JSON), PLAIN, 37, 3000, "qwen3");
        assertTrue(counts[0] > counts[1] * 9 / 10, counts[0] + " of " + counts[1] + " tokens kept");
    }

    private static final String BEFORE = "Some words before it, and more: ";
    private static final String AFTER = " and then the words after it, quite a few.";

    /** Each edit, from the fresh encoding of the text before: the fresh encoding, HF's, and tokens kept. */
    private static void assertEdits(Tokenizer t, HfOracle oracle, String... texts) {
        Encoding previous = t.encode(texts[0]);
        for (int k = 1; k < texts.length; k++) {
            String now = texts[k];
            Encoding edited = t.encodeEdited(previous, now);
            String at = escape(texts[k - 1]) + " -> " + escape(now);
            assertEquals(t.encode(now), edited, at);
            HfEditTest.assertSameAsHf(oracle.encode(now, true), edited, at);
            int kept = KeptTokens.assertKept(previous, edited, at);
            assertTrue(kept > 0, "re-encoded near the edit only: " + at);
            previous = edited;
        }
    }

    /** A mark typed after a base composes with it; the base deleted leaves the mark alone, or on another base. */
    @Test
    void compositionsMadeAndBrokenAcrossAnEdit() {
        Tokenizer t = ByteLevelEditTest.load("qwen3");
        HfOracle oracle = HfOracle.shared(JSON);
        assertEdits(t, oracle, BEFORE + "cafe" + AFTER, BEFORE + "cafe\u0301" + AFTER, BEFORE + "caf\u0301" + AFTER,
                BEFORE + "cafa\u0301" + AFTER, BEFORE + "cafa\u0301\u0323" + AFTER, BEFORE + "caf\u0301\u0323" + AFTER,
                BEFORE + "cafe\u0301\u0323" + AFTER, BEFORE + "cafe\u0323" + AFTER, BEFORE + "cafe \u0323" + AFTER);
        // a base typed before a mark in the unchanged text: the mark after the edit composes with it
        assertEdits(t, oracle, BEFORE + "x \u0301tail" + AFTER, BEFORE + "x e\u0301tail" + AFTER,
                BEFORE + "x ea\u0301tail" + AFTER, BEFORE + "x e\u0308\u0301tail" + AFTER);
        // marks reordered by their classes, across the edit: the normalized text's spans go back and forth
        assertEdits(t, oracle, BEFORE + "x\u0301" + AFTER, BEFORE + "x\u0301\u0323" + AFTER,
                BEFORE + "q\u0301\u0323" + AFTER, BEFORE + "q\u0323" + AFTER);
        // a singleton and an excluded decomposition, a starter that composes (Oriya)
        assertEdits(t, oracle, BEFORE + "\u212B" + AFTER, BEFORE + "\u212Bx" + AFTER, BEFORE + "\u0958x" + AFTER,
                BEFORE + "\u0B47x" + AFTER, BEFORE + "\u0B47\u0B3Ex" + AFTER, BEFORE + "\u0B47 \u0B3Ex" + AFTER);
    }

    /** Hangul typed one jamo at a time composes into syllables; deleting a leading jamo leaves the rest bare. */
    @Test
    void hangulTypedJamoByJamo() {
        Tokenizer t = ByteLevelEditTest.load("qwen3");
        HfOracle oracle = HfOracle.shared(JSON);
        String korean = "안녕하세요 여러분 ";
        assertEdits(t, oracle, BEFORE + korean + AFTER, BEFORE + korean + "\u1112" + AFTER,
                BEFORE + korean + "\u1112\u1161" + AFTER, BEFORE + korean + "\u1112\u1161\u11AB" + AFTER,
                BEFORE + korean + "\u1112\u1161\u11AB\u1100" + AFTER,
                BEFORE + korean + "\u1112\u1161\u11AB\u1100\u116E" + AFTER,
                BEFORE + korean + "\u1112\u1161\u11AB\u1100\u116E\u11A8" + AFTER,
                BEFORE + korean + "\u1161\u11AB\u1100\u116E\u11A8" + AFTER,
                BEFORE + korean + "\u1112\u1161\u1100\u116E\u11A8" + AFTER);
        // a long run with no ASCII character before the edit: the restart goes back to the last one
        String run = "안녕하세요여러분반갑습니다".repeat(20);
        assertEdits(t, oracle, BEFORE + run + AFTER, BEFORE + run + "\u1112" + AFTER,
                BEFORE + run + "\u1112\u1161" + AFTER, BEFORE + run.substring(0, 100) + "\u1161" + run + AFTER);
    }

    /** Non-special added tokens ({@code <think>}) are matched as written; an edit away from them keeps them. */
    @Test
    void editsBetweenAddedTokens() {
        Tokenizer t = ByteLevelEditTest.load("qwen3");
        HfOracle oracle = HfOracle.shared(JSON);
        String before = "<|im_start|>assistant\n<think>\nLet me think about cafe\u0301s.\n</think>\n\nThe answer to that question";
        assertEdits(t, oracle, before + " is 42.<|im_end|>", before + " is 43.<|im_end|>",
                before + "s are 43.<|im_end|>", before.replace("about", "abou") + "s are 43.<|im_end|>",
                before.replace("about", "abou\u0301") + "s are 43.<|im_end|>");
    }

    /**
     * An edit before a long run the split reads whole ({@code \s*[\r\n]+}, {@code \p{L}+}): the normalized
     * stretch it is read from grows until the run's end is seen, far past the edit.
     */
    @Test
    void aPieceReachingFarPastTheEditIsReadWhole() {
        Tokenizer t = ByteLevelEditTest.load("qwen3");
        HfOracle oracle = HfOracle.shared(JSON);
        String head = BEFORE + "e\u0301 x";
        String run = " ".repeat(300);
        assertEdits(t, oracle, head + run + "\nz" + AFTER, head + "\t" + run + "\nz" + AFTER,
                head + "\t" + run + "y" + AFTER, head + "\t\u0301" + run + "y" + AFTER,
                head + "\t\u0301" + run + "\u3000\n" + AFTER);
        // a run of letters: the piece a letter typed before it starts ends only where the run does
        String letters = "b".repeat(300);
        assertEdits(t, oracle, head + " " + letters + AFTER, head + " c" + letters + AFTER,
                head + " c\u0301" + letters + AFTER, head + " " + letters.substring(0, 150) + "\u0301"
                        + letters.substring(150) + AFTER);
        // NFC leaves the stretch alone until it grows to a mark that composes with the run's end
        String plain = BEFORE + "plain x";
        assertEdits(t, oracle, plain + " " + letters + "e\u0301" + AFTER, plain + " c" + letters + "e\u0301" + AFTER,
                plain + " c" + letters + "e\u0301\u0301" + AFTER);
    }

    /**
     * Text with no character to cut before within reach of an edit is encoded again whole: the fresh encoding, which
     * claims to have kept nothing of the previous one (no lineage), so the chips compare the tokens themselves.
     */
    @Test
    void farFromAnyCutTheTextIsEncodedAgain() {
        Tokenizer t = ByteLevelEditTest.load("qwen3");
        String devanagari = "नमस्ते".repeat(2000);
        String before = "x " + devanagari + " y";
        String after = "x " + devanagari.substring(0, 6000) + "\u0301" + devanagari.substring(6000) + " y";
        Encoding previous = t.encode(before);
        Encoding edited = t.encodeEdited(previous, after);
        assertEquals(t.encode(after), edited);
        assertEquals(-1, edited.keptHead(previous), "a whole encode: no lineage, as every fallback");
        assertEquals(-1, edited.keptTail(previous));
    }

    /** Chinese, Japanese and Korean text runs on for long without an ASCII character: NFC cuts before its characters. */
    @Test
    void aLongRunOfCjkTextIsCutWithin() {
        Tokenizer t = ByteLevelEditTest.load("qwen3");
        HfOracle oracle = HfOracle.shared(JSON);
        String chinese = "分词器把文本切成词元，每个词元对应一个编号。".repeat(300);
        String japanese = "トークナイザーはテキストを分割します、がぎぐげご。".repeat(200);
        String korean = "토크나이저는、텍스트를「나눕니다」。".repeat(300);
        for (String run : List.of(chinese, japanese, korean)) {
            int mid = run.length() / 2;
            assertEdits(t, oracle, run, run.substring(0, mid) + "字" + run.substring(mid),
                    run.substring(0, mid) + "字\u3099" + run.substring(mid),
                    run.substring(0, mid) + "\u1112\u1161" + run.substring(mid),
                    run.substring(0, mid) + "\u1112\u1161\u11AB" + run.substring(mid + 1),
                    run.substring(0, mid) + "\u1112\u1161\u11AB\u0301" + run.substring(mid + 1));
        }
    }

    /** A pasted text far longer than a stretch is encoded in batches of pieces when NFC leaves it alone. */
    @Test
    void aLongTextEncodedInBatchesIsWhatHfGives() {
        Tokenizer t = ByteLevelEditTest.load("qwen3");
        HfOracle oracle = HfOracle.shared(JSON);
        SplittableRandom random = new SplittableRandom(5);
        for (List<String> snippets : List.of(PLAIN.stream().filter(s -> java.text.Normalizer.isNormalized(s,
                java.text.Normalizer.Form.NFC)).toList(), PLAIN)) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 2 * HfTokenizer.STRETCH + 5000) {
                text.append(snippets.get(random.nextInt(snippets.size())));
                text.append(random.nextInt(4) == 0 ? "\n" : random.nextInt(3) == 0 ? " " : "");
            }
            String now = text.toString();
            HfEditTest.assertSameAsHf(oracle.encode(now, true), t.encode(now), "a long text");
            Encoding pasted = t.encodeEdited(t.encode("before after"), "before " + now + " after");
            assertEquals(t.encode("before " + now + " after"), pasted);
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x80 && cp >= 0x20 ? String.valueOf((char) cp)
                : String.format("\\u%04X", cp)));
        return b.toString();
    }
}
