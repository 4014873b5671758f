package org.tokenlens.engine.tokenize.model;

import org.tokenlens.engine.tokenize.model.bpe.VocabMap;

/**
 * The large fields of a model node, read by a streaming parser instead of into a JSON tree (Gemma 3 has 262k
 * vocabulary entries and 515k merges: as tree nodes they cost millions of objects and most of the load time).
 * Either part may be null, in which case the model reads it from its JSON node as usual.
 *
 * @param vocab       the {@code "vocab"} object (piece → id), or null
 * @param mergeFirst  the merges' left pieces, or whole {@code "a b"} strings when {@code mergeSecond} is null
 * @param mergeSecond the merges' right pieces for the pair form, or null
 * @param mergeCount  how many merges (the arrays may be longer)
 */
public record PreParsed(VocabMap vocab, String[] mergeFirst, String[] mergeSecond, int mergeCount) {
    public static final PreParsed NONE = new PreParsed(null, null, null, 0);

    public boolean hasMerges() {
        return mergeFirst != null;
    }
}
