package org.tokenlens.app.chips;

/**
 * Extended grapheme cluster boundaries (Unicode UAX #29), for grouping tokens into what a reader sees as one
 * character. Java 17's {@code BreakIterator} predates the emoji rules: it breaks before a skin tone, a zero
 * width joiner, between the two regional indicators of a flag and between tag characters, so 👍🏽 or 🇯🇵 would
 * become two chips. The properties come from the JDK's character data where they coincide (general categories,
 * Hangul syllable arithmetic) and from small range tables for the emoji ones; rules GB3–GB13 as in the annex
 * (not Unicode 15.1's Indic conjunct rule GB9c, nor characters newer than Java 17's Unicode 13 tables).
 */
final class Graphemes {

    private static final int OTHER = 0;
    private static final int CR = 1;
    private static final int LF = 2;
    private static final int CONTROL = 3;
    private static final int EXTEND = 4;
    private static final int ZWJ = 5;
    private static final int REGIONAL = 6;
    private static final int PREPEND = 7;
    private static final int SPACING_MARK = 8;
    private static final int L = 9;
    private static final int V = 10;
    private static final int T = 11;
    private static final int LV = 12;
    private static final int LVT = 13;

    private Graphemes() {
    }

    /** Whether a grapheme cluster boundary lies at UTF-16 index {@code at} of {@code text}. */
    static boolean isBoundary(CharSequence text, int at) {
        if (at <= 0 || at >= text.length()) {
            return true; // GB1, GB2
        }
        char before = text.charAt(at - 1);
        char after = text.charAt(at);
        if (before < 0x80 && after < 0x80) {
            return before != '\r' || after != '\n'; // ASCII is Other, Control, CR or LF: only GB3 joins
        }
        if (Character.isLowSurrogate(after) && Character.isHighSurrogate(before)) {
            return false; // inside a code point
        }
        int next = Character.codePointAt(text, at);
        int prev = Character.codePointBefore(text, at);
        int b = property(prev);
        int a = property(next);
        if (b == CR && a == LF) {
            return false; // GB3
        }
        if (b == CR || b == LF || b == CONTROL || a == CR || a == LF || a == CONTROL) {
            return true; // GB4, GB5
        }
        if (b == L && (a == L || a == V || a == LV || a == LVT)) {
            return false; // GB6
        }
        if ((b == LV || b == V) && (a == V || a == T)) {
            return false; // GB7
        }
        if ((b == LVT || b == T) && a == T) {
            return false; // GB8
        }
        if (a == EXTEND || a == ZWJ || a == SPACING_MARK || b == PREPEND) {
            return false; // GB9, GB9a, GB9b
        }
        if (b == ZWJ && isPictographic(next)) { // GB11: ExtPict Extend* ZWJ × ExtPict
            int k = at - Character.charCount(prev);
            while (k > 0) {
                int cp = Character.codePointBefore(text, k);
                if (property(cp) != EXTEND) {
                    return !isPictographic(cp);
                }
                k -= Character.charCount(cp);
            }
            return true;
        }
        if (b == REGIONAL && a == REGIONAL) { // GB12, GB13: flags pair up from the start of a run
            int count = 0;
            int k = at;
            while (k > 0) {
                int cp = Character.codePointBefore(text, k);
                if (property(cp) != REGIONAL) {
                    break;
                }
                count++;
                k -= Character.charCount(cp);
            }
            return count % 2 == 0;
        }
        return true; // GB999
    }

    private static int property(int cp) {
        if (cp == '\r') {
            return CR;
        }
        if (cp == '\n') {
            return LF;
        }
        if (cp == 0x200D) {
            return ZWJ;
        }
        if (cp == 0x200C || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)
                || cp == 0xFF9E || cp == 0xFF9F) {
            return EXTEND; // ZWNJ, skin tones, tags, half-width sound marks
        }
        if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
            return REGIONAL;
        }
        if ((cp >= 0x0600 && cp <= 0x0605) || cp == 0x06DD || cp == 0x070F || cp == 0x0890 || cp == 0x0891
                || cp == 0x08E2 || cp == 0x0D4E || cp == 0x110BD || cp == 0x110CD || cp == 0x111C2
                || cp == 0x111C3 || cp == 0x1193F || cp == 0x11941 || cp == 0x11A3A
                || (cp >= 0x11A84 && cp <= 0x11A89) || cp == 0x11D46) {
            return PREPEND;
        }
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            return (cp - 0xAC00) % 28 == 0 ? LV : LVT;
        }
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97C)) {
            return L;
        }
        if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6)) {
            return V;
        }
        if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB)) {
            return T;
        }
        if (cp == 0x0E33 || cp == 0x0EB3) {
            return SPACING_MARK; // Thai and Lao SARA AM are letters by category, marks by this property
        }
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> EXTEND;
            case Character.COMBINING_SPACING_MARK -> SPACING_MARK; // the few that are Extend join the same way
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT,
                    Character.SURROGATE -> CONTROL;
            default -> OTHER;
        };
    }

    /** Extended_Pictographic, by the blocks that hold it (emoji and the older symbols they grew from). */
    private static boolean isPictographic(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F1E6 && cp <= 0x1F1FF)
                && !(cp >= 0x1F3FB && cp <= 0x1F3FF)) || (cp >= 0x1FC00 && cp <= 0x1FFFD)
                || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2300 && cp <= 0x23FF)
                || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139
                || cp == 0x24C2 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }
}
