package org.tokenlens.app.embedding;

import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.ops.NearestNeighbours;
import org.tokenlens.engine.embed.ops.TokenMetadata;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * A loaded model as the map needs it: the tokenizer whose ids index the rows, the input matrix, per-id metadata
 * (colours, hover) and the exact neighbour search. Built once on a worker thread; immutable after.
 *
 * @param rows ids that have both a row and a vocabulary piece: {@code min(matrix rows, vocabulary size)}
 */
record EmbeddingSpace(String name, Tokenizer tokenizer, EmbeddingMatrix matrix, TokenMetadata metadata,
                      NearestNeighbours neighbours, int rows) {

    static EmbeddingSpace of(EmbeddingModel model) {
        Tokenizer t = model.tokenizer();
        return new EmbeddingSpace(model.name(), t, model.input(), TokenMetadata.of(t),
                NearestNeighbours.of(model.input()), Math.min(model.input().rows(), t.vocabSize()));
    }

    /** The vocabulary piece of an id, "" when the tokenizer has none. */
    String piece(int id) {
        String p = id >= 0 && id < tokenizer.vocabSize() ? tokenizer.idToToken(id) : null;
        return p == null ? "" : p;
    }
}
