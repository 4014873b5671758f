package org.tokenlens.engine.tokenize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.io.TokenizerJsonLoader;
import org.tokenlens.engine.tokenize.model.bpe.BpeModel;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.KeptTokens;

/**
 * Gemma 3's pipeline (Replace {@code " "→"▁"}, a Split that then never matches, byte-fallback BPE over each whole
 * stretch between added tokens) re-encodes only the text between the nearest forced cuts around an edit
 * ({@code encodeEdited}, {@link ForcedCuts}); after every one of a long run of random edits the result equals a
 * fresh {@code encode} in every field, and HF tokenizers' ids, offsets and word ids (Rust, through DJL). The edits
 * hit what could reach across a cut: added tokens typed whole, in halves, or a character at a time (Gemma's
 * {@code \n}, {@code \n\n}, runs of {@code ▁}, {@code <unused3>}, HTML tags), the {@code >▁} that Gemma's
 * {@code >▁</} holds, astral characters that only byte fallback spells, CJK, code.
 */
class ForcedCutEditTest {

    private static final List<String> SNIPPETS = List.of(" ", "  ", "    ", "\n", "\n\n", "\n\n\n", "\r\n", "\t",
            "x", "Word", " the", "The quick brown fox", "tokenizers", "don't", "...", "!?", "123", "4567", "12.5",
            "def f(x):\n    return x  # code\n", "[t for t in text.split() if t]", "{", "}", "(", ")", ";", "—",
            "日本語", "中文，还有", "한국어", "🙂", "👍🏽", "𓀀", "𝔘", "\uD83E\uDEE8", "café", "naïve", "e\u0301",
            "\u00A0", "\u3000", "▁", "▁▁", "<", ">", "> ", "</", "<b>", "<unused3>", "<unused", "3>", "unused",
            "<start_of_turn>", "<end_of_turn>", "<table>", "</td>", "<bos>", "<eos>", "<0x41>", "<unk>",
            "a".repeat(40), "-".repeat(20), "=".repeat(33));

    static Tokenizer gemma() {
        return TokenizerJsonLoader.load(Fixtures.tokenizerJson("gemma3"));
    }

    @Test
    void gemmasPipelineEditsIncrementallyAndOneNoEditPathTakesDoesNot() {
        assertTrue(gemma().editsIncrementally(), "forced cuts of Gemma 3's BPE");
        assertFalse(TokenizerJsonLoader.load(Fixtures.wholeEncodingTokenizerJson()).editsIncrementally(),
                "NFKC before a byte-level split");
    }

    @Test
    void everyEditGivesTheFreshEncodingAndHfs() {
        Tokenizer t = gemma();
        HfOracle oracle = HfOracle.shared(Fixtures.tokenizerJson("gemma3"));
        long[] counts = HfEditTest.randomEdits(t, oracle, SNIPPETS, 17, 3000, "gemma3");
        assertTrue(counts[2] >= 30, "compared with HF " + counts[2] + " times");
        // the edits are small: most tokens are kept, and said to be (what spares the chips comparing them)
        assertTrue(counts[0] > counts[1] * 9 / 10, counts[0] + " of " + counts[1] + " tokens kept");
    }

    /** Added tokens typed a character at a time, then deleted a character at a time, in and between words. */
    @Test
    void addedTokensTypedAndDeletedACharacterAtATime() {
        Tokenizer t = gemma();
        HfOracle oracle = HfOracle.shared(Fixtures.tokenizerJson("gemma3"));
        String base = "Some text, then <b>more</b> text\n\nand  code: f(x) 日本語 🙂 end";
        for (String added : List.of("<unused3>", "<start_of_turn>", "\n\n\n", "<table>", "▁▁▁", "<bos>", "<0x41>")) {
            for (int at : new int[] {0, 4, 5, 10, 16, 19, 33, 35, 40, base.length()}) {
                String text = base;
                Encoding previous = t.encode(text);
                for (int k = 1; k <= 2 * added.length(); k++) {
                    text = k <= added.length()
                            ? base.substring(0, at) + added.substring(0, k) + base.substring(at)
                            : base.substring(0, at) + added.substring(k - added.length()) + base.substring(at);
                    previous = step(t, previous, text, added + " at " + at + ", step " + k);
                }
                HfEditTest.assertSameAsHf(oracle.encode(text + added, true),
                        t.encodeEdited(previous, text + added), added + " at " + at);
            }
        }
    }

