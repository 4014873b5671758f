package org.tokenlens.engine.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * t-SNE to 2-D: Smile's exact {@code TSNE} for small subsets, our {@link SparseTsne} for larger ones, its
 * repulsion from FFT interpolation ({@link FftRepulsion}) while the map is narrow and from a Barnes-Hut quadtree
 * ({@link BarnesHutRepulsion}) once it has spread ({@link HybridRepulsion}), or either throughout on request (see
 * the package notes for papers and defaults). The same points, seed and options give the same coordinates,
 * whatever the thread count: every parallel step writes per-point results that are then combined in a fixed
 * order.
 */
public final class Tsne {

    /**
     * Above this many points the exact method is not used: Smile's TSNE keeps three dense n × n double matrices
     * (24·n² bytes: 96 MB at 2,000, 600 MB at 5,000) and does O(n²) work per iteration.
     */
    public static final int EXACT_MAX_POINTS = 2_000;

    /**
     * {@code AUTO} once used the FFT repulsion alone above this many points (openTSNE's threshold) and
     * Barnes-Hut alone below. It now picks per iteration by a cost model ({@link HybridRepulsion}): the FFT
     * while the map is narrow (early exaggeration), Barnes-Hut once it has spread, at every n. Kept for callers
     * that quote it; nothing in the library reads it.
     */
    public static final int FFT_MIN_POINTS = 10_000;

    /**
     * Which optimiser: {@code AUTO} picks exact for small n when the schedule matches Smile's fixed one, and
     * otherwise our sparse t-SNE with the FFT or the Barnes-Hut repulsion chosen per iteration, whichever is
     * cheaper for the map's current extent ({@code "FFT / Barnes-Hut"} in the projection's parameters).
     * {@code BARNES_HUT} and {@code FFT} force one repulsion throughout.
     */
    public enum Algorithm { AUTO, EXACT, BARNES_HUT, FFT }

    /** Initial layout: the first two principal components scaled to std 1e-4, or Gaussian noise of that std. */
    public enum Init { PCA, RANDOM }

    /** Called every {@link Options#reportEvery} iterations with fresh copies of the coordinates. */
    @FunctionalInterface
    public interface Listener {
        void onIteration(int iteration, float[] x, float[] y, double klDivergence);
    }

