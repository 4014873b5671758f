/**
 * What can be done with an embedding matrix once it is read: look up the vectors of an encoding (plus learned
 * positions), exact nearest neighbours of a token or any vector over the whole vocabulary ({@link
 * org.tokenlens.engine.embed.ops.NearestNeighbours}; cosine, Euclidean, dot; ties by lower id), the k-NN graph of a
 * subset for projection quality measures ({@link org.tokenlens.engine.embed.ops.KnnGraph}), analogies a − b + c in
 * the 3CosAdd form of Mikolov et al. 2013 ({@link org.tokenlens.engine.embed.ops.Analogies}), the output side —
 * logits, top tokens, softmax and the text → vectors → tokens → text round trip ({@link
 * org.tokenlens.engine.embed.ops.OutputClassifier}) — and per-id metadata for colouring a map of the vocabulary
 * ({@link org.tokenlens.engine.embed.ops.TokenMetadata}).
 *
 * <p>Everything is exact and scans rows through {@link org.tokenlens.engine.embed.EmbeddingMatrix#row(int,
 * float[])}: at vocabulary sizes (30k–260k rows) a full scan takes milliseconds, so an approximate index would add
 * recall questions without a visible gain.
 */
package org.tokenlens.engine.embed.ops;