    /**
     * Edits right beside a forced cut, on either side, and one that puts a token across a cut of the text before it:
     * {@code 日} before {@code h} is a cut (no piece holds them side by side), {@code t} before it is not, and
     * {@code ▁this} is one token.
     */
    @Test
    void editsBesideACutAndAcrossIt() {
        Tokenizer t = gemma();
        ForcedCuts cuts = forcedCuts(t);
        String text = "say 日his word, <b>bold<bx </b>";
        int p = text.indexOf("his");
        assertTrue(cuts.isCut(text, p), "日h");
        String across = text.replace("日his", "this");
        assertFalse(cuts.isCut(across, p), "th");
        Encoding fresh = t.encode(across);
        boolean spans = false;
        for (int i = 0; i < fresh.size(); i++) {
            spans |= fresh.starts()[i] < p && fresh.ends()[i] > p;
        }
        assertTrue(spans, "a token of the new text spans the old cut");
        int q = text.indexOf(" </");
        assertTrue(cuts.isCut(text, q), "a letter before ▁");
        assertFalse(cuts.isCut(text.substring(0, q - 1) + ">" + text.substring(q), q), ">▁ is inside a piece: >▁</");
        List<String> edits = new java.util.ArrayList<>(List.of(across));
        for (int c : new int[] {p, q}) {
            edits.addAll(List.of(text.substring(0, c) + "y" + text.substring(c),
                    text.substring(0, c + 1) + "y" + text.substring(c + 1),
                    text.substring(0, c - 1) + text.substring(c), text.substring(0, c) + text.substring(c + 1),
                    text.substring(0, c - 1) + ">" + text.substring(c), text.substring(0, c) + "\n" + text.substring(c),
                    text.substring(0, c) + "<unused3>" + text.substring(c),
                    text.substring(0, c) + "🙂" + text.substring(c)));
        }
        for (String edited : edits) {
            step(t, t.encode(text), edited, edited);
            step(t, t.encode(edited), text, "back from " + edited);
        }
    }

