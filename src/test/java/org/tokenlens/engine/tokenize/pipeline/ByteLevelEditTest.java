package org.tokenlens.engine.tokenize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.io.TokenizerJsonLoader;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.KeptTokens;

/**
 * Byte-level pipelines split by a regex (Llama 3, GPT-4o) re-encode only the pieces around an edit
 * ({@code encodeEdited}); after every one of a long run of random edits the result equals a fresh {@code encode} in
 * every field, and HF tokenizers' ids, offsets and word ids (Rust, through DJL). The edits hit what the split's
 * look-ahead reads: runs of spaces and line breaks ({@code \s+(?!\S)}, {@code \s*[\r\n]+}), contractions in any
 * case, digit runs cut in threes, letters and marks (GPT-4o's upper/lower runs), emoji, CJK, and added tokens typed
 * whole or in halves that an edit joins.
 */
class ByteLevelEditTest {

    private static final List<String> SNIPPETS = List.of(" ", "  ", "   ", "\n", "\n\n", "\r\n", "\t", " \n ", "x",
            "Word", " the", "THE", "ÉCOLE", "E\u0301", "\u0301", "COLE", "école", "'s", "'S", "'ll", "'LL", "'re",
            "'ve", "'d", "'m", "'t", "'x", "ſ", "don't", "I'M", "...", "!?", "/", "//", "1", "123", "4567", "12.5",
            "日本語", "中", "한국어", "🙂", "👍🏽", "\u00A0", "\u2003", "\u3000", "\u0000", "naïve", "ǅ", "İ", "Σ",
            "<|begin_of_text|>", "<|endoftext|>", "<|end", "oftext|>", "<|begin_of", "_text|>", "<|eot_id|>",
            "<|endofprompt|>", "a".repeat(60), "-" .repeat(20), "(", ")", "{", "}", ";", "—");
    /** The same without whole added tokens: edits that never fall back to encoding it all. */
    private static final List<String> PLAIN = SNIPPETS.stream().filter(s -> !s.endsWith("|>")).toList();

