package org.tokenlens.engine.project;

import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * The vectors being projected: {@code n} rows of {@code dim} floats, row-major in one array so that BLAS and the
 * neighbour scan read them without indirection (30,522 × 384 floats = 47 MB).
 *
 * @param values row-major values, length {@code n * dim}
 * @param n      number of points
 * @param dim    dimensions per point
 */
public record Points(float[] values, int n, int dim) {

    public Points {
        if (n < 0 || dim <= 0 || (long) n * dim != values.length) {
            throw new IllegalArgumentException("values must hold n × dim floats: " + values.length + " for "
                    + n + " × " + dim);
        }
    }

    /** The rows {@code ids} of {@code matrix}, in that order. */
    public static Points of(EmbeddingMatrix matrix, int[] ids) {
        int d = matrix.dim();
        if ((long) ids.length * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many values to project: " + ids.length + " × " + d);
        }
        float[] values = new float[ids.length * d];
        float[] row = new float[d];
        for (int i = 0; i < ids.length; i++) {
            matrix.row(ids[i], row);
            System.arraycopy(row, 0, values, i * d, d);
        }
        return new Points(values, ids.length, d);
    }

    /** Squared Euclidean distance between points {@code i} and {@code j}. */
    double distance2(int i, int j) {
        double s = 0;
        int a = i * dim;
        int b = j * dim;
        for (int k = 0; k < dim; k++) {
            double t = values[a + k] - values[b + k];
            s += t * t;
        }
        return s;
    }

    /** Rows as doubles, the form Smile takes. */
    double[][] toDoubleRows() {
        double[][] out = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                out[i][k] = values[i * dim + k];
            }
        }
        return out;
    }
}
