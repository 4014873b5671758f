package org.tokenlens.engine.embed.ops;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * L2 norms of every row, computed once per matrix and cached while the matrix is reachable. Keyed by identity
 * with weak references (there is no WeakIdentityHashMap; a handful of open matrices makes a list scan free), so a
 * closed and dropped model does not keep its norms alive.
 */
final class RowNorms {
    private record Entry(WeakReference<EmbeddingMatrix> matrix, float[] norms) {
    }

    private static final List<Entry> CACHE = new ArrayList<>();

    private RowNorms() {
    }

    static float[] of(EmbeddingMatrix matrix) {
        synchronized (CACHE) {
            CACHE.removeIf(e -> e.matrix().get() == null);
            for (Entry e : CACHE) {
                if (e.matrix().get() == matrix) {
                    return e.norms();
                }
            }
        }
        // computed outside the lock: two racing first queries both compute, one result wins; both are equal
        float[] norms = compute(matrix);
        synchronized (CACHE) {
            for (Entry e : CACHE) {
                if (e.matrix().get() == matrix) {
                    return e.norms();
                }
            }
            CACHE.add(new Entry(new WeakReference<>(matrix), norms));
        }
        return norms;
    }

    private static float[] compute(EmbeddingMatrix matrix) {
        int rows = matrix.rows();
        int dim = matrix.dim();
        float[] norms = new float[rows];
        Parallel.forRanges(rows, (part, from, to) -> {
            float[] row = new float[dim];
            for (int r = from; r < to; r++) {
                matrix.row(r, row);
                norms[r] = VectorMath.norm(row, dim);
            }
        });
        return norms;
    }
}
