package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

class SpectralInitTest {

    private static FuzzyGraph graph(Points p, int k) {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            return Umap.graph(p, Umap.Options.defaults().withK(k), pool);
        } finally {
            pool.shutdown();
        }
    }

    /** Eigenvalues (descending) and vectors (columns) of D^{-1/2} W D^{-1/2} by LAPACK through Smile. */
    private static Matrix.EVD denseEigen(FuzzyGraph g) {
        int n = g.n;
        double[] degree = new double[n];
        for (int i = 0; i < n; i++) {
            for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                degree[i] += g.weight[e];
            }
        }
        Matrix m = new Matrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                int j = g.column[e];
                m.set(i, j, g.weight[e] / Math.sqrt(degree[i] * degree[j]));
            }
        }
        m.uplo(UPLO.LOWER);
        return m.eigen(false, true, true).sort();
    }

    @Test
    void matchesADenseEigenSolverOnASmallGraph() {
        // 150 points: Lanczos runs to the full dimension, so the Ritz vectors are the eigenvectors
        Points p = Clusters.gaussian(150, 8, 3, 1.5, 3);
        FuzzyGraph g = graph(p, 10);
        assertEquals(1, java.util.Arrays.stream(g.components()).max().getAsInt() + 1);
        double[] ours = SpectralInit.component(g, Clusters.range(150), 2, new Random(1));
        Matrix.EVD evd = denseEigen(g);
        assertEquals(1.0, evd.wr[0], 1e-9, "the trivial eigenvalue");
        for (int t = 0; t < 2; t++) {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < 150; i++) {
                dot += ours[i * 2 + t] * evd.Vr.get(i, t + 1);
                norm += ours[i * 2 + t] * ours[i * 2 + t];
            }
            assertEquals(1.0, Math.abs(dot) / Math.sqrt(norm), 1e-6, "eigenvector " + (t + 2));
        }
    }

    @Test
    void largerGraphGivesNearEigenvectors() {
        // 1,200 points, 200 Lanczos steps: each vector's Rayleigh quotient within 1e-3 of the dense eigenvalue
        Points p = Clusters.gaussian(1200, 10, 4, 2, 8);
        FuzzyGraph g = graph(p, 15);
        double[] ours = SpectralInit.component(g, Clusters.range(1200), 2, new Random(1));
        Matrix.EVD evd = denseEigen(g);
        double[] degree = new double[1200];
        for (int i = 0; i < 1200; i++) {
            for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                degree[i] += g.weight[e];
            }
        }
        for (int t = 0; t < 2; t++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < 1200; i++) {
                double mv = 0;
                for (int e = g.rowStart[i]; e < g.rowStart[i + 1]; e++) {
                    int j = g.column[e];
                    mv += g.weight[e] / Math.sqrt(degree[i] * degree[j]) * ours[j * 2 + t];
                }
                num += ours[i * 2 + t] * mv;
                den += ours[i * 2 + t] * ours[i * 2 + t];
            }
            assertEquals(evd.wr[t + 1], num / den, 1e-3, "eigenvalue " + (t + 2));
        }
    }

    @Test
    void jacobiDiagonalisesASymmetricMatrix() {
        Random r = new Random(5);
        int m = 12;
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextGaussian();
            }
        }
        double[][] copy = new double[m][];
        for (int i = 0; i < m; i++) {
            copy[i] = a[i].clone();
        }
        double[][] v = new double[m][m];
        double[] values = SpectralInit.jacobi(a, v);
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < m; i++) {
                double av = 0;
                for (int j = 0; j < m; j++) {
                    av += copy[i][j] * v[j][c];
                }
                assertEquals(values[c] * v[i][c], av, 1e-10);
            }
        }
        assertTrue(values.length == m);
    }
}
