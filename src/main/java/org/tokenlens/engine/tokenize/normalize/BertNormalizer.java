package org.tokenlens.engine.tokenize.normalize;

/**
 * BERT's basic cleaning (HF {@code normalizers/bert.rs}): drop NUL, U+FFFD and "control" characters, turn every
 * whitespace into a space, put spaces around CJK ideographs, strip accents (NFD then drop Mn), lowercase.
 * {@code stripAccents == null} means "strip when lowercasing", as in HF.
 */
public record BertNormalizer(boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase)
        implements Normalizer {

    @Override
    public void normalize(NormalizedString s) {
        if (cleanText) {
            s.filter(cp -> !(cp == 0 || cp == 0xFFFD || isControl(cp))).map(cp -> isWhitespace(cp) ? ' ' : cp);
        }
        if (handleChineseChars) {
            spaceChineseChars(s);
        }
        if (stripAccents != null ? stripAccents : lowercase) {
            s.nfd().filter(cp -> !isNonSpacingMark(cp));
        }
        if (lowercase) {
            s.lowercase();
        }
    }

    private static void spaceChineseChars(NormalizedString s) {
        String text = s.get();
        boolean any = false;
        for (int i = 0; i < text.length() && !any; i++) {
            char c = text.charAt(i);
            any = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || Character.isHighSurrogate(c);
        }
        if (!any) {
            return;
        }
        NormalizedString.Edit edit = new NormalizedString.Edit(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isChineseChar(cp)) {
                edit.add(' ', 0).add(cp, 1).add(' ', 1);
            } else {
                edit.add(cp, 0);
            }
        }
        s.transform(edit, 0);
    }

    /** HF's whitespace: tab, newline, carriage return, or Rust {@code char::is_whitespace}. */
    static boolean isWhitespace(int cp) {
        return UnicodeProps.isWhitespace(cp);
    }

    /**
     * HF's control: Cc, Cf, Co or Cs (its crate's "other" has no table of unassigned characters, so Cn is kept, and
     * knows only Unicode 9.0) except tab, newline and carriage return, which count as whitespace.
     */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        if ((cp >= 0x20 && cp < 0x7F) || Unicode9.isNewerThan8(cp)) {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
                return true;
            default:
                return false;
        }
    }

    /**
     * Mn as the {@code unicode_categories} crate (Unicode 8.0) has it: later characters are unknown to it, and
     * U+1885, U+1886 (Lo until 9.0) and U+A9BD (Mc until 12.0) changed category since.
     */
    static boolean isNonSpacingMark(int cp) {
        return cp >= 0x300 && Character.getType(cp) == Character.NON_SPACING_MARK && !Unicode9.isNewerThan8(cp)
                && cp != 0x1885 && cp != 0x1886 && cp != 0xA9BD;
    }

    /** The CJK Unified Ideographs blocks as BERT defines them (not Hangul, Hiragana or Katakana). */
    static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    /** Character by character (NFD's reordering of combining marks never crosses white space). */
    @Override
    public boolean cutsAtAsciiWhitespace() {
        return true;
    }
}
