package org.tokenlens.engine.positions;

import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * Position-by-position similarity of a position table: entry (m, n) compares the vectors of positions m and n.
 * For sinusoidal tables the dot product depends only on |m − n| (a Toeplitz matrix); learned tables show what
 * training made of it.
 */
public final class PositionSimilarity {

    /** How two position vectors are compared. */
    public enum Measure {
        DOT, COSINE
    }

    private PositionSimilarity() {
    }

    /** Similarity of positions {@code [from, from + count)} with each other ({@code count × count}). */
    public static FloatMatrix of(EmbeddingMatrix positions, int from, int count, Measure measure) {
        if (from < 0 || count < 1 || from + count > positions.rows()) {
            throw new IllegalArgumentException("positions [" + from + ", " + (from + count) + ") not within [0, "
                    + positions.rows() + ")");
        }
        int d = positions.dim();
        float[][] rows = new float[count][d];
        double[] norms = new double[count];
        for (int r = 0; r < count; r++) {
            positions.row(from + r, rows[r]);
            norms[r] = Math.sqrt(dot(rows[r], rows[r]));
        }
        FloatMatrix m = FloatMatrix.zeros(count, count, (measure == Measure.DOT ? "dot product" : "cosine similarity")
                + " of positions " + from + "…" + (from + count - 1) + " of " + positions.source());
        float[] v = m.values();
        for (int a = 0; a < count; a++) {
            for (int b = a; b < count; b++) {
                double s = dot(rows[a], rows[b]);
                if (measure == Measure.COSINE) {
                    double n = norms[a] * norms[b];
                    s = n == 0 ? 0 : s / n;
                }
                v[a * count + b] = (float) s;
                v[b * count + a] = (float) s;
            }
        }
        return m;
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }
}