    /**
     * @param perplexity             effective number of neighbours, in (1, n/3)
     * @param iterations             gradient steps, early exaggeration included
     * @param learningRate           step size; NaN = {@code max(n / earlyExaggeration / 4, 50)}
     * @param earlyExaggeration      factor on P during the first {@code exaggerationIterations}
     * @param exaggerationIterations length of the early phase (momentum 0.5 there, 0.8 after)
     * @param theta                  Barnes-Hut accuracy: a cell counts as one body when width / distance &lt; θ
     * @param seed                   seeds the random initialisation
     * @param init                   initial layout
     * @param algorithm              exact, Barnes-Hut, FFT or automatic
     * @param threads                worker threads for the sparse (Barnes-Hut / FFT) steps
     * @param reportEvery            listener and KL period in iterations
     */
    public record Options(double perplexity, int iterations, double learningRate, double earlyExaggeration,
                          int exaggerationIterations, double theta, long seed, Init init, Algorithm algorithm,
                          int threads, int reportEvery) {

        public Options {
            if (!(perplexity > 1)) {
                throw new IllegalArgumentException("perplexity must be in (1, n/3): " + perplexity);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1: " + iterations);
            }
            if (!Double.isNaN(learningRate) && !(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be positive (or NaN for auto): "
                        + learningRate);
            }
            if (!(earlyExaggeration >= 1)) {
                throw new IllegalArgumentException("early exaggeration must be at least 1: " + earlyExaggeration);
            }
            if (exaggerationIterations < 0 || exaggerationIterations > iterations) {
                throw new IllegalArgumentException("exaggeration iterations must be in [0, iterations]: "
                        + exaggerationIterations);
            }
            if (!(theta >= 0 && theta <= 1)) {
                throw new IllegalArgumentException("theta must be in [0, 1]: " + theta);
            }
            if (init == null || algorithm == null) {
                throw new IllegalArgumentException("init and algorithm must be given");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            if (reportEvery < 1) {
                throw new IllegalArgumentException("report interval must be at least 1: " + reportEvery);
            }
        }

        /** Perplexity 30, 1,000 iterations, auto learning rate, exaggeration 12 for 250, θ 0.5, PCA init. */
        public static Options defaults() {
            return new Options(30, 1000, Double.NaN, 12, 250, 0.5, 42, Init.PCA, Algorithm.AUTO,
                    Runtime.getRuntime().availableProcessors(), 50);
        }

        public Options withPerplexity(double p) {
            return new Options(p, iterations, learningRate, earlyExaggeration, exaggerationIterations, theta, seed,
                    init, algorithm, threads, reportEvery);
        }

        public Options withIterations(int n) {
            return new Options(perplexity, n, learningRate, earlyExaggeration, Math.min(exaggerationIterations, n),
                    theta, seed, init, algorithm, threads, reportEvery);
        }

        public Options withSeed(long s) {
            return new Options(perplexity, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    theta, s, init, algorithm, threads, reportEvery);
        }

        public Options withInit(Init i) {
            return new Options(perplexity, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    theta, seed, i, algorithm, threads, reportEvery);
        }

        public Options withAlgorithm(Algorithm a) {
            return new Options(perplexity, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    theta, seed, init, a, threads, reportEvery);
        }

        public Options withThreads(int t) {
            return new Options(perplexity, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    theta, seed, init, algorithm, t, reportEvery);
        }

        public Options withReportEvery(int r) {
            return new Options(perplexity, iterations, learningRate, earlyExaggeration, exaggerationIterations,
                    theta, seed, init, algorithm, threads, r);
        }

        /** The learning rate for n points (resolves NaN = auto). */
        public double learningRate(int n) {
            return Double.isNaN(learningRate) ? Math.max(n / earlyExaggeration / 4, 50) : learningRate;
        }

        /** Whether Smile's exact TSNE can follow these options: it hard-codes exaggeration 12 for 250. */
        boolean exactSchedule() {
            return earlyExaggeration == 12 && exaggerationIterations == Math.min(250, iterations);
        }
    }

    private Tsne() {
    }

    /**
     * Runs t-SNE on {@code points} (row i belongs to {@code ids[i]}).
     *
     * @param listener  progress callback, or null
     * @param cancelled polled every iteration; when true the run stops with a {@link CancellationException}
     */
    public static Projection run(Points points, int[] ids, Options options, Listener listener,
                                 BooleanSupplier cancelled) {
        int n = points.n();
        if (ids.length != n) {
            throw new IllegalArgumentException("ids must match points: " + ids.length + " ≠ " + n);
        }
        if (!(options.perplexity() < n / 3.0)) {
            throw new IllegalArgumentException("perplexity must be in (1, n/3): " + options.perplexity()
                    + " for n = " + n);
        }
        Listener l = listener == null ? (i, x, y, kl) -> { } : listener;
        BooleanSupplier c = cancelled == null ? () -> false : cancelled;
        Algorithm algorithm = options.algorithm();
        if (algorithm == Algorithm.AUTO) {
            algorithm = n <= EXACT_MAX_POINTS && options.exactSchedule() ? Algorithm.EXACT : Algorithm.AUTO;
        }
        boolean exact = algorithm == Algorithm.EXACT;
        if (exact && !options.exactSchedule()) {
            throw new IllegalArgumentException("the exact t-SNE (Smile) uses early exaggeration 12 for 250 "
                    + "iterations: " + options.earlyExaggeration() + " for " + options.exaggerationIterations());
        }
        double[] y;
        double kl;
        if (exact) {
            ExactTsne.Result r = ExactTsne.run(points, initialLayout(points, options), options, l, c);
            y = r.coordinates();
            kl = r.klDivergence();
        } else {
            Repulsion repulsion = switch (algorithm) {
                case FFT -> new FftRepulsion(options.threads());
                case BARNES_HUT -> new BarnesHutRepulsion(options.theta());
                default -> new HybridRepulsion(options.theta(), options.threads());
            };
            // the start layout (a PCA) is computed while the pool computes P
            y = new double[2 * n];
            kl = new SparseTsne(points, options, repulsion).run(y, into -> initialLayout(points, options, into),
                    listener, c);
        }
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) y[2 * i];
            ys[i] = (float) y[2 * i + 1];
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("algorithm", switch (algorithm) {
            case EXACT -> "exact (Smile)";
            case FFT -> "FFT (FIt-SNE)";
            case BARNES_HUT -> "Barnes-Hut";
            default -> "FFT / Barnes-Hut";
        });
        params.put("perplexity", Double.toString(options.perplexity()));
        params.put("iterations", Integer.toString(options.iterations()));
        params.put("learningRate", Double.toString(options.learningRate(n)));
        params.put("earlyExaggeration", Double.toString(options.earlyExaggeration()));
        params.put("exaggerationIterations", Integer.toString(options.exaggerationIterations()));
        if (algorithm != Algorithm.EXACT && algorithm != Algorithm.FFT) {
            params.put("theta", Double.toString(options.theta()));
        }
        params.put("init", options.init().name().toLowerCase(java.util.Locale.ROOT));
        params.put("seed", Long.toString(options.seed()));
        return new Projection(Projection.Method.TSNE, ids.clone(), xs, ys, null, params, new double[0], kl,
                new int[0], "");
    }

    /** Interleaved (x, y) start positions with standard deviation 1e-4 along the first axis. */
    static double[] initialLayout(Points points, Options options) {
        double[] y = new double[2 * points.n()];
        initialLayout(points, options, y);
        return y;
    }

    /** {@link #initialLayout(Points, Options)} written into {@code y} (2n values). */
    static void initialLayout(Points points, Options options, double[] y) {
        int n = points.n();
        if (options.init() == Init.PCA && points.dim() >= 2 && n > 2) {
            double[][] pcs = Pca.fit(points, 2).transform(points, 2);
            double sd = std(pcs[0]);
            double scale = sd > 0 ? 1e-4 / sd : 1;
            for (int i = 0; i < n; i++) {
                y[2 * i] = pcs[0][i] * scale;
                y[2 * i + 1] = pcs[1][i] * scale;
            }
        } else {
            Random random = new Random(options.seed());
            for (int i = 0; i < 2 * n; i++) {
                y[i] = random.nextGaussian() * 1e-4;
            }
        }
    }

    private static double std(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / v.length);
    }
}
