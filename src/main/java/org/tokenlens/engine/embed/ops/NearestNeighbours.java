package org.tokenlens.engine.embed.ops;

import java.util.Arrays;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * Exact nearest neighbours of a token or any vector over a whole matrix (every row is scored; at vocabulary sizes
 * an exact scan is a few milliseconds, so no approximate index and no recall to explain). Rows are read one at a
 * time through {@link EmbeddingMatrix#row(int, float[])}, so a memory-mapped matrix is never copied onto the heap;
 * row norms for cosine are computed once per matrix and cached. The scan is split over the cores, each part
 * keeping its own bounded heap; ordering is nearest first with ties by lower id (see {@link TopK}), so the split
 * never changes a result.
 */
public final class NearestNeighbours {
    private final EmbeddingMatrix matrix;

    private NearestNeighbours(EmbeddingMatrix matrix) {
        this.matrix = matrix;
    }

    /** Queries over {@code matrix}; cheap, the cached state (row norms) lives with the matrix. */
    public static NearestNeighbours of(EmbeddingMatrix matrix) {
        return new NearestNeighbours(matrix);
    }

    public EmbeddingMatrix matrix() {
        return matrix;
    }

    /** The {@code k} rows nearest to row {@code id}; {@code excludeSelf} leaves {@code id} itself out. */
    public Neighbours ofId(int id, int k, Metric metric, boolean excludeSelf) {
        checkRow(id);
        float[] query = matrix.row(id);
        return excludeSelf ? ofVector(query, k, metric, id) : ofVector(query, k, metric);
    }

    /**
     * The {@code k} rows nearest to {@code query} (length = dim), leaving out the ids in {@code exclude}.
     *
     * @throws IllegalArgumentException if k is negative or the vector has the wrong length
     */
    public Neighbours ofVector(float[] query, int k, Metric metric, int... exclude) {
        int dim = matrix.dim();
        if (query.length != dim) {
            throw new IllegalArgumentException("query has " + query.length + " values, the matrix rows have " + dim);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be ≥ 0: " + k);
        }
        int rows = matrix.rows();
        int keep = Math.min(k, rows);
        float[] norms = metric == Metric.COSINE ? RowNorms.of(matrix) : null;
        float queryNorm = VectorMath.norm(query, dim);
        int[] excluded = exclude.clone();
        Arrays.sort(excluded);

        int parts = Parallel.parts(rows, 4096);
        TopK[] heaps = new TopK[parts];
        Parallel.forRanges(rows, parts, (part, from, to) -> {
            TopK heap = new TopK(keep);
            scan(query, queryNorm, norms, metric, excluded, from, to, heap);
            heaps[part] = heap;
        });
        TopK all = heaps[0];
        for (int p = 1; p < parts; p++) {
            all.addAll(heaps[p]);
        }
        float[] keys = new float[all.size()];
        int[] ids = all.drainIds(keys);
        return new Neighbours(metric, ids, toScores(keys, metric));
    }

    /** Every row's score against {@code query} (e.g. logits when the metric is DOT). */
    public float[] scores(float[] query, Metric metric) {
        int dim = matrix.dim();
        if (query.length != dim) {
            throw new IllegalArgumentException("query has " + query.length + " values, the matrix rows have " + dim);
        }
        float[] norms = metric == Metric.COSINE ? RowNorms.of(matrix) : null;
        float queryNorm = VectorMath.norm(query, dim);
        float[] out = new float[matrix.rows()];
        Parallel.forRanges(out.length, (part, from, to) -> {
            float[] row = new float[dim];
            for (int r = from; r < to; r++) {
                matrix.row(r, row);
                out[r] = switch (metric) {
                    case DOT -> VectorMath.dot(query, row, dim);
                    case COSINE -> VectorMath.cosine(VectorMath.dot(query, row, dim), queryNorm, norms[r]);
                    case EUCLIDEAN -> (float) Math.sqrt(VectorMath.squaredDistance(query, row, dim));
                };
            }
        });
        return out;
    }

    private void scan(float[] query, float queryNorm, float[] norms, Metric metric, int[] excluded,
                      int from, int to, TopK heap) {
        int dim = matrix.dim();
        float[] row = new float[dim];
        for (int r = from; r < to; r++) {
            matrix.row(r, row);
            // the heap key is "higher is nearer": negated squared distance for Euclidean (sqrt only at the end)
            float key = switch (metric) {
                case DOT -> VectorMath.dot(query, row, dim);
                case COSINE -> VectorMath.cosine(VectorMath.dot(query, row, dim), queryNorm, norms[r]);
                case EUCLIDEAN -> -VectorMath.squaredDistance(query, row, dim);
            };
            if (heap.accepts(key, r) && (excluded.length == 0 || Arrays.binarySearch(excluded, r) < 0)) {
                heap.offer(key, r);
            }
        }
    }

    static float[] toScores(float[] keys, Metric metric) {
        if (metric == Metric.EUCLIDEAN) {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (float) Math.sqrt(-keys[i]);
            }
        }
        return keys;
    }

    private void checkRow(int id) {
        if (id < 0 || id >= matrix.rows()) {
            throw new EmbeddingException("id " + id + " is not a row of " + matrix.source() + " (0.."
                    + (matrix.rows() - 1) + ")");
        }
    }
}
