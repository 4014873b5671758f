package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FuzzyGraphTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void close() {
        POOL.shutdown();
    }

    /** Each row's k − 1 nearest other points by a plain O(n²) scan (not ExactKnn): indices and distances. */
    private static Object[] bruteKnn(Points p, int m) {
        int n = p.n();
        int[] index = new int[n * m];
        float[] dist = new float[n * m];
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) {
                d[j] = j == i ? Double.POSITIVE_INFINITY : Math.sqrt(p.distance2(i, j));
            }
            int[] near = Quality.nearest(d, m);
            for (int t = 0; t < m; t++) {
                index[i * m + t] = near[t];
                dist[i * m + t] = (float) d[near[t]];
            }
        }
        return new Object[] {index, dist};
    }

    @Test
    void everyRowsMembershipsSumToLog2K() {
        // spread-out scales across rows: a tight cluster and a wide one, 10 decades apart
        Points a = Clusters.gaussian(150, 6, 3, 4, 9);
        float[] v = a.values().clone();
        for (int i = 0; i < 75; i++) {
            for (int t = 0; t < 6; t++) {
                v[i * 6 + t] *= 1e-5f;
            }
        }
        for (int i = 75; i < 150; i++) {
            for (int t = 0; t < 6; t++) {
                v[i * 6 + t] = v[i * 6 + t] * 1e5f + 1e7f;
            }
        }
        Points p = new Points(v, 150, 6);
        for (int k : new int[] {5, 15, 30}) {
            int m = k - 1;
            Object[] knn = bruteKnn(p, m);
            float[] dist = (float[]) knn[1];
            double[] rho = new double[150];
            double[] sigma = new double[150];
            FuzzyGraph.smoothKnnDistances(dist, 150, m, Math.log(k) / Math.log(2), rho, sigma, POOL);
            double[] member = FuzzyGraph.memberships(dist, 150, m, rho, sigma);
            for (int i = 0; i < 150; i++) {
                assertEquals(dist[i * m], rho[i], 0, "ρ is the nearest distance");
                double sum = 0;
                for (int t = 0; t < m; t++) {
                    double expected = Math.exp(-Math.max(0, dist[i * m + t] - rho[i]) / sigma[i]);
                    assertEquals(expected, member[i * m + t], 1e-12);
                    sum += member[i * m + t];
                }
                assertEquals(1.0, member[i * m], 0, "the nearest neighbour has membership 1");
                assertEquals(Math.log(k) / Math.log(2), sum, 1e-4, "row " + i + " k " + k);
            }
        }
    }

    @Test
    void unionIsSymmetricAndEqualsTheFuzzyOrOfBothDirections() {
        Points p = Clusters.gaussian(120, 5, 3, 3, 4);
        int k = 10;
        int m = k - 1;
        Object[] knn = bruteKnn(p, m);
        int[] index = (int[]) knn[0];
        float[] dist = (float[]) knn[1];
        FuzzyGraph g = FuzzyGraph.of(index, dist, 120, m, k, POOL);
        // dense reference: directed memberships in a matrix, then a + b − ab
        double[] rho = new double[120];
        double[] sigma = new double[120];
        FuzzyGraph.smoothKnnDistances(dist, 120, m, Math.log(k) / Math.log(2), rho, sigma, POOL);
        double[] member = FuzzyGraph.memberships(dist, 120, m, rho, sigma);
        double[][] directed = new double[120][120];
        for (int i = 0; i < 120; i++) {
            for (int t = 0; t < m; t++) {
                directed[i][index[i * m + t]] = member[i * m + t];
            }
        }
        double[][] dense = new double[120][120];
        for (int i = 0; i < 120; i++) {
            for (int j = 0; j < g.rowStart[i + 1] - g.rowStart[i]; j++) {
                int e = g.rowStart[i] + j;
                dense[i][g.column[e]] = g.weight[e];
                if (j > 0) {
                    assertTrue(g.column[e] > g.column[e - 1], "columns ascending");
                }
            }
        }
        int edges = 0;
        for (int i = 0; i < 120; i++) {
            for (int j = 0; j < 120; j++) {
                double a = directed[i][j];
                double b = directed[j][i];
                assertEquals(a + b - a * b, dense[i][j], 1e-12, i + "," + j);
                assertEquals(dense[j][i], dense[i][j], 0);
                if (dense[i][j] > 0) {
                    edges++;
                }
            }
        }
        assertEquals(edges, g.column.length);
    }

    @Test
    void componentsAndPruning() {
        // two 4-cycles and a lone edge
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}, {5, 6}, {6, 7}, {7, 4}, {8, 9}};
        double[] w = {1, 0.5, 1, 0.01, 1, 1, 1, 1, 0.02};
        int n = 10;
        int[] index = new int[n];
        float[] dist = new float[n];
        // one directed edge per row is enough to describe them (union adds the reverse)
        Arrays.fill(index, -1);
        int[] rowStart = new int[n + 1];
        int[][] adj = new int[n][n];
        double[][] wt = new double[n][n];
        for (int e = 0; e < edges.length; e++) {
            adj[edges[e][0]][edges[e][1]] = adj[edges[e][1]][edges[e][0]] = 1;
            wt[edges[e][0]][edges[e][1]] = wt[edges[e][1]][edges[e][0]] = w[e];
        }
        int total = 0;
        int[] col = new int[2 * edges.length];
        double[] weight = new double[2 * edges.length];
        for (int i = 0; i < n; i++) {
            rowStart[i] = total;
            for (int j = 0; j < n; j++) {
                if (adj[i][j] == 1) {
                    col[total] = j;
                    weight[total++] = wt[i][j];
                }
            }
        }
        rowStart[n] = total;
        FuzzyGraph g = new FuzzyGraph(n, rowStart, col, weight);
        assertEquals("[0, 0, 0, 0, 1, 1, 1, 1, 2, 2]", Arrays.toString(g.components()));
        FuzzyGraph pruned = g.withoutWeakerThan(0.015);
        // the 0.01 edge goes, the square stays joined through its other side; the lone 0.02 edge stays
        assertEquals(total - 2, pruned.column.length);
        assertEquals("[0, 0, 0, 0, 1, 1, 1, 1, 2, 2]", Arrays.toString(pruned.components()));
        assertEquals("[0, 0, 0, 0, 1, 1, 1, 1, 2, 3]", Arrays.toString(g.withoutWeakerThan(0.03).components()));
    }
}
