package org.tokenlens.engine.project;

import java.util.LinkedHashMap;
import java.util.Map;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Principal components of a point set: the covariance {@code XᵀX / (n−1)} of the centred rows (one BLAS product)
 * and its symmetric eigen decomposition (LAPACK {@code syevd} through Smile). For vocabularies n ≫ d, so this
 * d × d route is faster than Smile's {@code PCA.fit}, which takes the SVD of the whole n × d matrix
 * (ProjectionBench measures both). Component signs are fixed (largest |loading| positive) so results do not
 * flip between runs or machines.
 */
public final class Pca {

    private Pca() {
    }

    /**
     * @param mean       column means
     * @param components unit principal axes, {@code components[c]} has {@code d} loadings, largest variance first
     * @param variance   every eigenvalue of the covariance, descending (variance along each axis)
     */
    public record Model(double[] mean, double[][] components, double[] variance) {

        /** Share of the total variance along each kept component. */
        public double[] explainedVarianceRatio() {
            double total = 0;
            for (double v : variance) {
                total += Math.max(0, v);
            }
            double[] out = new double[components.length];
            for (int c = 0; c < out.length; c++) {
                out[c] = total == 0 ? 0 : Math.max(0, variance[c]) / total;
            }
            return out;
        }

        /** Coordinates of every point on the first {@code dims} components: {@code out[c][i]}. */
        public double[][] transform(Points points, int dims) {
            int n = points.n();
            int d = points.dim();
            float[] x = points.values();
            double[][] out = new double[dims][n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < dims; c++) {
                    double[] axis = components[c];
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += (x[i * d + k] - mean[k]) * axis[k];
                    }
                    out[c][i] = s;
                }
            }
            return out;
        }
    }

    /** The first {@code components} principal axes (at most d). */
    public static Model fit(Points points, int components) {
        int n = points.n();
        int d = points.dim();
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 points: " + n);
        }
        if (components < 1 || components > d) {
            throw new IllegalArgumentException("components must be in [1, " + d + "]: " + components);
        }
        double[] mean = mean(points);
        float[] x = points.values();
        Matrix centred = new Matrix(n, d);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                centred.set(i, k, x[i * d + k] - mean[k]);
            }
        }
        Matrix cov = centred.ata();
        cov.mul(1.0 / (n - 1));
        cov.uplo(UPLO.LOWER);
        Matrix.EVD evd = cov.eigen(false, true, true).sort();
        double[] variance = evd.wr.clone();
        double[][] axes = new double[components][d];
        for (int c = 0; c < components; c++) {
            for (int k = 0; k < d; k++) {
                axes[c][k] = evd.Vr.get(k, c);
            }
            fixSign(axes[c]);
        }
        return new Model(mean, axes, variance);
    }

    /** Smile's own PCA (SVD of the centred n × d matrix), kept for the benchmark's comparison. */
    static Model fitWithSmilePca(Points points, int components) {
        smile.feature.extraction.PCA pca = smile.feature.extraction.PCA.fit(points.toDoubleRows());
        Matrix loadings = pca.loadings();
        int d = points.dim();
        double[][] axes = new double[components][d];
        for (int c = 0; c < components; c++) {
            for (int k = 0; k < d; k++) {
                axes[c][k] = loadings.get(k, c);
            }
            fixSign(axes[c]);
        }
        // for n > d Smile's "variance" is the squared singular value (a sum of squares); divide by n − 1
        double[] variance = pca.variance().clone();
        for (int i = 0; i < variance.length; i++) {
            variance[i] /= points.n() - 1.0;
        }
        return new Model(pca.center().clone(), axes, variance);
    }

    /** PCA to 2 or 3 dimensions as a {@link Projection}; explained variance covers the kept components. */
    public static Projection project(Points points, int[] ids, int dims) {
        if (dims != 2 && dims != 3) {
            throw new IllegalArgumentException("dimensions must be 2 or 3: " + dims);
        }
        Model model = fit(points, Math.min(dims, points.dim()));
        double[][] coords = model.transform(points, model.components().length);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("dimensions", Integer.toString(dims));
        return new Projection(Projection.Method.PCA, ids.clone(), toFloat(coords[0]), toFloat(coords[1]),
                dims == 3 && coords.length > 2 ? toFloat(coords[2]) : null, params,
                model.explainedVarianceRatio(), Double.NaN, new int[0], "");
    }

    static double[] mean(Points points) {
        int n = points.n();
        int d = points.dim();
        float[] x = points.values();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
        }
        return mean;
    }

    private static void fixSign(double[] axis) {
        int best = 0;
        for (int k = 1; k < axis.length; k++) {
            if (Math.abs(axis[k]) > Math.abs(axis[best])) {
                best = k;
            }
        }
        if (axis[best] < 0) {
            for (int k = 0; k < axis.length; k++) {
                axis[k] = -axis[k];
            }
        }
    }

    static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
