package org.tokenlens.engine.tokenize.normalize;

/** HF's {@code Strip}: removes leading and/or trailing Unicode whitespace. */
public record StripNormalizer(boolean left, boolean right) implements Normalizer {
    @Override
    public void normalize(NormalizedString s) {
        s.strip(left, right);
    }
}
