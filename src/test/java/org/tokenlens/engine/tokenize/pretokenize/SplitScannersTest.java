package org.tokenlens.engine.tokenize.pretokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.testing.Corpus;

/**
 * The hand-written scanners cut exactly where the general path (the translated regex on java.util.regex, itself
 * checked against HF) cuts: on the corpus and on 200,000 seeded random strings drawn from the characters these
 * patterns treat specially.
 */
class SplitScannersTest {

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "llama3", "qwen2"})
    void sameAsGeneralPath(String name) {
        String pattern = switch (name) {
            case "gpt2" -> ByteLevelPreTokenizer.GPT2_PATTERN;
            case "llama3" -> SplitScanners.LLAMA3;
            default -> SplitScanners.QWEN2;
        };
        assertNotNull(SplitScanners.forPattern(pattern), "no scanner for " + name);
        OnigRegex fast = OnigRegex.compile(pattern);
        OnigRegex general = OnigRegex.compileGeneral(pattern);
        List<String> inputs = new ArrayList<>(Corpus.all());
        SplittableRandom rnd = new SplittableRandom(7);
        int[] palette = (" \t\n\r\u000B\u00A0\u2028\u3000'sStTrReEvVmMlLdDſKx9٣½Ⅻ中é\u0301😀🏽\u200D.,!-_/"
                + "\uD800\uDC00").codePoints().toArray();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rnd.nextInt(12);
            for (int k = 0; k < len; k++) {
                sb.appendCodePoint(palette[rnd.nextInt(palette.length)]);
            }
            if (rnd.nextInt(50) == 0) {
                sb.append('\uD83D');   // a lone high surrogate at the end
            }
            inputs.add(sb.toString());
        }
        for (String input : inputs) {
            assertArrayEquals(general.matches(input).spans(), fast.matches(input).spans(),
                    () -> name + " on " + Corpus.describe(input));
        }
    }
}
