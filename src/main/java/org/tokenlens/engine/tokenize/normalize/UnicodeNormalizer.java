package org.tokenlens.engine.tokenize.normalize;

/**
 * HF's NFC, NFD, NFKC and NFKD normalizers (HF {@code normalizers/unicode.rs}): one class, since the four differ
 * only in the form they apply.
 */
public record UnicodeNormalizer(Form form) implements Normalizer {

    /** The four Unicode normalization forms, named as in tokenizer.json's {@code "type"}. */
    public enum Form { NFC, NFD, NFKC, NFKD }

    @Override
    public void normalize(NormalizedString s) {
        switch (form) {
            case NFC -> s.nfc();
            case NFD -> s.nfd();
            case NFKC -> s.nfkc();
            case NFKD -> s.nfkd();
            default -> throw new IllegalStateException(form.toString());
        }
    }

    /**
     * NFC: an ASCII character never decomposes, has combining class 0 (so no canonical reordering crosses it) and
     * is never the second character of a canonical composition (so nothing before it composes with it); HF's
     * decomposition sorts a run of marks only up to the next starter, and its recomposition, reaching a starter
     * that composes with nothing before it, emits all it holds and starts afresh from that starter, as at the
     * start of a text. So the characters before an ASCII character normalize as if the text ended there, those
     * from it on as if it began there, each aligned to its own original characters. White space: no character
     * composes into white space or with a white space character before it, and the only canonical mappings of
     * white space (U+2000, U+2001 to U+2002, U+2003) stay white space, so a piece's normalized form ends with white
     * space exactly when it does. The other forms are not claimed (not needed, and not tested).
     */
    @Override
    public boolean cutsBeforeAscii() {
        return form == Form.NFC;
    }

    /**
     * NFC cuts before an ASCII character, and for the same reasons before the common characters of Chinese,
     * Japanese and Korean text, which may run on for thousands of characters with no ASCII one: CJK unified
     * ideographs (and extension A), the CJK symbols and punctuation up to U+3029 (U+302A on are combining marks),
     * kana, full-width ASCII, Hangul syllables. Each is a starter or decomposes to one followed by what it
     * recomposes with (a Hangul syllable to its jamo, a voiced kana to the kana and U+3099), that starter is never
     * the second character of a composition, and the character normalizes to itself (one code point); the test
     * checks all of it against the Unicode data.
     */
    @Override
    public boolean cutsBefore(char c) {
        if (c < 0x80) {
            return form == Form.NFC;
        }
        return form == Form.NFC && (c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF
                || c >= 0x3000 && c <= 0x3029 || c >= 0x3041 && c <= 0x3096 || c >= 0x30A1 && c <= 0x30FA
                || c >= 0xFF01 && c <= 0xFF5E || c >= 0xAC00 && c <= 0xD7A3);
    }

    /** The text is already in the form: {@link UnicodeForms} then returns it untouched. */
    @Override
    public boolean leavesAlone(CharSequence text) {
        return java.text.Normalizer.isNormalized(text, switch (form) {
            case NFC -> java.text.Normalizer.Form.NFC;
            case NFD -> java.text.Normalizer.Form.NFD;
            case NFKC -> java.text.Normalizer.Form.NFKC;
            case NFKD -> java.text.Normalizer.Form.NFKD;
        });
    }
}
