package org.tokenlens.engine.tokenize.model.unigram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.Models;
import org.tokenlens.engine.tokenize.model.bpe.DjlModelOracle;

/** Our Unigram against HF (DJL) on hand-written vocabularies. */
class UnigramModelTest {
    private static final String PIECES = """
            [["<unk>",0],["a",-1],["b",-2],["c",-2.5],["ab",-2.2],["abc",-3],["bc",-1.5],["▁",-1],["▁a",-1.2],
             ["é",-4],["<0xC3>",-5],["<0xBC>",-5],["<0xF0>",-6],["<0x9F>",-6],["<0x98>",-6],["<0x80>",-6],
             ["x",-1],["y",-1],["xy",-2],["a",-0.5]]""";
    private static final List<String> WORDS = List.of("abc", "abcabc", "ab", "ba", "zzz", "azzb", "é", "ü", "aü",
            "üü", "😀", "a😀ü", "▁abc", "▁a▁b", "xy", "xyxy", "cab", "bcbcbc", "q😀q", "<unk>");

    private static String unigram(String unkId, boolean byteFallback) {
        return "{\"type\":\"Unigram\",\"unk_id\":" + unkId + ",\"vocab\":" + PIECES + ",\"byte_fallback\":"
                + byteFallback + "}";
    }

    /** Positive scores: two unknowns (2·(min−10)) beat the two-char piece, and their fused text is that piece. */
    private static final String POSITIVE = """
            {"type":"Unigram","unk_id":0,"vocab":[["<unk>",30],["xy",30],["a",35]],"byte_fallback":false}""";

    @ParameterizedTest
    @ValueSource(strings = {"0|false", "0|true", "positive"})
    void matchesHuggingFaceOnEveryWord(String config) throws Exception {
        String json = config.equals("positive") ? POSITIVE : unigram("0", config.endsWith("true"));
        Model ours = Models.fromJson(DjlModelOracle.JSON.readTree(json), "$.model");
        try (DjlModelOracle hf = DjlModelOracle.of(json)) {
            for (String word : config.equals("positive") ? List.of("xy", "axy", "xya", "xyxy", "a", "zz") : WORDS) {
                assertEquals(hf.tokenize(word), ours.tokenize(word), config + ": " + word);
                assertEquals(hf.tokenize(word), ours.tokenize(word), config + ": " + word + " (cached)");
            }
        }
    }

    /**
     * By hand: "abc" paths: abc −3; ab+c −4.7; a+bc −2.0 (a is listed twice, the later −0.5 wins: −2.0); a+b+c
     * −5.0 → [a, bc]. Unknown z's fuse into one token whose value is the text.
     */
    @Test
    void handWorkedSplits() throws Exception {
        Model m = Models.fromJson(DjlModelOracle.JSON.readTree(unigram("0", false)), "$.model");
        assertEquals(List.of(new ModelToken(19, "a", 0, 1), new ModelToken(6, "bc", 1, 3)), m.tokenize("abc"));
        assertEquals(List.of(new ModelToken(19, "a", 0, 1), new ModelToken(0, "zz", 1, 3), new ModelToken(2, "b", 3, 4)),
                m.tokenize("azzb"));
        Model bytes = Models.fromJson(DjlModelOracle.JSON.readTree(unigram("0", true)), "$.model");
        // ü = C3 BC: both byte pieces exist, each spans the char
        assertEquals(List.of(new ModelToken(10, "<0xC3>", 0, 1), new ModelToken(11, "<0xBC>", 0, 1)),
                bytes.tokenize("ü"));
        Trace.Unigram trace = (Trace.Unigram) m.trace("abc");
        assertEquals(-2.0, trace.totalScore(), 1e-12);
        assertEquals(List.of(new Trace.UnigramPiece("a", 19, -0.5, 0, 1, false),
                new Trace.UnigramPiece("bc", 6, -1.5, 1, 3, false)), trace.path());
        Trace.Unigram unknown = (Trace.Unigram) m.trace("z");
        // min score −4 (é) ... −6 (byte pieces): unk = −6 − 10
        assertEquals(List.of(new Trace.UnigramPiece("z", 0, -16.0, 0, 1, true)), unknown.path());
    }

    @Test
    void withoutUnkIdAnUnknownCharIsAnError() throws Exception {
        Model m = Models.fromJson(DjlModelOracle.JSON.readTree(unigram("null", false)), "$.model");
        assertEquals(List.of(new ModelToken(19, "a", 0, 1)), m.tokenize("a"));
        assertThrows(TokenizerException.class, () -> m.tokenize("z"));
    }

    @Test
    void malformedNodesNameTheirPath() throws Exception {
        TokenizerException e = assertThrows(TokenizerException.class, () -> Models.fromJson(
                DjlModelOracle.JSON.readTree("{\"type\":\"Unigram\",\"unk_id\":0,\"vocab\":[[\"a\",-1],[\"b\"]]}"),
                "$.model"));
        assertTrue(e.getMessage().contains("$.model.vocab[1]"), e.getMessage());
        e = assertThrows(TokenizerException.class, () -> Models.fromJson(
                DjlModelOracle.JSON.readTree("{\"type\":\"Unigram\",\"unk_id\":5,\"vocab\":[[\"a\",-1]]}"), "$.model"));
        assertTrue(e.getMessage().contains("$.model"), e.getMessage());
    }
}
