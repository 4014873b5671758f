package org.tokenlens.engine.tokenize.normalize;

/**
 * HF's {@code Nmt} (SentencePiece's nmt_nfkc cleaning without the NFKC): drops ASCII control characters and turns
 * other separators (tab, newlines, zero-width spaces, U+2581, BOM, U+FFFD…) into a space.
 */
public record NmtNormalizer() implements Normalizer {
    @Override
    public void normalize(NormalizedString s) {
        s.filter(cp -> !((cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) || cp == 0x7F
                        || cp == 0x8F || cp == 0x9F))
                .map(cp -> switch (cp) {
                    case 0x09, 0x0A, 0x0C, 0x0D, 0x1680, 0x2028, 0x2029, 0x2581, 0xFEFF, 0xFFFD -> ' ';
                    default -> cp >= 0x200B && cp <= 0x200F ? ' ' : cp;
                });
    }
}
