package org.tokenlens.app.embedding;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.tokenlens.engine.embed.ops.Metric;
import org.tokenlens.engine.project.Pca;
import org.tokenlens.engine.project.Points;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.project.Subset;
import org.tokenlens.engine.project.Tsne;
import org.tokenlens.engine.project.Umap;

/** The worker-thread half of a projection: which rows, then the method. Pure functions of their arguments. */
final class ProjectionJob {

    /** One t-SNE iteration's layout, handed from the worker to the FX thread. */
    record Frame(int[] ids, float[] x, float[] y, int iteration, double kl) {
    }

    private ProjectionJob() {
    }

    /** The subset's ids in display order; {@code typed} are the linked lane's ids (for TYPED_NEIGHBOURS). */
    static int[] subsetIds(EmbeddingSpace space, SubsetKind kind, int topN, String regex, int[] typed, int k) {
        return switch (kind) {
            case ALL -> Subset.all(space.rows()).ids();
            case TOP_N -> Subset.top(topN, space.rows()).ids();
            case REGEX -> Subset.regex(space.tokenizer(), Pattern.compile(regex), space.rows()).ids();
            case TYPED_NEIGHBOURS -> {
                Set<Integer> distinct = new LinkedHashSet<>();
                for (int id : typed) {
                    if (id >= 0 && id < space.rows()) {
                        distinct.add(id);
                    }
                }
                if (distinct.isEmpty()) {
                    throw new IllegalArgumentException("no typed tokens to project: type some text in the linked lane");
                }
                int[] ids = distinct.stream().mapToInt(Integer::intValue).toArray();
                yield Subset.withNeighbours(ids, k,
                        (id, kk) -> space.neighbours().ofId(id, kk, Metric.COSINE, true).ids(), "typed+" + k).ids();
            }
        };
    }

    /** Projects {@code ids}; t-SNE reports every iteration to {@code frames} and waits at {@code control}. */
    static Projection run(EmbeddingSpace space, int[] ids, ProjectionParams p, Consumer<Frame> frames,
                          TsneControl control) {
        if (control.isCancelled()) {
            throw new CancellationException("projection cancelled");
        }
        Points points = Points.of(space.matrix(), ids);
        Projection result = switch (p.method()) {
            case PCA -> Pca.project(points, ids, 2);
            case UMAP -> Umap.run(points, ids, p.umapOptions(), null, control::isCancelled); // checked each epoch
            case TSNE -> Tsne.run(points, ids, p.tsneOptions(), (iteration, x, y, kl) -> {
                frames.accept(new Frame(ids, x, y, iteration, kl));
                control.awaitTurn();
            }, control::isCancelled);
        };
        if (control.isCancelled()) {
            throw new CancellationException("projection cancelled");
        }
        return result;
    }
}
