package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/**
 * Rust regex's Unicode {@code \w} (UTS #18 "word": Alphabetic, marks, decimal digits, connector punctuation,
 * Join_Control) and {@code \s} (White_Space), tabled for the BMP.
 */
final class RustWord {
    private static final boolean[] BMP_WORD = new boolean[0x10000];

    static {
        for (int c = 0; c < BMP_WORD.length; c++) {
            BMP_WORD[c] = compute(c);
        }
    }

    private RustWord() {
    }

    static boolean isWord(int cp) {
        return cp < 0x10000 ? BMP_WORD[cp] : compute(cp);
    }

    static boolean isWhiteSpace(int cp) {
        return UnicodeProps.isWhitespace(cp);
    }

    private static boolean compute(int cp) {
        if (Character.isAlphabetic(cp) || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.CONNECTOR_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }
}
