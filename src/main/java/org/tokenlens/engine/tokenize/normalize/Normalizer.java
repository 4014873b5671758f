package org.tokenlens.engine.tokenize.normalize;

/**
 * A normalizer stage (BertNormalizer, NFC/NFD/NFKC/NFKD, Lowercase, StripAccents, Replace, Prepend, Strip,
 * Sequence, …): edits a {@link NormalizedString} in place, keeping its alignment to the original. Immutable and
 * thread-safe itself.
 */
public interface Normalizer {
    void normalize(NormalizedString s);
}
