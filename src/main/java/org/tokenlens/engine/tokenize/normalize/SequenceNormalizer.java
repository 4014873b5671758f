package org.tokenlens.engine.tokenize.normalize;

import java.util.List;

/** HF's {@code Sequence}: each normalizer in turn on the same string. */
public record SequenceNormalizer(List<Normalizer> normalizers) implements Normalizer {
    public SequenceNormalizer {
        normalizers = List.copyOf(normalizers);
    }

    @Override
    public void normalize(NormalizedString s) {
        for (Normalizer n : normalizers) {
            n.normalize(s);
        }
    }

    @Override
    public boolean cutsAtAsciiWhitespace() {
        return normalizers.stream().allMatch(Normalizer::cutsAtAsciiWhitespace);
    }
}
