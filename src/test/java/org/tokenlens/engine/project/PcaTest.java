package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /** Anisotropic data: independent axes with standard deviations 5, 3, 2, 1, … then a random rotation. */
    private static Points anisotropic(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double sd = k == 0 ? 5 : k == 1 ? 3 : k == 2 ? 2 : 1.0 / k;
                v[i * d + k] = (float) (r.nextGaussian() * sd + k);
            }
        }
        return new Points(v, n, d);
    }

    @Test
    void componentsAndVarianceMatchPowerIteration() {
        Points p = anisotropic(3000, 12, 5);
        Pca.Model model = Pca.fit(p, 3);
        double[][] cov = covariance(p);
        double total = 0;
        for (int k = 0; k < cov.length; k++) {
            total += cov[k][k];
        }
        double[] ratio = model.explainedVarianceRatio();
        for (int c = 0; c < 3; c++) {
            double[] v = powerIteration(cov);
            double lambda = rayleigh(cov, v);
            assertEquals(lambda, model.variance()[c], 1e-6 * lambda, "eigenvalue " + c);
            assertEquals(lambda / total, ratio[c], 1e-8, "explained variance " + c);
            double dot = 0;
            for (int k = 0; k < v.length; k++) {
                dot += v[k] * model.components()[c][k];
            }
            assertEquals(1, Math.abs(dot), 1e-6, "component " + c + " is the same axis");
            // deflate
            for (int a = 0; a < cov.length; a++) {
                for (int b = 0; b < cov.length; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
    }

    @Test
    void projectionGivesCentredScoresAndRatiosOfKeptComponents() {
        Points p = anisotropic(500, 6, 9);
        int[] ids = Clusters.range(500);
        Projection proj = Pca.project(p, ids, 2);
        assertEquals(Projection.Method.PCA, proj.method());
        assertEquals(2, proj.explainedVariance().length);
        double mx = 0;
        for (float x : proj.x()) {
            mx += x;
        }
        assertEquals(0, mx / 500, 1e-4);
        assertArrayEquals(proj.x(), Pca.project(p, ids, 2).x(), "deterministic");
    }

    @Test
    void smilePcaAgreesOnVariance() {
        Points p = anisotropic(800, 8, 2);
        Pca.Model ours = Pca.fit(p, 2);
        Pca.Model smile = Pca.fitWithSmilePca(p, 2);
        assertEquals(smile.variance()[0], ours.variance()[0], 1e-6 * ours.variance()[0]);
        assertArrayEquals(smile.components()[1], ours.components()[1], 1e-6);
    }

    private static double[][] covariance(Points p) {
        int n = p.n();
        int d = p.dim();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += p.values()[i * d + k] / (double) n;
            }
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] += (p.values()[i * d + a] - mean[a]) * (p.values()[i * d + b] - mean[b]) / (n - 1);
                }
            }
        }
        return c;
    }

    private static double[] powerIteration(double[][] m) {
        int d = m.length;
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1);
        for (int it = 0; it < 5000; it++) {
            double[] w = new double[d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    w[a] += m[a][b] * v[b];
                }
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < d; a++) {
                v[a] = w[a] / norm;
            }
        }
        return v;
    }

    private static double rayleigh(double[][] m, double[] v) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                s += v[a] * m[a][b] * v[b];
            }
        }
        return s;
    }
}
