package org.tokenlens.engine.project;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;

/**
 * UMAP of our own (McInnes, Healy and Melville 2018), after umap-learn: exact k nearest neighbours
 * ({@link ExactKnn}, multi-threaded BLAS blocks), the fuzzy simplicial set ({@link FuzzyGraph}: smooth k-NN
 * distances, memberships, fuzzy union), a spectral start ({@link SpectralInit}), and the edge-sampling SGD
 * ({@link UmapLayout}) with the curve {@code 1 / (1 + a·d^{2b})} fitted to minDist and spread
 * ({@link UmapCurve}). Every point is laid out: a neighbour graph in several pieces is started piece by piece.
 * (Smile 3.1.1's UMAP kept only the "largest connected component" of a directed k-NN graph, found by a one-way
 * search — 862 of 5,000 MiniLM rows — and took 20 minutes for the whole vocabulary.)
 * The same points, seed and options give the same coordinates whatever the thread count: threads are used for
 * the neighbours and the memberships, whose results do not depend on scheduling; the layout runs on one thread.
 */
public final class Umap {

    /** How neighbours are measured: Euclidean (umap-learn's default) or cosine (angle, common for embeddings). */
    public enum Metric { EUCLIDEAN, COSINE }

    /**
     * The start of the layout: the graph's spectral embedding (umap-learn's default), the first principal
     * components of the vectors, or uniform noise — each scaled to ±10 as umap-learn does.
     */
    public enum Init { SPECTRAL, PCA, RANDOM }

    /** Called every {@link Options#reportEvery} epochs with fresh copies of the coordinates ({@code z} null in 2-D). */
    @FunctionalInterface
    public interface Listener {
        void onEpoch(int epoch, float[] x, float[] y, float[] z);
    }

    /**
     * @param k                 neighbours per point, counting the point itself (umap-learn's n_neighbors), ≥ 2
     * @param dimensions        2 or 3
     * @param epochs            optimisation epochs; 0 = 200 above 10,000 points, else 500 (as umap-learn)
     * @param learningRate      initial learning rate
     * @param minDist           minimum distance of points in the layout, in (0, spread]
     * @param spread            scale of the layout
     * @param negativeSamples   negative samples per positive edge
     * @param repulsionStrength weight of negative samples (γ)
     * @param seed              seeds the start and the negative samples
     * @param metric            neighbour distance
     * @param init              start of the layout
     * @param threads           worker threads for the neighbours and the fuzzy graph
     * @param reportEvery       listener period in epochs
     */
    public record Options(int k, int dimensions, int epochs, double learningRate, double minDist, double spread,
                          int negativeSamples, double repulsionStrength, long seed, Metric metric, Init init,
                          int threads, int reportEvery) {

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
            if (metric == null || init == null) {
                throw new IllegalArgumentException("metric and init must be given");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            if (reportEvery < 1) {
                throw new IllegalArgumentException("report interval must be at least 1: " + reportEvery);
            }
        }

        /** Euclidean neighbours, spectral start, all processors, a report every 10 epochs. */
        public Options(int k, int dimensions, int epochs, double learningRate, double minDist, double spread,
                       int negativeSamples, double repulsionStrength, long seed) {
            this(k, dimensions, epochs, learningRate, minDist, spread, negativeSamples, repulsionStrength, seed,
                    Metric.EUCLIDEAN, Init.SPECTRAL, Math.max(1, Runtime.getRuntime().availableProcessors()), 10);
        }

        /** umap-learn's defaults: 15 neighbours, minDist 0.1, spread 1, 5 negative samples, Euclidean. */
        public static Options defaults() {
            return new Options(15, 2, 0, 1.0, 0.1, 1.0, 5, 1.0, 42);
        }

        public Options withSeed(long s) {
            return new Options(k, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, s, metric, init, threads, reportEvery);
        }

        public Options withK(int kk) {
            return new Options(kk, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed, metric, init, threads, reportEvery);
        }

        public Options withDimensions(int d) {
            return new Options(k, d, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed, metric, init, threads, reportEvery);
        }

        public Options withEpochs(int e) {
            return new Options(k, dimensions, e, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed, metric, init, threads, reportEvery);
        }

        public Options withMetric(Metric m) {
            return new Options(k, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed, m, init, threads, reportEvery);
        }

        public Options withInit(Init i) {
            return new Options(k, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed, metric, i, threads, reportEvery);
        }

        public Options withThreads(int t) {
            return new Options(k, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed, metric, init, t, reportEvery);
        }

        public Options withReportEvery(int r) {
            return new Options(k, dimensions, epochs, learningRate, minDist, spread, negativeSamples,
                    repulsionStrength, seed, metric, init, threads, r);
        }

        int epochs(int n) {
            return epochs != 0 ? epochs : n > 10_000 ? 200 : 500;
        }

        /** The fewest points UMAP can lay out: k − 1 other points for every point, and more than the dimensions. */
        int minimumPoints() {
            return Math.max(k + 1, dimensions + 2);
        }
    }

    private Umap() {
    }

    public static Projection run(Points points, int[] ids, Options options) {
        return run(points, ids, options, null, null);
    }

