package org.tokenlens.engine.tokenize.model.tiktoken;

/**
 * The Unicode classes tiktoken's split patterns use, as bit flags per code point, with the meaning Java's regex gives
 * them under {@code UNICODE_CHARACTER_CLASS} (and Rust's regex gives them): {@code \p{L}}, {@code \p{N}},
 * {@code \p{M}}, {@code \s} (the White_Space property) and o200k's two letter-case groups. A table for the BMP keeps
 * the hand-written splitters free of {@link Character#getType} calls on the hot path.
 */
final class CharClass {
    static final int LETTER = 1;
    static final int NUMBER = 2;
    static final int SPACE = 4;
    /** o200k's {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}. */
    static final int UPPERISH = 8;
    /** o200k's {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}. */
    static final int LOWERISH = 16;
    static final int MARK = 32;

    private static final byte[] BMP = new byte[0x10000];

    static {
        for (int c = 0; c < BMP.length; c++) {
            BMP[c] = (byte) compute(c);
        }
    }

    private CharClass() {
    }

    static int of(int cp) {
        return cp < 0x10000 ? BMP[cp] : compute(cp);
    }

    private static int compute(int cp) {
        int type = Character.getType(cp);
        int f = 0;
        switch (type) {
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> f = LETTER | UPPERISH;
            case Character.LOWERCASE_LETTER -> f = LETTER | LOWERISH;
            case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> f = LETTER | UPPERISH | LOWERISH;
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK ->
                    f = MARK | UPPERISH | LOWERISH;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> f = NUMBER;
            default -> f = 0;
        }
        // java.util.regex's \s with UNICODE_CHARACTER_CLASS: Zs, Zl, Zp, U+0009..U+000D and U+0085 (White_Space)
        if (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (cp >= 0x9 && cp <= 0xD) || cp == 0x85) {
            f |= SPACE;
        }
        return f;
    }
}