    static Tokenizer load(String name) {
        return TokenizerJsonLoader.load(Fixtures.tokenizerJson(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o"})
    void everyEditGivesTheFreshEncodingAndHfs(String name) {
        Tokenizer tokenizer = load(name);
        assertTrue(tokenizer.editsIncrementally(), name);
        Path json = Fixtures.tokenizerJson(name);
        HfOracle oracle = HfOracle.shared(json);
        long[] counts = HfEditTest.randomEdits(tokenizer, oracle, SNIPPETS, 11, 2500, name);
        assertTrue(counts[2] >= 10, "compared with HF " + counts[2] + " times");
        // added tokens typed in the text cut it in stretches; an edit far from them still keeps the rest
        assertTrue(counts[0] > counts[1] * 8 / 10, counts[0] + " of " + counts[1] + " tokens kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o"})
    void mostTokensAreKept(String name) {
        Tokenizer tokenizer = load(name);
        long[] counts = HfEditTest.randomEdits(tokenizer, null, PLAIN, 23, 2000, name);
        // the edits are small: most tokens are kept, and said to be (what spares the chips comparing them)
        assertTrue(counts[0] > counts[1] * 9 / 10, counts[0] + " of " + counts[1] + " tokens kept");
    }

    /**
     * GPT-4o's {@code [\p{Lu}…\p{M}]*[\p{Ll}…\p{M}]+} reads the whole run of letters and marks: {@code E\u0301} ends
     * a piece before {@code COLE…} only because no lower-case letter follows; one far down the run joins them.
     */
    @Test
    void anEditFarDownARunOfCapitalsJoinsThePieceBeforeIt() {
        Tokenizer gpt4o = load("gpt4o");
        String before = "x, E\u0301" + "COLE".repeat(8) + "S rest";
        String after = "x, E\u0301" + "COLE".repeat(8) + "s rest";
        Encoding old = gpt4o.encode(before);
        Encoding edited = gpt4o.encodeEdited(old, after);
        assertEquals(gpt4o.encode(after), edited);
        int[] words = edited.wordIndex();
        int[] oldWords = old.wordIndex();
        assertEquals(oldWords[oldWords.length - 1] - 1, words[words.length - 1], "É, the capitals and the s: one piece");
        KeptTokens.assertKept(old, edited, "far edit");
    }

    /**
     * {@code \s*[\r\n]+} reads the whole run of white space after a line break: the break ends a piece before
     * the spaces only because no later break follows in the run; one typed far down the run joins them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o"})
    void anEditFarDownARunOfSpacesJoinsThePieceBeforeIt(String name) {
        Tokenizer t = load(name);
        String[][] cases = {{"x\n" + " ".repeat(20) + "y", "x\n" + " ".repeat(20) + "\n"},
            {"x.\n\n" + " ".repeat(30) + "y z", "x.\n\n" + " ".repeat(30) + "\r\n z"},
            {"x" + " ".repeat(25) + "y", "x" + " ".repeat(25) + " "}};
        for (String[] c : cases) {
            Encoding old = t.encode(c[0]);
            Encoding edited = t.encodeEdited(old, c[1]);
            assertEquals(t.encode(c[1]), edited, name + ": " + c[0].replace("\n", "\\n") + " -> " + c[1]);
            KeptTokens.assertKept(old, edited, c[1]);
        }
    }

    /**
     * An edit that breaks an added token is encoded again whole: the fresh encoding, with no lineage (it kept none of
     * the previous tokens by construction, but says nothing, as tiktoken's fallbacks: the chips compare the tokens).
     */
    @Test
    void anEditOfAnAddedTokenIsEncodedAgainWholeWithNoLineage() {
        Tokenizer llama = load("llama3");
        Encoding old = llama.encode("one two <|begin_of_text|> three");
        Encoding edited = llama.encodeEdited(old, "one two <|begin_of_tex|> three");
        assertEquals(llama.encode("one two <|begin_of_tex|> three"), edited);
        assertEquals(-1, edited.keptHead(old));
        assertEquals(-1, edited.keptTail(old));
    }

    /** An edit right after a piece changes that piece: a margin smaller than the look-ahead would keep it. */
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o"})
    void anEditRightAfterAPieceReEncodesIt(String name) {
        Tokenizer t = load(name);
        String[][] cases = {{"say it'", "say it's"}, {"abc ,def", "abcd,def"}, {"12 345", "12345"},
            {"end   \nx", "end    x"}, {"ok  ", "ok  x"}, {"a<|endoftext", "a<|endoftext|>"},
            {"x <|begin_of_text|> y", "x <|begin_of_tex|> y"}, {"x\r", "x\r\n"}, {"A'L", "A'LL"},
            {"<|endoftext|>abc def", "<|endoftext|>abcd def"}, {"<|begin_of_text|> a  b", "<|begin_of_text|> a   b"},
            {"a <|endoftext|>" + " ".repeat(20) + "x", "a <|endoftext|>" + " ".repeat(20) + "\n"},
            {"one two three four<|endofprompt|>", "one two three fourth<|endofprompt|>"},
            {"x" + " ".repeat(20) + "<|endoftext|>", "x" + " ".repeat(21) + "<|endoftext|>"}};
        for (String[] c : cases) {
            Encoding old = t.encode(c[0]);
            Encoding edited = t.encodeEdited(old, c[1]);
            assertEquals(t.encode(c[1]), edited, name + ": " + c[0] + " -> " + c[1]);
            KeptTokens.assertKept(old, edited, c[1]);
        }
    }

    /** A pasted text far longer than a stretch is encoded in batches of pieces; HF encodes it whole. */
    @ParameterizedTest
    @ValueSource(strings = {"llama3", "gpt4o"})
    void aLongTextEncodedInBatchesIsWhatHfGives(String name) {
        Tokenizer t = load(name);
        HfOracle oracle = HfOracle.shared(Fixtures.tokenizerJson(name));
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder();
        while (text.length() < 2 * HfTokenizer.STRETCH + 5000) {
            text.append(PLAIN.get(random.nextInt(PLAIN.size())));
            text.append(random.nextInt(4) == 0 ? "\n" : random.nextInt(3) == 0 ? " " : "");
        }
        String now = text.toString();
        Encoding ours = t.encode(now);
        HfEditTest.assertSameAsHf(oracle.encode(now, true), ours, name + ", a long text");
        // pasted into a short text, the same
        Encoding pasted = t.encodeEdited(t.encode("before after"), "before " + now + " after");
        assertEquals(t.encode("before " + now + " after"), pasted);
    }

    @Test
    void anEmptyOrUnrelatedPreviousEncodingStillGivesTheFreshEncoding() {
        Tokenizer llama = load("llama3");
        Encoding other = llama.encode("completely different words 123");
        for (String text : new String[] {"", "x", " ", "completely", "different words 123 and more",
            "  \n\n <|begin_of_text|> 🙂"}) {
            assertEquals(llama.encode(text), llama.encodeEdited(other, text), text);
            assertEquals(llama.encode(text), llama.encodeEdited(llama.encode(""), text), text);
            assertEquals(llama.encode(text), llama.encodeEdited(llama.encode("   "), text), text);
            assertEquals(llama.encode(text), llama.encodeEdited(null, text), text);
        }
    }
}
