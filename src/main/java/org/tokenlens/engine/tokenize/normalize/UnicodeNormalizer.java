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
}
