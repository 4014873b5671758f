package org.tokenlens.engine.project;

import java.util.Random;

/**
 * UMAP's spectral start: the eigenvectors of the normalised graph Laplacian {@code L = I − D^{-1/2} W D^{-1/2}}
 * with the smallest non-zero eigenvalues, i.e. the largest eigenvalues of {@code M = D^{-1/2} W D^{-1/2}} after
 * the trivial one (eigenvector {@code D^{1/2}·1}, eigenvalue 1). Found by Lanczos with full re-orthogonalisation
 * on M, the trivial vector projected out of every Lanczos vector, then Jacobi on the small tridiagonal matrix
 * (umap-learn asks ARPACK or LOBPCG for the same vectors). Lanczos converges on both ends of the spectrum first,
 * and we keep the top end; with a few hundred steps the Ritz vectors are smooth enough to start the layout even
 * where the eigenvalues near 1 are not fully separated.
 *
 * <p>A graph in several pieces is laid out piece by piece as umap-learn's {@code multi_component_layout} does:
 * pieces get places of their own (unit axes ±e_i for up to 2·dim pieces, else the principal components of their
 * centroids in the original space, scaled to at most 1), each piece's spectral layout is scaled to half the
 * distance to its nearest neighbour place, and pieces too small for an eigenvector problem are spread uniformly
 * in that box.
 */
final class SpectralInit {

    /** Lanczos steps (at most): enough for the first eigenvectors of a k-NN graph's Laplacian to settle. */
    static final int STEPS = 200;

    private SpectralInit() {
    }

    /** Row-major n × dim coordinates for every point of {@code g} (all of its pieces). */
    static double[] layout(FuzzyGraph g, int[] label, int pieces, Points data, int dim, Random random) {
        int n = g.n;
        double[] out = new double[n * dim];
        if (pieces == 1) {
            double[] e = component(g, identity(n), dim, random);
            System.arraycopy(e, 0, out, 0, e.length);
            return out;
        }
        int[][] members = members(label, pieces);
        double[][] place = places(members, data, dim);
        for (int c = 0; c < pieces; c++) {
            double half = Double.POSITIVE_INFINITY;
            for (int o = 0; o < pieces; o++) {
                double d = 0;
                for (int t = 0; t < dim; t++) {
                    d += (place[c][t] - place[o][t]) * (place[c][t] - place[o][t]);
                }
                if (d > 0) {
                    half = Math.min(half, Math.sqrt(d) / 2);
                }
            }
            if (Double.isInfinite(half)) {
                half = 1;
            }
            int[] rows = members[c];
            int size = rows.length;
            double[] e;
            if (size < 2 * dim || size <= dim + 1) {
                e = new double[size * dim];
                for (int i = 0; i < e.length; i++) {
                    e[i] = (2 * random.nextDouble() - 1) * half;
                }
            } else {
                e = component(g, rows, dim, random);
                double max = maxAbs(e);
                double scale = max > 0 ? half / max : 0;
                for (int i = 0; i < e.length; i++) {
                    e[i] *= scale;
                }
            }
            for (int r = 0; r < size; r++) {
                for (int t = 0; t < dim; t++) {
                    out[rows[r] * dim + t] = e[r * dim + t] + place[c][t];
                }
            }
        }
        return out;
    }

