package org.tokenlens.engine.tokenize.normalize;

/** HF's {@code Prepend}: puts {@code prefix} before a non-empty text, aligned to its first character. */
public record PrependNormalizer(String prefix) implements Normalizer {
    @Override
    public void normalize(NormalizedString s) {
        if (!s.isEmpty()) {
            s.prepend(prefix);
        }
    }
}