    /**
     * A hand-built BPE (byte pieces, {@code a b c d x}, merges {@code cd}, then {@code bc}, then {@code ab}; no added
     * tokens, so the window may start right before the change): in {@code xabc} the tokens are {@code x a bc}, and
     * {@code d} typed after it takes the {@code c}, so {@code a} and {@code b} merge across the old boundary between
     * them — no forced cut, as {@code ab} is a piece. A window starting at any previous token's start would keep
     * {@code a}. HF agrees.
     */
    @Test
    void aChangeReachesBackPastAPreviousTokenBoundaryThatIsNoForcedCut() {
        StringBuilder vocab = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            vocab.append(String.format("\"<0x%02X>\": %d, ", b, b));
        }
        String[] pieces = {"a", "b", "c", "d", "x", "cd", "bc", "ab"};
        for (int i = 0; i < pieces.length; i++) {
            vocab.append('"').append(pieces[i]).append("\": ").append(256 + i)
                    .append(i + 1 < pieces.length ? ", " : "");
        }
        String json = "{\"version\": \"1.0\", \"added_tokens\": [], \"normalizer\": null, \"pre_tokenizer\": null,"
                + " \"post_processor\": null, \"decoder\": null, \"model\": {\"type\": \"BPE\", \"dropout\": null,"
                + " \"unk_token\": null, \"continuing_subword_prefix\": null, \"end_of_word_suffix\": null,"
                + " \"fuse_unk\": false, \"byte_fallback\": true, \"ignore_merges\": false, \"vocab\": {" + vocab
                + "}, \"merges\": [[\"c\", \"d\"], [\"b\", \"c\"], [\"a\", \"b\"]]}}";
        Tokenizer t;
        try {
            t = TokenizerJsonLoader.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "abcd");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(t.editsIncrementally());
        Encoding before = t.encode("xabc");
        assertEquals(List.of("x", "a", "bc"), List.of(before.tokens()));
        Encoding after = step(t, before, "xabcd", "d typed");
        assertEquals(List.of("x", "ab", "cd"), List.of(after.tokens()));
        try (HfOracle oracle = HfOracle.fromJson(json)) {
            HfEditTest.assertSameAsHf(oracle.encode("xabcd", true), after, "HF");
            HfEditTest.assertSameAsHf(oracle.encode("xabc", true), step(t, after, "xabc", "d deleted"), "HF");
        }
    }

    /**
     * A pasted text far longer than a stretch is encoded in stretches cut at forced cuts or added tokens; HF encodes
     * it whole. Stretches of prose (cut inside a word: the word goes on), of lines, and of runs of {@code a} (no
     * forced cut in them: cut where a {@code \n}, an added token, begins or ends).
     */
    @Test
    void aLongTextEncodedInStretchesIsWhatHfGives() {
        Tokenizer t = gemma();
        HfOracle oracle = HfOracle.shared(Fixtures.tokenizerJson("gemma3"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (String glue : new String[] {" ", "\n", "runs"}) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 2 * HfTokenizer.STRETCH + 5000) {
                if (glue.equals("runs")) {
                    text.append("a".repeat(500 + random.nextInt(1000))).append('\n');
                    continue;
                }
                text.append(SNIPPETS.get(random.nextInt(SNIPPETS.size())).replace("\n", glue));
                text.append(random.nextInt(3) == 0 ? glue : "");
            }
            String now = text.toString();
            Encoding ours = t.encode(now);
            HfEditTest.assertSameAsHf(oracle.encode(now, true), ours, "a long text");
            // pasted into a short text, the same
            Encoding pasted = t.encodeEdited(t.encode("before after"), "before " + now + " after");
            assertEquals(t.encode("before " + now + " after"), pasted);
        }
    }

    /** A window that reaches the text's ends, and previous encodings of other texts. */
    @Test
    void editsAtTheEndsAndFromOtherTexts() {
        Tokenizer t = gemma();
        Encoding other = t.encode("completely different words 123");
        for (String text : new String[] {"", "x", " ", "\n", "completely", "completely different words 1234",
            "  \n\n <start_of_turn> 🙂", "<unused3>", "<unused3>x", "x<unused3>", "𓀀𓀀", "𓀀x𓀀"}) {
            assertEquals(t.encode(text), t.encodeEdited(other, text), text);
            assertEquals(t.encode(text), t.encodeEdited(t.encode(""), text), text);
            assertEquals(t.encode(text), t.encodeEdited(t.encode("   "), text), text);
            assertEquals(t.encode(text), t.encodeEdited(t.encode(text + "y"), text), text);
            assertEquals(t.encode(text), t.encodeEdited(t.encode("y" + text), text), text);
            assertEquals(t.encode(text), t.encodeEdited(null, text), text);
        }
    }

    /** Gemma's vocabulary: letters are never followed by ▁ inside a piece, so prose has a cut at nearly every word. */
    @Test
    void gemmasPairs() {
        ForcedCuts cuts = forcedCuts(gemma());
        String prose = "The quick brown fox jumps over the lazy dog.";
        int count = 0;
        for (int p = 1; p < prose.length(); p++) {
            count += cuts.isCut(prose, p) ? 1 : 0;
        }
        assertTrue(count >= 8, count + " cuts");
        assertTrue(((BpeModel) ((HfTokenizer) gemma()).model()).innerPairs().size() > 10_000);
    }

    private static ForcedCuts forcedCuts(Tokenizer t) {
        return ((HfTokenizer) t).forcedCuts();
    }

    private static Encoding step(Tokenizer t, Encoding previous, String text, String at) {
        Encoding edited = t.encodeEdited(previous, text);
        assertEquals(t.encode(text), edited, at);
        KeptTokens.assertKept(previous, edited, at);
        return edited;
    }
}
