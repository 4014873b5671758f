package org.tokenlens.engine.tokenize.model.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.Models;

/** Our BPE against HF (DJL) on small hand-written vocabularies, one per option. */
class BpeModelTest {
    private static final String VOCAB = """
            {"<unk>":0,"a":1,"b":2,"c":3,"d":4,"ab":5,"bc":6,"abc":7,"cd":8,"abcd":9,"aa":10,
             "<0xC3>":11,"<0xA9>":12,"<0xF0>":13,"<0x9F>":14,"<0x98>":15,"<0x80>":16,"<0xE2>":17,"<0x82>":18,
             "abd":19}""";
    private static final String MERGE_STRINGS = "[\"a b\",\"b c\",\"ab c\",\"c d\",\"abc d\",\"a a\"]";
    private static final String MERGE_PAIRS = "[[\"a\",\"b\"],[\"b\",\"c\"],[\"ab\",\"c\"],[\"c\",\"d\"],[\"abc\",\"d\"],[\"a\",\"a\"]]";
    private static final List<String> WORDS = List.of("a", "abc", "abcd", "bcd", "aaa", "aaaa", "dcba", "abcab", "cdab",
            "abd", "aXb", "XYa", "ab€", "a😀b", "é", "éa", "X😀", "😀X", "€é", "X€Yé", "aéX😀Yb", "😀😀");

