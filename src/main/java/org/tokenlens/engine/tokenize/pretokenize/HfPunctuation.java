package org.tokenlens.engine.tokenize.pretokenize;

import java.util.Arrays;
import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/**
 * HF's {@code is_bert_punc}/{@code is_punc} as HF runs it: ASCII punctuation or a Unicode punctuation category
 * from the {@code unicode_categories} crate, whose tables are Unicode 9. Java 17 (Unicode 13) also counts the
 * punctuation added in Unicode 10–13, listed here to be left out, and no longer counts U+166D and U+111C9, which
 * Unicode 11 and 12 made a symbol and a mark (both found by comparing every code point with HF, AllCodePointsTest).
 */
final class HfPunctuation {
    private static final int[] NEWER = {
        0x9FD, 0xA76, 0xC77, 0xC84, 0x2E43, 0x2E44, 0x2E45, 0x2E46, 0x2E47, 0x2E48, 0x2E49, 0x2E4A, 0x2E4B, 0x2E4C,
        0x2E4D, 0x2E4E, 0x2E4F, 0x2E52, 0x10EAD, 0x10F55, 0x10F56, 0x10F57, 0x10F58, 0x10F59, 0x1144B, 0x1144C,
        0x1144D, 0x1144E, 0x1144F, 0x1145A, 0x1145B, 0x1145D, 0x11660, 0x11661, 0x11662, 0x11663, 0x11664, 0x11665,
        0x11666, 0x11667, 0x11668, 0x11669, 0x1166A, 0x1166B, 0x1166C, 0x1183B, 0x11944, 0x11945, 0x11946, 0x119E2,
        0x11A3F, 0x11A40, 0x11A41, 0x11A42, 0x11A43, 0x11A44, 0x11A45, 0x11A46, 0x11A9A, 0x11A9B, 0x11A9C, 0x11A9E,
        0x11A9F, 0x11AA0, 0x11AA1, 0x11AA2, 0x11C41, 0x11C42, 0x11C43, 0x11C44, 0x11C45, 0x11C70, 0x11C71, 0x11EF7,
        0x11EF8, 0x11FFF, 0x16E97, 0x16E98, 0x16E99, 0x16E9A, 0x16FE2, 0x1E95E, 0x1E95F,
    };

    private HfPunctuation() {
    }

    static boolean isPunctuation(int cp) {
        if (cp < 0x80) {
            return UnicodeProps.isAsciiPunctuation(cp);
        }
        if (cp == 0x166D || cp == 0x111C9) {
            return true;
        }
        return UnicodeProps.isUnicodePunctuation(cp) && (cp < NEWER[0] || Arrays.binarySearch(NEWER, cp) < 0);
    }
}
