package org.tokenlens.engine.embed.ops;

import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;

/**
 * Analogies by vector arithmetic: "a is to b as c is to ?" is the row nearest to {@code a − b + c}
 * (king − man + woman ≈ queen, with a = king, b = man, c = woman). As word2vec's {@code distance}/{@code
 * word-analogy} tools and gensim's {@code most_similar} do, a, b and c themselves are never answers (the nearest row
 * to a − b + c is very often a itself), and for cosine each of the three is scaled to unit length before combining,
 * so a long vector cannot dominate the sum (Mikolov et al. 2013, "3CosAdd"). Dot and Euclidean combine the raw rows.
 */
public final class Analogies {
    private Analogies() {
    }

    /** The {@code k} answers to a − b + c by ids, nearest first, without a, b or c. */
    public static Neighbours solve(EmbeddingMatrix matrix, int a, int b, int c, int k, Metric metric) {
        float[] va = row(matrix, a, metric);
        float[] vb = row(matrix, b, metric);
        float[] vc = row(matrix, c, metric);
        float[] target = new float[matrix.dim()];
        for (int i = 0; i < target.length; i++) {
            target[i] = va[i] - vb[i] + vc[i];
        }
        return NearestNeighbours.of(matrix).ofVector(target, k, metric, a, b, c);
    }

    /** The same by tokens (pieces or single-token words, see {@link TokenIds#resolve}) over the input embeddings. */
    public static Neighbours solve(EmbeddingModel model, String a, String b, String c, int k, Metric metric) {
        return solve(model.input(), TokenIds.resolve(model.tokenizer(), a), TokenIds.resolve(model.tokenizer(), b),
                TokenIds.resolve(model.tokenizer(), c), k, metric);
    }

    private static float[] row(EmbeddingMatrix matrix, int id, Metric metric) {
        if (id < 0 || id >= matrix.rows()) {
            throw new EmbeddingException("id " + id + " is not a row of " + matrix.source());
        }
        float[] v = matrix.row(id);
        if (metric == Metric.COSINE) {
            double s = 0;
            for (float x : v) {
                s += (double) x * x;
            }
            if (s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int i = 0; i < v.length; i++) {
                    v[i] *= inv;
                }
            }
        }
        return v;
    }
}