    private static String bpe(String unk, boolean fuse, boolean byteFallback, boolean ignoreMerges, String merges,
            String dropout) {
        return "{\"type\":\"BPE\",\"dropout\":" + dropout + ",\"unk_token\":" + (unk == null ? "null" : "\"" + unk + "\"")
                + ",\"continuing_subword_prefix\":null,\"end_of_word_suffix\":null,\"fuse_unk\":" + fuse
                + ",\"byte_fallback\":" + byteFallback + ",\"ignore_merges\":" + ignoreMerges + ",\"vocab\":" + VOCAB
                + ",\"merges\":" + merges + "}";
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("unk, merges as strings", bpe("<unk>", false, false, false, MERGE_STRINGS, "null")),
                Arguments.of("unk, merges as pairs", bpe("<unk>", false, false, false, MERGE_PAIRS, "null")),
                Arguments.of("fuse_unk", bpe("<unk>", true, false, false, MERGE_STRINGS, "0.0")),
                Arguments.of("no unk token", bpe(null, false, false, false, MERGE_STRINGS, "null")),
                Arguments.of("byte_fallback", bpe("<unk>", false, true, false, MERGE_PAIRS, "null")),
                Arguments.of("byte_fallback + fuse_unk", bpe("<unk>", true, true, false, MERGE_PAIRS, "null")),
                Arguments.of("byte_fallback, no unk", bpe(null, false, true, false, MERGE_PAIRS, "null")),
                Arguments.of("ignore_merges", bpe("<unk>", false, false, true, MERGE_STRINGS, "null")),
                Arguments.of("prefix + suffix", PREFIX_SUFFIX));
    }

    /** continuing_subword_prefix "##", end_of_word_suffix "</w>"; byte pieces include the prefix/suffix bytes. */
    private static final String PREFIX_SUFFIX = """
            {"type":"BPE","dropout":null,"unk_token":"<unk>","continuing_subword_prefix":"##",
             "end_of_word_suffix":"</w>","fuse_unk":false,"byte_fallback":true,"ignore_merges":false,
             "vocab":{"<unk>":0,"a":1,"##b":2,"##c":3,"b":4,"c":5,"ab":6,"abc</w>":7,"##b</w>":8,"##c</w>":9,
                      "a</w>":10,"ab</w>":11,"##bc</w>":12,"<0x23>":13,"<0x64>":14,"<0x3C>":15,"<0x2F>":16,
                      "<0x77>":17,"<0x3E>":18},
             "merges":["a ##b","ab ##c</w>","a ##b</w>","##b ##c</w>"]}""";

    private static final List<String> PREFIX_WORDS = List.of("a", "ab", "abc", "bc", "ba", "abd", "da", "cab", "dd",
            "bcbc", "aXc");

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void matchesHuggingFaceOnEveryWord(String name, String json) throws Exception {
        Model ours = Models.fromJson(DjlModelOracle.JSON.readTree(json), "$.model");
        try (DjlModelOracle hf = DjlModelOracle.of(json)) {
            for (String word : json == PREFIX_SUFFIX ? PREFIX_WORDS : WORDS) {
                assertEquals(hf.tokenize(word), ours.tokenize(word), name + ": " + word);
                assertEquals(hf.tokenize(word), ours.tokenize(word), name + ": " + word + " (cached)");
            }
        }
    }

    private static ModelToken t(String piece, int id, int start, int end) {
        return new ModelToken(id, piece, start, end);
    }

    /** Worked by hand from HF's merge_word / merge_all, independent of both implementations. */
    @Test
    void handWorkedSplits() throws Exception {
        Model unk = Models.fromJson(DjlModelOracle.JSON.readTree(bpe("<unk>", false, false, false, MERGE_STRINGS,
                "null")), "$.model");
        // a b c d → ab c d (rank 0) → abc d (rank 2) → abcd (rank 4)
        assertEquals(List.of(t("abcd", 9, 0, 4)), unk.tokenize("abcd"));
        // equal ranks: the leftmost pair first
        assertEquals(List.of(t("aa", 10, 0, 2), t("a", 1, 2, 3)), unk.tokenize("aaa"));
        // an emoji is two UTF-16 units
        assertEquals(List.of(t("a", 1, 0, 1), t("<unk>", 0, 1, 3), t("b", 2, 3, 4)), unk.tokenize("a😀b"));
        Model fused = Models.fromJson(DjlModelOracle.JSON.readTree(bpe("<unk>", true, false, false, MERGE_STRINGS,
                "null")), "$.model");
        assertEquals(List.of(t("<unk>", 0, 0, 2), t("a", 1, 2, 3)), fused.tokenize("XYa"));
        Model bytes = Models.fromJson(DjlModelOracle.JSON.readTree(bpe("<unk>", false, true, false, MERGE_STRINGS,
                "null")), "$.model");
        assertEquals(List.of(t("<0xC3>", 11, 0, 1), t("<0xA9>", 12, 0, 1)), bytes.tokenize("é"));
        // € is E2 82 AC and <0xAC> is missing: unk instead
        assertEquals(List.of(t("<unk>", 0, 0, 1)), bytes.tokenize("€"));
        Model ignore = Models.fromJson(DjlModelOracle.JSON.readTree(bpe("<unk>", false, false, true, MERGE_STRINGS,
                "null")), "$.model");
        assertEquals(List.of(t("abd", 19, 0, 3)), ignore.tokenize("abd"));
        assertEquals(List.of(t("ab", 5, 0, 2), t("d", 4, 2, 3)), unk.tokenize("abd"));
    }

    @Test
    void dropoutIsAcceptedAndIgnored() throws Exception {
        Model none = Models.fromJson(DjlModelOracle.JSON.readTree(bpe("<unk>", false, false, false, MERGE_STRINGS,
                "null")), "$.model");
        Model half = Models.fromJson(DjlModelOracle.JSON.readTree(bpe("<unk>", false, false, false, MERGE_STRINGS,
                "0.5")), "$.model");
        for (String word : WORDS) {
            assertEquals(none.tokenize(word), half.tokenize(word), word);
        }
        TokenizerException e = assertThrows(TokenizerException.class, () -> Models.fromJson(
                DjlModelOracle.JSON.readTree(bpe("<unk>", false, false, false, MERGE_STRINGS, "1.5")), "$.model"));
        assertTrue(e.getMessage().contains("$.model.dropout"), e.getMessage());
    }

    @Test
    void traceReplaysEachMerge() throws Exception {
        Model m = Models.fromJson(DjlModelOracle.JSON.readTree(bpe("<unk>", false, false, false, MERGE_STRINGS,
                "null")), "$.model");
        Trace.Bpe trace = (Trace.Bpe) m.trace("abcd");
        assertEquals(List.of("a", "b", "c", "d"), trace.initial());
        assertEquals(List.of(
                new Trace.Merge("a", "b", 0, "ab", 5, 0, List.of("ab", "c", "d")),
                new Trace.Merge("ab", "c", 2, "abc", 7, 0, List.of("abc", "d")),
                new Trace.Merge("abc", "d", 4, "abcd", 9, 0, List.of("abcd"))), trace.merges());
        Trace.Bpe later = (Trace.Bpe) m.trace("dcd");
        assertEquals(List.of(new Trace.Merge("c", "d", 3, "cd", 8, 1, List.of("d", "cd"))), later.merges());
    }

    @Test
    void malformedNodesNameTheirPath() throws Exception {
        String missingMerge = bpe("<unk>", false, false, false, "[\"a b\",\"x y\"]", "null");
        TokenizerException e = assertThrows(TokenizerException.class,
                () -> Models.fromJson(DjlModelOracle.JSON.readTree(missingMerge), "$.model"));
        assertTrue(e.getMessage().contains("$.model.merges[1]"), e.getMessage());
        String badMerge = bpe("<unk>", false, false, false, "[\"a b c\"]", "null");
        e = assertThrows(TokenizerException.class,
                () -> Models.fromJson(DjlModelOracle.JSON.readTree(badMerge), "$.model"));
        assertTrue(e.getMessage().contains("$.model.merges[0]"), e.getMessage());
        String badId = "{\"type\":\"BPE\",\"vocab\":{\"a\":\"one\"},\"merges\":[]}";
        e = assertThrows(TokenizerException.class,
                () -> Models.fromJson(DjlModelOracle.JSON.readTree(badId), "$.model"));
        assertTrue(e.getMessage().contains("$.model.vocab"), e.getMessage());
    }

    @Test
    void vocabularyLookups() throws Exception {
        Model m = Models.fromJson(DjlModelOracle.JSON.readTree(
                "{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":7},\"merges\":[]}"), "$.model");
        assertEquals(8, m.vocabSize());
        assertEquals(7, m.tokenToId("b"));
        assertEquals(-1, m.tokenToId("c"));
        assertEquals("a", m.idToToken(0));
        assertEquals(null, m.idToToken(3));
        assertEquals(List.of(), m.tokenize(""));
    }
}
