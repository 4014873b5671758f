package org.tokenlens.app.embedding;

import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.project.Tsne;
import org.tokenlens.engine.project.Umap;

/**
 * The form's projection settings; the engine's own {@code Options} validate them (their messages reach the user).
 *
 * @param learningRate t-SNE step size, NaN = automatic
 */
record ProjectionParams(Projection.Method method, double perplexity, double learningRate, int iterations,
                        long seed, double theta, int umapK, double minDist) {

    /** Early exaggeration 12 for the first 250 iterations (Smile's schedule), a frame per iteration. */
    Tsne.Options tsneOptions() {
        return new Tsne.Options(perplexity, iterations, learningRate, 12, Math.min(250, iterations), theta, seed,
                Tsne.Init.PCA, Tsne.Algorithm.AUTO, Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
    }

    Umap.Options umapOptions() {
        // cosine, as the neighbour panel compares: on MiniLM's vocabulary it also keeps Euclidean neighbourhoods
        // better than a Euclidean UMAP (trustworthiness 0.76 vs 0.61 at 5,000 rows, docs/BENCHMARKS.md)
        return new Umap.Options(umapK, 2, 0, 1.0, minDist, Math.max(1.0, minDist), 5, 1.0, seed)
                .withMetric(Umap.Metric.COSINE);
    }
}
