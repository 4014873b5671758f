package org.tokenlens.engine.tokenize.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * The character predicates behind the pre-tokenizers (punctuation, numeric, whitespace, Rust's and Oniguruma's
 * classes) over every code point Java 17 knows, in planes 0–3 and 14: one long input, HF's pieces (through a
 * WordLevel model that turns each piece into one token with its span) against ours.
 */
class AllCodePointsTest {
    private static String text;

    @BeforeAll
    static void knownCodePoints() {
        StringBuilder sb = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (Character.isDefined(cp) && Character.getType(cp) != Character.SURROGATE
                    && (cp < 0x40000 || cp >= 0xE0000)) {
                sb.appendCodePoint(cp);
            }
        }
        text = sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"BertPreTokenizer\"}",
        "{\"type\":\"Punctuation\",\"behavior\":\"Removed\"}",
        "{\"type\":\"Digits\",\"individual_digits\":false}",
        "{\"type\":\"WhitespaceSplit\"}",
        "{\"type\":\"Whitespace\"}",
        "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":true,\"use_regex\":true}",
        "{\"type\":\"Split\",\"pattern\":{\"Regex\":\"\\\\w+|\\\\W\"},\"behavior\":\"Isolated\",\"invert\":false}",
    })
    void samePieces(String preTokenizerJson) {
        assertSamePieces(PreTokenizerOracle.parse(preTokenizerJson), text);
    }

    /** HF's pieces of {@code input} (span and word id per piece) against ours. */
    static void assertSamePieces(com.fasterxml.jackson.databind.JsonNode preTokenizer, String input) {
        String json = "{\"version\":\"1.0\",\"added_tokens\":[],\"normalizer\":null,\"pre_tokenizer\":" + preTokenizer
                + ",\"post_processor\":null,\"decoder\":null,"
                + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{\"[UNK]\":0},\"unk_token\":\"[UNK]\"}}";
        List<String> expected = new ArrayList<>();
        try (HfOracle oracle = HfOracle.fromJson(json)) {
            OracleEncoding e = oracle.encode(input, false);
            for (int t = 0; t < e.size(); t++) {
                expected.add(describe(input, e.starts()[t], e.ends()[t]));
            }
        }
        PreTokenizedString s = PreTokenizedString.of(input);
        PreTokenizers.fromJson(preTokenizer, "$.pre_tokenizer").preTokenize(s);
        List<String> actual = new ArrayList<>();
        for (PreTokenizedString.Split split : s.splits()) {
            int[] r = split.normalized().originalRange(0, split.normalized().length());
            actual.add(describe(input, r[0], r[1]));
        }
        int k = 0;
        while (k < expected.size() && k < actual.size() && expected.get(k).equals(actual.get(k))) {
            k++;
        }
        assertEquals(expected.subList(k, Math.min(k + 3, expected.size())),
                actual.subList(Math.min(k, actual.size()), Math.min(k + 3, actual.size())),
                preTokenizer + ": first difference at piece " + k + " of " + expected.size());
    }

    private static String describe(String input, int start, int end) {
        StringBuilder sb = new StringBuilder(start + "-" + end + ":");
        for (int i = start; i < end && i < start + 16; ) {
            int cp = input.codePointAt(i);
            sb.append(String.format(" U+%04X", cp));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
