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
        if (cp < 0x300) {
            return false;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }
}
