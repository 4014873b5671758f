package org.tokenlens.engine.tokenize.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.KeptTokens;
import org.tokenlens.testing.OracleEncoding;
import org.tokenlens.testing.RandomEdits;

/**
 * BERT's pipeline re-encodes only the white-space-delimited stretch an edit touched ({@code encodeEdited}); after
 * every one of a long run of random edits the result equals a fresh {@code encode} in every field, and HF
 * tokenizers' ids, offsets and word ids (Rust, through DJL). The edits hit what could leak across a cut: added
 * tokens typed in the text, CJK (padded with spaces by the normalizer), accents and combining marks after white
 * space, non-ASCII white space (not a cut), control characters, over-long words, every kind of line break.
 */
class HfEditTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    private static final List<String> SNIPPETS = List.of(" ", "  ", "\n", "\r\n", "\t", "x", "Word", " the",
            "[SEP]", "[MASK]", "[UNK]x", "[ SEP]", "日本語", "中", "한국어", "café", "e\u0301", " \u0301", "\u00A0",
            "\u2003", "\u0000", "\uFFFD", "\u0007", "don't", "...", "!?", "123", "naïve", "ǅ", "ẞ", "İ", "Σ", "🙂",
            "a".repeat(120), "un" + "believable".repeat(3), "—", "(", ")");

    @Test
    void everyEditGivesTheFreshEncodingAndHfs() {
        Tokenizer bert = REGISTRY.load("bert-base-uncased");
        assertTrue(bert.editsIncrementally(), "BertNormalizer, BertPreTokenizer, WordPiece, TemplateProcessing");
        HfOracle oracle = HfOracle.fromResource(Fixtures.BERT_RESOURCE);
        long[] counts = randomEdits(bert, oracle, SNIPPETS, 5, 1500, "bert");
        assertTrue(counts[2] >= 10, "compared with HF " + counts[2] + " times");
        // the edits are small: most tokens are kept, and said to be (what spares the chips comparing them)
        assertTrue(counts[0] > counts[1] * 9 / 10, counts[0] + " of " + counts[1] + " tokens kept");
    }

    /** A long text goes through the pipeline in stretches cut at white space; HF encodes it whole. */
    @Test
    void aLongTextEncodedInStretchesIsWhatHfGives() {
        Tokenizer bert = REGISTRY.load("bert-base-uncased");
        HfOracle oracle = HfOracle.fromResource(Fixtures.BERT_RESOURCE);
        SplittableRandom random = new SplittableRandom(9);
        StringBuilder text = new StringBuilder();
        while (text.length() < 3 * HfTokenizer.STRETCH + 5000) {
            text.append(SNIPPETS.get(random.nextInt(SNIPPETS.size())));
            text.append(random.nextInt(4) == 0 ? "\n" : random.nextInt(3) == 0 ? " " : "");
        }
        text.append("x".repeat(HfTokenizer.STRETCH + 10)).append(" tail"); // a stretch with no white space to cut at
        String now = text.toString().replaceAll("[\\uD800-\\uDFFF]", "");
        Encoding ours = bert.encode(now);
        assertSameAsHf(oracle.encode(now, true), ours, "a long text");
    }

    @Test
    void anEmptyOrUnrelatedPreviousEncodingStillGivesTheFreshEncoding() {
        Tokenizer bert = REGISTRY.load("bert-base-uncased");
        Encoding other = bert.encode("completely different words 123");
        for (String text : new String[] {"", "x", " ", "completely", "different words 123 and more", "  \n\n [SEP] 🙂"}) {
            assertEquals(bert.encode(text), bert.encodeEdited(other, text), text);
            assertEquals(bert.encode(text), bert.encodeEdited(bert.encode(""), text), text);
            assertEquals(bert.encode(text), bert.encodeEdited(bert.encode("   "), text), text);
            assertEquals(bert.encode(text), bert.encodeEdited(null, text), text);
        }
    }

    @Test
    void aPipelineNoEditPathTakesEncodesAllAgain() {
        // Llama 3, GPT-4o: ByteLevelEditTest; Qwen 3: NfcEditTest; Gemma 3: ForcedCutEditTest
        Tokenizer t = REGISTRY.load(Fixtures.wholeEncodingTokenizerJson().toString());
        assertFalse(t.editsIncrementally()); // NFKC before the byte-level split keeps it whole
        String before = "Hello  world, again";
        String after = "Hello  wor ld, again";
        assertEquals(t.encode(after), t.encodeEdited(t.encode(before), after));
    }

    /**
     * {@code steps} random edits of a random text of {@code snippets}, each re-encoded from the last: equal to a
     * fresh encode, its kept tokens checked, every 100th compared with HF ({@code oracle}, unless null). Returns
     * tokens kept, tokens in all, comparisons with HF.
     */
    static long[] randomEdits(Tokenizer tokenizer, HfOracle oracle, List<String> snippets, int seed, int steps,
                              String name) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        while (text.length() < 3000) {
            text.append(snippets.get(random.nextInt(snippets.size())));
            if (random.nextInt(3) == 0) {
                text.append(' ');
            }
        }
        Encoding previous = tokenizer.encode(text.toString());
        long kept = 0;
        long total = 0;
        long checked = 0;
        for (int step = 0; step < steps; step++) {
            edit(text, random, snippets);
            String now = text.toString();
            Encoding edited = tokenizer.encodeEdited(previous, now);
            int s = step;
            assertEquals(tokenizer.encode(now), edited, () -> name + " step " + s + ": " + now.length() + " chars");
            kept += KeptTokens.assertKept(previous, edited, name + " step " + s);
            total += edited.size();
            if (oracle != null && step % 100 == 0) {
                assertSameAsHf(oracle.encode(now, true), edited, name + " step " + s);
                checked++;
            }
            previous = edited;
        }
        return new long[] {kept, total, checked};
    }

    /** HF's ids, offsets and word ids are {@code ours}'. */
    static void assertSameAsHf(OracleEncoding hf, Encoding ours, String at) {
        assertArrayEquals(hf.ids(), ours.ids(), () -> "HF ids, " + at);
        assertArrayEquals(hf.starts(), ours.starts(), () -> "HF starts, " + at);
        assertArrayEquals(hf.ends(), ours.ends(), () -> "HF ends, " + at);
        assertArrayEquals(hf.wordIds(), ours.wordIndex(), () -> "HF word ids, " + at);
    }

    /** A random edit (see RandomEdits), then no lone surrogate: a cut through 🙂 leaves one, HF cannot be given it. */
    static void edit(StringBuilder text, SplittableRandom random, List<String> snippets) {
        RandomEdits.apply(text, random, snippets);
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i)) && !(Character.isHighSurrogate(text.charAt(i))
                    && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))) {
                text.deleteCharAt(i--);
            } else if (Character.isHighSurrogate(text.charAt(i))) {
                i++;
            }
        }
    }
}
