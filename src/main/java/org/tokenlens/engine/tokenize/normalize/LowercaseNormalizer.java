package org.tokenlens.engine.tokenize.normalize;

/** HF's {@code Lowercase}: Rust's per-character {@code to_lowercase} (İ becomes "i̇", Σ always σ). */
public record LowercaseNormalizer() implements Normalizer {
    @Override
    public void normalize(NormalizedString s) {
        s.lowercase();
    }

    /** Character by character (NFD's reordering of combining marks never crosses white space). */
    @Override
    public boolean cutsAtAsciiWhitespace() {
        return true;
    }
}