    /**
     * The spectral layout of one connected piece ({@code rows}, in graph numbering): row-major size × dim, the
     * eigenvectors of M for its 2nd … (dim+1)th largest eigenvalues.
     */
    static double[] component(FuzzyGraph g, int[] rows, int dim, Random random) {
        int size = rows.length;
        int[] local = new int[g.n];
        java.util.Arrays.fill(local, -1);
        for (int r = 0; r < size; r++) {
            local[rows[r]] = r;
        }
        double[] sqrtDegree = new double[size];
        for (int r = 0; r < size; r++) {
            double d = 0;
            int v = rows[r];
            for (int e = g.rowStart[v]; e < g.rowStart[v + 1]; e++) {
                d += g.weight[e];
            }
            sqrtDegree[r] = Math.sqrt(d);
        }
        double[] trivial = sqrtDegree.clone();
        normalise(trivial);
        int steps = Math.min(STEPS, size - 1);
        double[][] basis = new double[steps][];
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] q = new double[size];
        for (int r = 0; r < size; r++) {
            q[r] = random.nextDouble() - 0.5;
        }
        orthogonalise(q, trivial);
        normalise(q);
        int m = 0;
        double[] w = new double[size];
        while (m < steps) {
            basis[m] = q;
            multiply(g, rows, local, sqrtDegree, q, w);
            double a = dot(w, q);
            alpha[m] = a;
            // full re-orthogonalisation against the trivial vector and every earlier Lanczos vector (twice)
            for (int pass = 0; pass < 2; pass++) {
                orthogonalise(w, trivial);
                for (int j = 0; j <= m; j++) {
                    orthogonalise(w, basis[j]);
                }
            }
            double b = Math.sqrt(dot(w, w));
            m++;
            if (m == steps || b < 1e-10) {
                break;
            }
            beta[m - 1] = b;
            q = new double[size];
            for (int r = 0; r < size; r++) {
                q[r] = w[r] / b;
            }
        }
        // Ritz pairs of the m × m tridiagonal matrix
        double[][] t = new double[m][m];
        for (int i = 0; i < m; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < m) {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        double[][] vectors = new double[m][m];
        double[] values = jacobi(t, vectors);
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] out = new double[size * dim];
        for (int t2 = 0; t2 < dim; t2++) {
            if (t2 >= m) {
                break;  // fewer Lanczos vectors than dimensions: a tiny piece; leave the axis at 0
            }
            int col = order[t2];
            double[] ritz = new double[size];
            for (int j = 0; j < m; j++) {
                double c = vectors[j][col];
                double[] v = basis[j];
                for (int r = 0; r < size; r++) {
                    ritz[r] += c * v[r];
                }
            }
            // a deterministic sign: the largest entry positive
            int big = 0;
            for (int r = 1; r < size; r++) {
                if (Math.abs(ritz[r]) > Math.abs(ritz[big])) {
                    big = r;
                }
            }
            double sign = ritz[big] < 0 ? -1 : 1;
            for (int r = 0; r < size; r++) {
                out[r * dim + t2] = sign * ritz[r];
            }
        }
        return out;
    }

    /** w = M q on one piece: {@code M_uv = W_uv / sqrt(d_u d_v)}. */
    private static void multiply(FuzzyGraph g, int[] rows, int[] local, double[] sqrtDegree, double[] q,
                                 double[] w) {
        for (int r = 0; r < rows.length; r++) {
            int v = rows[r];
            double s = 0;
            for (int e = g.rowStart[v]; e < g.rowStart[v + 1]; e++) {
                int c = local[g.column[e]];
                s += g.weight[e] * q[c] / sqrtDegree[c];
            }
            w[r] = s / sqrtDegree[r];
        }
    }

    /**
     * Eigenvalues of the symmetric matrix {@code a} (destroyed) by cyclic Jacobi rotations; eigenvector i is
     * column i of {@code vectors}.
     */
    static double[] jacobi(double[][] a, double[][] vectors) {
        int m = a.length;
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < m; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < m; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int p = 0; p < m; p++) {
                for (int r = p + 1; r < m; r++) {
                    double apr = a[p][r];
                    if (Math.abs(apr) < 1e-300) {
                        continue;
                    }
                    double theta = (a[r][r] - a[p][p]) / (2 * apr);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < m; k++) {
                        double akp = a[k][p];
                        double akr = a[k][r];
                        a[k][p] = c * akp - s * akr;
                        a[k][r] = s * akp + c * akr;
                    }
                    for (int k = 0; k < m; k++) {
                        double apk = a[p][k];
                        double ark = a[r][k];
                        a[p][k] = c * apk - s * ark;
                        a[r][k] = s * apk + c * ark;
                    }
                    for (int k = 0; k < m; k++) {
                        double vkp = vectors[k][p];
                        double vkr = vectors[k][r];
                        vectors[k][p] = c * vkp - s * vkr;
                        vectors[k][r] = s * vkp + c * vkr;
                    }
                }
            }
        }
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = a[i][i];
        }
        return values;
    }

    /** Places of the pieces: ±unit axes for few pieces, else PCA of their centroids scaled to at most 1. */
    private static double[][] places(int[][] members, Points data, int dim) {
        int pieces = members.length;
        double[][] place = new double[pieces][dim];
        if (pieces <= 2 * dim) {
            int half = (pieces + 1) / 2;
            for (int c = 0; c < pieces; c++) {
                place[c][c % half] = c < half ? 1 : -1;
            }
            return place;
        }
        int d = data.dim();
        float[] centroids = new float[pieces * d];
        for (int c = 0; c < pieces; c++) {
            double[] s = new double[d];
            for (int row : members[c]) {
                for (int t = 0; t < d; t++) {
                    s[t] += data.values()[row * d + t];
                }
            }
            for (int t = 0; t < d; t++) {
                centroids[c * d + t] = (float) (s[t] / members[c].length);
            }
        }
        Points cp = new Points(centroids, pieces, d);
        int axes = Math.min(dim, d);
        double[][] pcs = Pca.fit(cp, axes).transform(cp, axes);
        double max = 0;
        for (double[] axis : pcs) {
            for (double v : axis) {
                max = Math.max(max, Math.abs(v));
            }
        }
        for (int c = 0; c < pieces; c++) {
            for (int t = 0; t < axes; t++) {
                place[c][t] = max > 0 ? pcs[t][c] / max : 0;
            }
        }
        return place;
    }

    private static int[][] members(int[] label, int pieces) {
        int[] count = new int[pieces];
        for (int l : label) {
            count[l]++;
        }
        int[][] out = new int[pieces][];
        for (int c = 0; c < pieces; c++) {
            out[c] = new int[count[c]];
        }
        int[] fill = new int[pieces];
        for (int i = 0; i < label.length; i++) {
            out[label[i]][fill[label[i]]++] = i;
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void orthogonalise(double[] w, double[] unit) {
        double c = dot(w, unit);
        for (int i = 0; i < w.length; i++) {
            w[i] -= c * unit[i];
        }
    }

    private static void normalise(double[] v) {
        double s = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
    }
}
