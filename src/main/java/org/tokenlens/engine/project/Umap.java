package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import smile.manifold.UMAP;
import smile.math.MathEx;

/**
 * UMAP through Smile. Smile builds the k-NN graph, keeps only its largest connected component and returns
 * coordinates for those points with their original row numbers ({@code UMAP.index}); we map them back to token
 * ids and list the rest as dropped. Its spectral initialisation asks ARPACK for the smallest eigenvectors of the
 * graph Laplacian, which needs the component to be comfortably larger than k and the output dimension.
 */
public final class Umap {

    /**
     * @param k                 neighbours per point (local vs global structure), ≥ 2
     * @param dimensions        2 or 3
     * @param epochs            optimisation epochs; 0 = 200 above 10,000 points, else 500 (as umap-learn)
     * @param learningRate      initial learning rate
     * @param minDist           minimum distance of points in the layout, in (0, spread]
     * @param spread            scale of the layout
     * @param negativeSamples   negative samples per positive edge
     * @param repulsionStrength weight of negative samples
     * @param seed              seeds Smile's random number generator
     */
    public record Options(int k, int dimensions, int epochs, double learningRate, double minDist, double spread,
                          int negativeSamples, double repulsionStrength, long seed) {

        public Options {
            if (k < 2) {
                throw new IllegalArgumentException("k must be at least 2: " + k);
            }
            if (dimensions != 2 && dimensions != 3) {
                throw new IllegalArgumentException("dimensions must be 2 or 3: " + dimensions);
            }
            if (epochs != 0 && epochs < 10) {
                throw new IllegalArgumentException("epochs must be 0 (auto) or at least 10: " + epochs);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
            }
            if (!(minDist > 0 && minDist <= spread)) {
                throw new IllegalArgumentException("min distance must be in (0, spread]: " + minDist);
            }
            if (negativeSamples < 1) {
                throw new IllegalArgumentException("negative samples must be at least 1: " + negativeSamples);
            }
            if (!(repulsionStrength > 0)) {
                throw new IllegalArgumentException("repulsion strength must be positive: " + repulsionStrength);
            }
        }

        public static Options defaults() {
            return new Options(15, 2, 0, 1.0, 0.1, 1.0, 5, 1.0, 42);
        }

        public Options withSeed(long s) {
            return new Options(k, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, s);
        }

        public Options withK(int kk) {
            return new Options(kk, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed);
        }

        int epochs(int n) {
            return epochs != 0 ? epochs : n > 10_000 ? 200 : 500;
        }

        /** The fewest points UMAP can lay out: more than k neighbours, and room for the eigen solver. */
        int minimumPoints() {
            return Math.max(k + 2, 10 * (dimensions + 1) + 2);
        }
    }

    private Umap() {
    }

    public static Projection run(Points points, int[] ids, Options options) {
        int n = points.n();
        if (ids.length != n) {
            throw new IllegalArgumentException("ids must match points: " + ids.length + " ≠ " + n);
        }
        if (n < options.minimumPoints()) {
            throw new IllegalArgumentException(tooSmall(n, "points", options));
        }
        MathEx.setSeed(options.seed());
        UMAP umap;
        try {
            umap = UMAP.of(points.toDoubleRows(), options.k(), options.dimensions(), options.epochs(n),
                    options.learningRate(), options.minDist(), options.spread(), options.negativeSamples(),
                    options.repulsionStrength());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("UMAP failed on " + n + " points (the largest connected part of the "
                    + options.k() + "-NN graph may be too small for its spectral start; try fewer neighbours or "
                    + "more points): " + e.getMessage(), e);
        }
        return toProjection(umap.index, umap.coordinates, ids, options);
    }

    /** Maps Smile's component rows back to ids and records what was left out. */
    static Projection toProjection(int[] index, double[][] coordinates, int[] ids, Options options) {
        int m = index.length;
        int n = ids.length;
        int[] kept = new int[m];
        float[] x = new float[m];
        float[] y = new float[m];
        float[] z = options.dimensions() == 3 ? new float[m] : null;
        boolean[] present = new boolean[n];
        for (int r = 0; r < m; r++) {
            kept[r] = ids[index[r]];
            present[index[r]] = true;
            x[r] = (float) coordinates[r][0];
            y[r] = (float) coordinates[r][1];
            if (z != null) {
                z[r] = (float) coordinates[r][2];
            }
        }
        int[] dropped = new int[n - m];
        int d = 0;
        for (int i = 0; i < n && d < dropped.length; i++) {
            if (!present[i]) {
                dropped[d++] = ids[i];
            }
        }
        dropped = Arrays.copyOf(dropped, d);
        String note = d == 0 ? "" : "UMAP kept the largest connected part of the " + options.k()
                + "-nearest-neighbour graph: " + m + " of " + n + " points; " + d
                + " points in smaller groups were dropped (more neighbours joins groups)";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("k", Integer.toString(options.k()));
        params.put("dimensions", Integer.toString(options.dimensions()));
        params.put("epochs", Integer.toString(options.epochs(n)));
        params.put("minDist", Double.toString(options.minDist()));
        params.put("spread", Double.toString(options.spread()));
        params.put("seed", Long.toString(options.seed()));
        return new Projection(Projection.Method.UMAP, kept, x, y, z, params, new double[0], Double.NaN, dropped,
                note);
    }

    static String tooSmall(int n, String what, Options options) {
        return "UMAP needs at least " + options.minimumPoints() + " " + what + " for k = " + options.k() + " in "
                + options.dimensions() + "-D (more than k neighbours, and " + (10 * (options.dimensions() + 1))
                + " eigenvectors for its spectral start): " + n;
    }
}
