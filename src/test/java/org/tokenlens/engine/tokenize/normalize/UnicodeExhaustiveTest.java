package org.tokenlens.engine.tokenize.normalize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every BMP character, alone and around combining marks, normalized as HF (DJL) does it. For the normalizers that
 * lowercase, characters Java 17 does not know (Unicode 14+) are left out: HF lowercases with Rust's newer tables
 * (e.g. U+1C89 to U+1C8A, Unicode 16), a known gap of {@link NormalizedString#lowercase()}.
 */
class UnicodeExhaustiveTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"NFC\"}", "{\"type\":\"NFD\"}", "{\"type\":\"NFKC\"}", "{\"type\":\"NFKD\"}",
            "{\"type\":\"Lowercase\"}", "{\"type\":\"StripAccents\"}",
            "{\"type\":\"BertNormalizer\",\"clean_text\":true,\"handle_chinese_chars\":true,\"strip_accents\":null,"
                    + "\"lowercase\":true}"})
    void everyBmpCharacter(String normalizerJson) {
        List<String> bad = new ArrayList<>();
        try (NormalizerOracle o = new NormalizerOracle(normalizerJson)) {
            for (int block = 0; block < 0x10000; block += 0x100) {
                StringBuilder sb = new StringBuilder();
                for (int cp = block; cp < block + 0x100; cp++) {
                    if (cp == 0 || Character.isSurrogate((char) cp)
                            || (normalizerJson.contains("owercase") && Character.getType(cp) == Character.UNASSIGNED)) {
                        continue;
                    }
                    String c = String.valueOf((char) cp);
                    sb.append(c).append(" e").append(c).append("\u0301 ").append(c).append("\u0323\u0302 ");
                }
                String text = sb.toString();
                String expected = o.expected(text);
                String actual = o.actual(text);
                if (!expected.equals(actual)) {
                    bad.add(firstDifference(text, expected, actual));
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " blocks differ; first ones:\n" + String.join("\n", bad.subList(0,
                Math.min(8, bad.size()))));
    }

    static String firstDifference(String text, String expected, String actual) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String ei = i < e.length ? e[i] : "<none>";
            String ai = i < a.length ? a[i] : "<none>";
            if (!ei.equals(ai)) {
                return "line " + i + ": HF " + ei + " / ours " + ai + "  (context HF "
                        + String.join(" | ", java.util.Arrays.copyOfRange(e, Math.max(0, i - 3), Math.min(e.length, i + 3)))
                        + " ; ours " + String.join(" | ", java.util.Arrays.copyOfRange(a, Math.max(0, i - 3), Math.min(a.length, i + 3))) + ")";
            }
        }
        return "?";
    }
}
