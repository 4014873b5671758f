package org.tokenlens.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The hand-built fixtures load in HF tokenizers and behave as their design says. Expected values are worked out
 * by hand from the files (piece scores, vocabulary ids), so a mistake in a fixture shows up here, not as a
 * puzzling failure in an engine test.
 */
class HandBuiltFixturesTest {

    @Test
    void unigramPicksTheBestScoringSegmentation() {
        try (HfOracle o = HfOracle.fromJson(Fixtures.handBuilt("unigram-tiny/tokenizer.json"))) {
            // Metaspace makes "▁hello▁world"; whole-word pieces (-6.0, -6.2) beat any split; </s> appended
            OracleEncoding e = o.encode("hello world", true);
            assertArrayEquals(new int[] {265, 266, 2}, e.ids());
            assertArrayEquals(new String[] {"▁hello", "▁world", "</s>"}, e.tokens());
            assertArrayEquals(new int[] {0, 5, -1}, e.starts());
            assertArrayEquals(new int[] {5, 11, -1}, e.ends());

            // "▁input." = ▁input (-7.1) + . (-3.9); everything else scores lower
            assertArrayEquals(new int[] {279, 263, 261, 280, 287, 2}, o.encode("This is a input.", true).ids());
        }
    }

    @Test
    void unigramFallsBackToBytesForUnknownCharacters() {
        try (HfOracle o = HfOracle.fromJson(Fixtures.handBuilt("unigram-tiny/tokenizer.json"))) {
            // no piece covers "Q": it becomes <0x51>; "iz" (-8.0) beats "i"+"z" (-15.65)
            OracleEncoding e = o.encode("Quiz", false);
            assertArrayEquals(new String[] {"▁", "<0x51>", "u", "iz"}, e.tokens());
            assertArrayEquals(new int[] {259, 84, 313, 269}, e.ids());
            // ByteFallback turns <0x51> back into "Q"; Metaspace drops the prepended space
            assertEquals("Quiz", o.decode(e.ids(), false));
            assertEquals("hello world</s>", o.decode(new int[] {265, 266, 2}, false));
            assertEquals("hello world", o.decode(new int[] {265, 266, 2}, true));
            // a 3-byte character unknown to the vocabulary: one byte piece per UTF-8 byte (E4 B8 AD)
            assertArrayEquals(new int[] {259, 3 + 0xE4, 3 + 0xB8, 3 + 0xAD}, o.encode("中", false).ids());
        }
    }

    @Test
    void unigramNfkcKeepsOffsetsInTheOriginal() {
        try (HfOracle o = HfOracle.fromJson(Fixtures.handBuilt("unigram-tiny/tokenizer.json"))) {
            // NFD "cafe\u0301" composes to "café" = one piece. HF aligns the composed é with the base letter
            // only (the absorbed U+0301 is dropped from the alignment), so the span ends at 4, not 5.
            OracleEncoding e = o.encode("cafe\u0301", false);
            assertArrayEquals(new int[] {292}, e.ids());
            assertArrayEquals(new int[] {0}, e.starts());
            assertArrayEquals(new int[] {4}, e.ends());
            // the composed input is a 4-unit span of the same piece
            OracleEncoding composed = o.encode("café", false);
            assertArrayEquals(new int[] {292}, composed.ids());
            assertArrayEquals(new int[] {4}, composed.ends());
        }
    }

    @Test
    void wordLevelLowercasesAndSplitsOnWordsAndPunctuation() {
        try (HfOracle o = HfOracle.fromJson(Fixtures.handBuilt("wordlevel-tiny/tokenizer.json"))) {
            // Whitespace pre-tokenizer = \w+|[^\w\s]+
            OracleEncoding e = o.encode("Hello, World! Don't", true);
            assertArrayEquals(new String[] {"hello", ",", "world", "!", "don", "'", "t"}, e.tokens());
            assertArrayEquals(new int[] {10, 12, 11, 14, 18, 16, 19}, e.ids());
            assertArrayEquals(new int[] {0, 5, 7, 12, 14, 17, 18}, e.starts());
            assertArrayEquals(new int[] {5, 6, 12, 13, 17, 18, 19}, e.ends());
            // no decoder: tokens joined by a space
            assertEquals("hello , world ! don ' t", o.decode(e.ids(), false));

            // unknown words are [UNK]; lowercase does not fold ß to ss, so only "straße" is known
            assertArrayEquals(new int[] {0, 28, 0, 29}, o.encode("Zebra ... STRASSE Straße", false).ids());
        }
    }
}
