package org.tokenlens.engine.tokenize.normalize;

/**
 * HF's {@code StripAccents}: removes every combining mark (general categories Mn, Mc and Me, the crate's
 * {@code is_combining_mark}). It does not decompose first: pair it with NFD or NFKD, as real tokenizers do.
 */
public record StripAccentsNormalizer() implements Normalizer {
    @Override
    public void normalize(NormalizedString s) {
        s.filter(cp -> !isCombiningMark(cp));
    }

    static boolean isCombiningMark(int cp) {
        if (cp < 0x300 || Unicode9.isNewerThan9(cp)) {
            return false;
        }
        if (cp == 0x1CF2 || cp == 0x1CF3) {
            return true;   // Vedic ardhavisarga signs: Mc in Unicode 9.0 (HF's tables), Lo since 10.0
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    /** Character by character (NFD's reordering of combining marks never crosses white space). */
    @Override
    public boolean cutsAtAsciiWhitespace() {
        return true;
    }
}
