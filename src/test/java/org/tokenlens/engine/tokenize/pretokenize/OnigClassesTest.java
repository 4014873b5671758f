package org.tokenlens.engine.tokenize.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * For each character class a tokenizer regex may use, which code points Oniguruma (inside HF tokenizers, via
 * DJL) puts in it, compared with our translation on java.util.regex: code point by code point over planes 0–3 and
 * 14–16. HF sees the class through a Split that removes every match; the code points left over are the
 * non-members. Code points that Java 17 (Unicode 13) does not know yet are skipped: their properties cannot agree.
 */
class OnigClassesTest {
    private static String text;
    private static int[] codePoints;

    @BeforeAll
    static void allCodePoints() {
        StringBuilder sb = new StringBuilder();
        List<Integer> cps = new ArrayList<>();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x40000 && cp < 0xE0000)) {
                continue;
            }
            sb.appendCodePoint(cp);
            cps.add(cp);
        }
        text = sb.toString();
        codePoints = cps.stream().mapToInt(Integer::intValue).toArray();
    }

    @AfterAll
    static void release() {
        text = null;
        codePoints = null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\s", "\\S", "\\d", "\\w", "\\W", "[\\w]", "[^\\w]", "[\\W]", "[^\\W]", "\\h", "\\p{L}", "\\p{N}", "\\p{M}", "\\p{P}", "\\p{S}",
        "\\p{Lu}", "\\p{Ll}", "\\p{Lt}", "\\p{Lm}", "\\p{Lo}", "\\p{Han}", "\\p{Hiragana}", "\\p{Latin}",
        "\\p{Letter}", "[[:alpha:]]", "[[:alnum:]]", "[[:punct:]]", "[[:space:]]", "[[:upper:]]", "[[:lower:]]",
        "[[:digit:]]", "[[:word:]]", "[[:xdigit:]]", "[[:blank:]]", "[^\\s\\p{L}\\p{N}]", "[^\\r\\n\\p{L}\\p{N}]",
        "[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]", "(?i:s)", "(?i:k)", "."})
    void sameMembersAsOniguruma(String onigClass) {
        boolean[] hf = new boolean[codePoints.length];
        java.util.Arrays.fill(hf, true);
        String json = "{\"version\":\"1.0\",\"added_tokens\":[],\"normalizer\":null,\"pre_tokenizer\":"
                + "{\"type\":\"Split\",\"pattern\":{\"Regex\":" + PreTokenizerOracle.JSON.valueToTree(onigClass)
                + "},\"behavior\":\"Removed\",\"invert\":false},\"post_processor\":null,\"decoder\":null,"
                + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{\"[UNK]\":0},\"unk_token\":\"[UNK]\"}}";
        try (HfOracle oracle = HfOracle.fromJson(json)) {
            OracleEncoding e = oracle.encode(text, false);
            int k = 0;
            for (int t = 0; t < e.size(); t++) {
                int start = e.starts()[t];
                int end = e.ends()[t];
                for (int i = start; i < end; i += Character.charCount(text.codePointAt(i))) {
                    int cp = text.codePointAt(i);
                    while (codePoints[k] != cp) {
                        k++;
                    }
                    hf[k] = false;
                }
            }
        }
        Pattern ours = Pattern.compile(OnigTranslator.toJava(onigClass), OnigRegex.FLAGS);
        StringBuilder diffs = new StringBuilder();
        int count = 0;
        for (int k = 0; k < codePoints.length; k++) {
            int cp = codePoints[k];
            if (!Character.isDefined(cp)) {
                continue;
            }
            boolean mine = ours.matcher(new String(Character.toChars(cp))).matches();
            if (mine != hf[k]) {
                if (count++ < 40) {
                    diffs.append(String.format(" U+%04X(%d,%s)", cp, Character.getType(cp), hf[k] ? "onig" : "java"));
                }
            }
        }
        assertEquals("", diffs.toString(), count + " code points differ for " + onigClass + " → "
                + OnigTranslator.toJava(onigClass));
    }
}
