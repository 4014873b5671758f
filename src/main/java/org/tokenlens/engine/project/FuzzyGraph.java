package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * UMAP's fuzzy simplicial set (McInnes, Healy and Melville 2018, §3.1 and Appendix): each point's k-nearest
 * neighbour distances become memberships {@code exp(−(d − ρ) / σ)}, where ρ is the distance to the nearest
 * (non-identical) neighbour — so every point is connected to at least one other with strength 1 — and σ is set so
 * that the memberships sum to {@code log2(k)}; the directed sets are joined by the fuzzy union
 * {@code a + b − a·b}. The result is symmetric and stored as compressed rows (CSR), both directions, columns
 * ascending. {@code k} counts the point itself, as umap-learn's {@code n_neighbors} does: the k-NN lists here
 * hold {@code k − 1} other points.
 */
final class FuzzyGraph {

    /** umap-learn's {@code SMOOTH_K_TOLERANCE}: how close the membership sum must come to log2(k). */
    static final double TOLERANCE = 1e-5;
    /** umap-learn's {@code MIN_K_DIST_SCALE}: σ is at least this share of the mean neighbour distance. */
    static final double MIN_SCALE = 1e-3;
    private static final int BISECTION_STEPS = 64;

    final int n;
    final int[] rowStart;
    final int[] column;
    final double[] weight;

    FuzzyGraph(int n, int[] rowStart, int[] column, double[] weight) {
        this.n = n;
        this.rowStart = rowStart;
        this.column = column;
        this.weight = weight;
    }

    /**
     * @param index    neighbour indices, row-major n × m (m = k − 1 others per point), nearest first
     * @param distance matching distances (not squared)
     * @param k        neighbourhood size counting the point itself: the membership target is log2(k)
     */
    static FuzzyGraph of(int[] index, float[] distance, int n, int m, int k, ForkJoinPool pool) {
        double[] rho = new double[n];
        double[] sigma = new double[n];
        smoothKnnDistances(distance, n, m, Math.log(k) / Math.log(2), rho, sigma, pool);
        double[] member = memberships(distance, n, m, rho, sigma);
        return union(index, member, n, m);
    }

    /**
     * ρ and σ per row (umap-learn's {@code smooth_knn_dist} with local connectivity 1): ρ is the first non-zero
     * neighbour distance; σ by bisection so that {@code Σ_j exp(−max(0, d_j − ρ) / σ) = target}.
     */
    static void smoothKnnDistances(float[] distance, int n, int m, double target, double[] rho, double[] sigma,
                                   ForkJoinPool pool) {
        double total = 0;
        for (float d : distance) {
            total += d;
        }
        // means over each row's k entries, the point itself (distance 0) included, as umap-learn's lists hold it
        double meanAll = total / ((double) n * (m + 1));
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            int base = i * m;
            double r = 0;
            double rowSum = 0;
            for (int j = 0; j < m; j++) {
                double d = distance[base + j];
                rowSum += d;
                if (r == 0 && d > 0) {
                    r = d;
                }
            }
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            double mid = 1;
            for (int step = 0; step < BISECTION_STEPS; step++) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    double d = distance[base + j] - r;
                    sum += d > 0 ? Math.exp(-d / mid) : 1;
                }
                if (Math.abs(sum - target) < TOLERANCE) {
                    break;
                }
                if (sum > target) {
                    hi = mid;
                    mid = (lo + hi) / 2;
                } else {
                    lo = mid;
                    mid = Double.isInfinite(hi) ? mid * 2 : (lo + hi) / 2;
                }
            }
            double floor = MIN_SCALE * (r > 0 ? rowSum / (m + 1) : meanAll);
            rho[i] = r;
            sigma[i] = Math.max(mid, floor);
        })).join();
    }

    /** Directed memberships (umap-learn's {@code compute_membership_strengths}), row-major n × m. */
    static double[] memberships(float[] distance, int n, int m, double[] rho, double[] sigma) {
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double d = distance[i * m + j] - rho[i];
                out[i * m + j] = d <= 0 || sigma[i] == 0 ? 1 : Math.exp(-d / sigma[i]);
            }
        }
        return out;
    }

    /** The fuzzy union of the directed memberships and their transpose: w_ij = a + b − ab; zeros left out. */
    static FuzzyGraph union(int[] index, double[] member, int n, int m) {
        // every directed entry (i → j, a) contributes a to (i, j) and, as the transpose, to (j, i)
        int entries = n * m;
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                count[i + 1]++;
                count[index[i * m + j] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, n);
        long[] packed = new long[2 * entries];  // per row: column in the high half, entry number in the low half
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int e = i * m + j;
                int c = index[e];
                packed[fill[i]++] = ((long) c << 32) | e;
                packed[fill[c]++] = ((long) i << 32) | e;
            }
        }
        int[] rowStart = new int[n + 1];
        int[] column = new int[2 * entries];
        double[] weight = new double[2 * entries];
        int out = 0;
        for (int i = 0; i < n; i++) {
            Arrays.sort(packed, count[i], count[i + 1]);
            rowStart[i] = out;
            int p = count[i];
            while (p < count[i + 1]) {
                int c = (int) (packed[p] >>> 32);
                double a = member[(int) packed[p]];
                p++;
                if (p < count[i + 1] && (int) (packed[p] >>> 32) == c) {
                    double b = member[(int) packed[p]];
                    a = a + b - a * b;
                    p++;
                }
                if (c != i && a > 0) {
                    column[out] = c;
                    weight[out] = a;
                    out++;
                }
            }
        }
        rowStart[n] = out;
        return new FuzzyGraph(n, rowStart, Arrays.copyOf(column, out), Arrays.copyOf(weight, out));
    }

    double maxWeight() {
        double max = 0;
        for (double w : weight) {
            max = Math.max(max, w);
        }
        return max;
    }

    /** The graph without edges weaker than {@code threshold} (umap-learn drops those below max / epochs). */
    FuzzyGraph withoutWeakerThan(double threshold) {
        int[] start = new int[n + 1];
        int[] col = new int[column.length];
        double[] w = new double[weight.length];
        int out = 0;
        for (int i = 0; i < n; i++) {
            start[i] = out;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                if (weight[e] >= threshold) {
                    col[out] = column[e];
                    w[out] = weight[e];
                    out++;
                }
            }
        }
        start[n] = out;
        return new FuzzyGraph(n, start, Arrays.copyOf(col, out), Arrays.copyOf(w, out));
    }

    /** Connected component of every point (labels 0, 1, … in order of each component's lowest point). */
    int[] components() {
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] stack = new int[n];
        int next = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            label[s] = next;
            while (top > 0) {
                int v = stack[--top];
                for (int e = rowStart[v]; e < rowStart[v + 1]; e++) {
                    int u = column[e];
                    if (label[u] < 0) {
                        label[u] = next;
                        stack[top++] = u;
                    }
                }
            }
            next++;
        }
        return label;
    }
}