    /**
     * Runs UMAP on {@code points} (row i belongs to {@code ids[i]}); every point gets coordinates.
     *
     * @param listener  progress callback, or null
     * @param cancelled polled every epoch; when true the run stops with a
     *                  {@link java.util.concurrent.CancellationException}
     */
    public static Projection run(Points points, int[] ids, Options options, Listener listener,
                                 BooleanSupplier cancelled) {
        int n = points.n();
        if (ids.length != n) {
            throw new IllegalArgumentException("ids must match points: " + ids.length + " ≠ " + n);
        }
        if (n < options.minimumPoints()) {
            throw new IllegalArgumentException(tooSmall(n, "points", options));
        }
        int dim = options.dimensions();
        int epochs = options.epochs(n);
        BooleanSupplier c = cancelled == null ? () -> false : cancelled;
        FuzzyGraph graph;
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            graph = graph(points, options, pool);
        } finally {
            pool.shutdown();
        }
        graph = graph.withoutWeakerThan(graph.maxWeight() / epochs);
        int[] label = graph.components();
        int pieces = 0;
        for (int l : label) {
            pieces = Math.max(pieces, l + 1);
        }
        Random random = new Random(options.seed());
        double[] y = start(points, graph, label, pieces, options, random);
        toBox(y, dim);
        UmapLayout layout = new UmapLayout(graph, dim, UmapCurve.fit(options.minDist(), options.spread()));
        UmapLayout.EpochListener relay = listener == null ? null : (epoch, coords) -> {
            float[][] xyz = split(coords, n, dim);
            listener.onEpoch(epoch, xyz[0], xyz[1], dim == 3 ? xyz[2] : null);
        };
        layout.optimise(y, epochs, options.learningRate(), options.negativeSamples(), options.repulsionStrength(),
                options.seed(), relay, options.reportEvery(), c);
        float[][] xyz = split(y, n, dim);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("k", Integer.toString(options.k()));
        params.put("dimensions", Integer.toString(dim));
        params.put("epochs", Integer.toString(epochs));
        params.put("minDist", Double.toString(options.minDist()));
        params.put("spread", Double.toString(options.spread()));
        params.put("metric", options.metric().name().toLowerCase(Locale.ROOT));
        params.put("init", options.init().name().toLowerCase(Locale.ROOT));
        params.put("seed", Long.toString(options.seed()));
        String note = pieces == 1 ? "" : String.format(Locale.ROOT, "the %d-NN graph falls into %,d separate groups, "
                + "each started on its own; all %,d points kept (distances between groups mean little)", options.k(),
                pieces, n);
        return new Projection(Projection.Method.UMAP, ids.clone(), xyz[0], xyz[1], dim == 3 ? xyz[2] : null,
                params, new double[0], Double.NaN, new int[0], note);
    }

    /** The fuzzy graph of the k nearest neighbours under the options' metric. */
    static FuzzyGraph graph(Points points, Options options, ForkJoinPool pool) {
        int n = points.n();
        int m = options.k() - 1;
        Points scan = options.metric() == Metric.COSINE ? unitRows(points) : points;
        ExactKnn knn = ExactKnn.of(scan, m, pool);
        float[] distance = new float[knn.distance2.length];
        for (int e = 0; e < distance.length; e++) {
            float d2 = knn.distance2[e];
            // unit rows: |a − b|² = 2 − 2cos, so the cosine distance 1 − cos is half of it
            distance[e] = options.metric() == Metric.COSINE ? d2 / 2 : (float) Math.sqrt(d2);
        }
        return FuzzyGraph.of(knn.index, distance, n, m, options.k(), pool);
    }

    /** The start, scaled so the largest coordinate is 10, plus noise of std 1e-4 (umap-learn's scaling). */
    static double[] start(Points points, FuzzyGraph graph, int[] label, int pieces, Options options, Random random) {
        int n = points.n();
        int dim = options.dimensions();
        double[] y;
        switch (options.init()) {
            case PCA -> {
                y = new double[n * dim];
                int axes = Math.min(dim, points.dim());
                double[][] pcs = Pca.fit(points, axes).transform(points, axes);
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < axes; t++) {
                        y[i * dim + t] = pcs[t][i];
                    }
                }
            }
            case RANDOM -> {
                y = new double[n * dim];
                for (int i = 0; i < y.length; i++) {
                    y[i] = 20 * random.nextDouble() - 10;
                }
            }
            default -> y = SpectralInit.layout(graph, label, pieces, points, dim, random);
        }
        double max = SpectralInit.maxAbs(y);
        double scale = max > 0 ? 10 / max : 1;
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] * scale + random.nextGaussian() * 1e-4;
        }
        return y;
    }

    /** Each axis moved and scaled onto [0, 10], as umap-learn does before the optimisation. */
    static void toBox(double[] y, int dim) {
        for (int t = 0; t < dim; t++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = t; i < y.length; i += dim) {
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
            double scale = hi > lo ? 10 / (hi - lo) : 0;
            for (int i = t; i < y.length; i += dim) {
                y[i] = (y[i] - lo) * scale;
            }
        }
    }

    private static Points unitRows(Points points) {
        int d = points.dim();
        float[] v = points.values().clone();
        for (int i = 0; i < points.n(); i++) {
            double s = 0;
            for (int t = 0; t < d; t++) {
                s += (double) v[i * d + t] * v[i * d + t];
            }
            if (s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int t = 0; t < d; t++) {
                    v[i * d + t] *= inv;
                }
            }
        }
        return new Points(v, points.n(), d);
    }

    private static float[][] split(double[] y, int n, int dim) {
        float[][] out = new float[dim][n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < dim; t++) {
                out[t][i] = (float) y[i * dim + t];
            }
        }
        return out;
    }

    static String tooSmall(int n, String what, Options options) {
        return "UMAP needs at least " + options.minimumPoints() + " " + what + " for k = " + options.k() + " in "
                + options.dimensions() + "-D (each point's " + (options.k() - 1) + " nearest others): " + n
                + "; lower k or project more points";
    }
}
