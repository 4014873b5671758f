package org.tokenlens.engine.tokenize.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.engine.tokenize.TokenizerException;

/** Each normalizer on texts chosen for it, normalized text and alignments compared with HF (DJL). */
class NormalizersOracleTest {
    private static final List<String> TEXTS = List.of(
            "", " ", "Hello", "  Héllo   wörld  ", "e\u0301le\u0300ve", "Tiếng Việt có dấu: Tiê\u0301ng Viê\u0323t",
            "한국어 \u1112\u1161\u11ab\u1100\u1173\u11af", "\ufb01ne \ufb02ow \u0132", "ＦＵＬＬ　ｗｉｄｔｈ１２３",
            "x² H₂O ½ ㎏ ℌ ™", "\ufefb \ufec9\ufeca \ufdfa", "İstanbul ΣΑΣ ẞ ß ǅ", "中文字符 and 日本語 カタカナ",
            "tab\tnew\nline\rcr\u000bvt\u00a0nbsp\u2003em\u3000ideo\u200bzw\u0085nel", "ctrl\u0001\u001f\u007f\u200d\u00ad\ufffd",
            "emoji 👋🏽 👨‍👩‍👧 🇫🇷", "a\u0323\u0302\u0315\u0301 q\u0307\u0323", "This is a ''test'' with  spaces",
            "ﷺ ǆ ⅷ ① ⑴ ⒜", "\u0f73\u0f75\u0f81 \u0344 \u0958");

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"NFC\"}", "{\"type\":\"NFD\"}", "{\"type\":\"NFKC\"}", "{\"type\":\"NFKD\"}",
        "{\"type\":\"Lowercase\"}", "{\"type\":\"StripAccents\"}", "{\"type\":\"Nmt\"}", "{\"type\":\"ByteLevel\"}",
        "{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":true}",
        "{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":false}",
        "{\"type\":\"Strip\",\"strip_left\":false,\"strip_right\":true}",
        "{\"type\":\"Prepend\",\"prepend\":\"▁\"}", "{\"type\":\"Prepend\",\"prepend\":\"👋 \"}",
        "{\"type\":\"Replace\",\"pattern\":{\"String\":\" \"},\"content\":\"▁\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"String\":\"''\"},\"content\":\"\\\"\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"String\":\"e\"},\"content\":\"\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"content\":\" \"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\" {2,}\"},\"content\":\"▁▁\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"[ae]\\\\p{M}*\"},\"content\":\"X\"}",
        "{\"type\":\"BertNormalizer\",\"clean_text\":true,\"handle_chinese_chars\":true,\"strip_accents\":null,"
                + "\"lowercase\":true}",
        "{\"type\":\"BertNormalizer\",\"clean_text\":true,\"handle_chinese_chars\":true,\"strip_accents\":null,"
                + "\"lowercase\":false}",
        "{\"type\":\"BertNormalizer\",\"clean_text\":false,\"handle_chinese_chars\":false,\"strip_accents\":true,"
                + "\"lowercase\":false}",
        "{\"type\":\"BertNormalizer\",\"clean_text\":true,\"handle_chinese_chars\":false,\"strip_accents\":false,"
                + "\"lowercase\":true}",
        "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"NFKD\"},{\"type\":\"StripAccents\"},"
                + "{\"type\":\"Lowercase\"}]}",
        "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"Prepend\",\"prepend\":\"▁\"},{\"type\":\"Replace\","
                + "\"pattern\":{\"String\":\" \"},\"content\":\"▁\"}]}",
        "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":true},"
                + "{\"type\":\"NFC\"},{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"content\":\"_\"}]}",
        "{\"type\":\"Sequence\",\"normalizers\":[]}"})
    void matchesHf(String normalizerJson) {
        try (NormalizerOracle o = new NormalizerOracle(normalizerJson)) {
            for (String text : TEXTS) {
                assertEquals(o.expected(text), o.actual(text), () -> normalizerJson + " on \"" + text + "\"");
            }
        }
    }

    @Test
    void unknownTypeNamesTheType() throws Exception {
        String json = "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"NFC\"},{\"type\":\"Frobnicate\"}]}";
        TokenizerException e = assertThrows(TokenizerException.class,
                () -> Normalizers.fromJson(new ObjectMapper().readTree(json), "$.normalizer"));
        assertEquals("unknown normalizer type 'Frobnicate' at $.normalizer.normalizers[1]", e.getMessage());
    }

    @Test
    void badRegexNamesThePath() throws Exception {
        String json = "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"(\"},\"content\":\"x\"}";
        TokenizerException e = assertThrows(TokenizerException.class,
                () -> Normalizers.fromJson(new ObjectMapper().readTree(json), "$.normalizer"));
        assertTrue(e.getMessage().contains("$.normalizer.pattern.Regex"), e.getMessage());
    }

    @Test
    void jsonNullIsNoNormalizer() throws Exception {
        assertEquals(null, Normalizers.fromJson(new ObjectMapper().readTree("null"), "$.normalizer"));
    }
}
