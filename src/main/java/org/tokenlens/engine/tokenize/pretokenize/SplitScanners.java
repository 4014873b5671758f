package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/**
 * Hand-written equivalents of the split patterns of GPT-2 (ByteLevel's {@code use_regex}) and of Llama 3 and
 * Qwen 2/3, chosen by exact pattern text. Each follows its regex alternative by alternative, in order, with
 * Oniguruma's classes ({@code \s} = White_Space, {@code \p{L}}, {@code \p{N}}); SplitScannersTest checks them
 * against the general java.util.regex path on the corpus and on random strings. Every other pattern takes the
 * general path.
 */
final class SplitScanners {
    static final String LLAMA3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    static final String QWEN2 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    private static final int LETTER = 1;
    private static final int NUMBER = 2;
    private static final int SPACE = 4;
    private static final byte[] BMP = new byte[0x10000];

    static {
        for (int c = 0; c < BMP.length; c++) {
            BMP[c] = (byte) compute(c);
        }
    }

    private SplitScanners() {
    }

    /** Finds the end of the piece starting at {@code start}; the patterns served here match at every position. */
    interface Scanner {
        int pieceEnd(String s, int start, int limit);
    }

    static Scanner forPattern(String onigPattern) {
        if (onigPattern.equals(ByteLevelPreTokenizer.GPT2_PATTERN)) {
            return SplitScanners::gpt2;
        }
        if (onigPattern.equals(LLAMA3)) {
            return (s, start, limit) -> llama3(s, start, limit, 3);
        }
        if (onigPattern.equals(QWEN2)) {
            return (s, start, limit) -> llama3(s, start, limit, 1);
        }
        return null;
    }

    private static int compute(int cp) {
        int f = 0;
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER -> f = LETTER;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> f = NUMBER;
            default -> f = 0;
        }
        if (UnicodeProps.isWhitespace(cp)) {
            f |= SPACE;
        }
        return f;
    }

    private static int cls(String s, int i, int limit) {
        if (i >= limit) {
            return -1;
        }
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(s.charAt(i + 1))) {
            return compute(Character.toCodePoint(c, s.charAt(i + 1)));
        }
        return BMP[c];
    }

    private static int width(String s, int i, int limit) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < limit && Character.isLowSurrogate(s.charAt(i + 1))
                ? 2 : 1;
    }

    /** End of the run from {@code i} of code points whose class has a bit of {@code mask} (or equals 0 if 0). */
    private static int run(String s, int i, int limit, int mask) {
        while (i < limit) {
            int c = cls(s, i, limit);
            if (mask == 0 ? c != 0 : (c & mask) == 0) {
                return i;
            }
            i += width(s, i, limit);
        }
        return i;
    }

    /** Length of the contraction at {@code i} (which holds an apostrophe), 0 if none. */
    private static int contraction(String s, int i, int limit, boolean ignoreCase) {
        if (i + 1 >= limit) {
            return 0;
        }
        char a = s.charAt(i + 1);
        if (is(a, 's', ignoreCase) || is(a, 't', ignoreCase) || is(a, 'm', ignoreCase) || is(a, 'd', ignoreCase)) {
            return 2;
        }
        if (i + 2 >= limit) {
            return 0;
        }
        char b = s.charAt(i + 2);
        if ((is(a, 'r', ignoreCase) && is(b, 'e', ignoreCase)) || (is(a, 'v', ignoreCase) && is(b, 'e', ignoreCase))
                || (is(a, 'l', ignoreCase) && is(b, 'l', ignoreCase))) {
            return 3;
        }
        return 0;
    }

    /** {@code c} equals lower-case ASCII {@code lower}, or case-folds to it (ſ folds to s). */
    private static boolean is(char c, char lower, boolean ignoreCase) {
        return c == lower || (ignoreCase && (c == lower - 32 || (lower == 's' && c == '\u017F')));
    }

    /** {@code \s+(?!\S)|\s+} from a space at {@code i}. */
    private static int spaces(String s, int i, int limit) {
        int end = run(s, i, limit, SPACE);
        if (end < limit && end - i > 1) {
            return end - 1;   // leave the last space to the next word (all White_Space chars are in the BMP)
        }
        return end;
    }

    private static boolean isLineBreak(String s, int i, int limit) {
        return i < limit && (s.charAt(i) == '\r' || s.charAt(i) == '\n');
    }

    // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    static int gpt2(String s, int i, int limit) {
        char c = s.charAt(i);
        if (c == '\'') {
            int n = contraction(s, i, limit, false);
            if (n > 0) {
                return i + n;
            }
        }
        int j = c == ' ' ? i + 1 : i;
        int k = cls(s, j, limit);
        if (k >= 0 && (k & SPACE) == 0) {
            if ((k & LETTER) != 0) {
                return run(s, j, limit, LETTER);
            }
            if ((k & NUMBER) != 0) {
                return run(s, j, limit, NUMBER);
            }
            return run(s, j, limit, 0);
        }
        return spaces(s, i, limit);
    }

    // (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,maxDigits}| ?[^\s\p{L}\p{N}]+[\r\n]*
    // |\s*[\r\n]+|\s+(?!\S)|\s+
    static int llama3(String s, int i, int limit, int maxDigits) {
        char c = s.charAt(i);
        if (c == '\'') {
            int n = contraction(s, i, limit, true);
            if (n > 0) {
                return i + n;
            }
        }
        int k = cls(s, i, limit);
        if ((k & LETTER) != 0) {
            return run(s, i, limit, LETTER);
        }
        int w = width(s, i, limit);
        if ((k & NUMBER) == 0 && c != '\r' && c != '\n' && (cls(s, i + w, limit) & LETTER) > 0) {
            return run(s, i + w, limit, LETTER);
        }
        if ((k & NUMBER) != 0) {
            int j = i;
            for (int n = 0; n < maxDigits && j < limit && (cls(s, j, limit) & NUMBER) != 0; n++) {
                j += width(s, j, limit);
            }
            return j;
        }
        int j = c == ' ' ? i + 1 : i;
        int kj = cls(s, j, limit);
        if (kj == 0) {
            int end = run(s, j, limit, 0);
            while (isLineBreak(s, end, limit)) {
                end++;
            }
            return end;
        }
        // c is a space here: \s*[\r\n]+ takes the run up to its last line break, if any
        int end = run(s, i, limit, SPACE);
        for (int b = end - 1; b >= i; b--) {
            if (isLineBreak(s, b, limit)) {
                return b + 1;
            }
        }
        return spaces(s, i, limit);
    }
}
