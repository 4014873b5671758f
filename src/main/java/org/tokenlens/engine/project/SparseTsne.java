package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * t-SNE in 2-D on a sparse P (van der Maaten 2014). Gradient of KL(P‖Q) for point i:
 * {@code 4 (Σⱼ pᵢⱼ wᵢⱼ (yᵢ − yⱼ) − Σⱼ wᵢⱼ² (yᵢ − yⱼ) / Z)} with {@code wᵢⱼ = 1 / (1 + |yᵢ − yⱼ|²)} and
 * {@code Z = Σ wᵢⱼ}: the attractive sum runs over the sparse P, each pair once ({@link Attraction}), the
 * repulsive sum and Z come from a {@link Repulsion} (Barnes-Hut quadtree or FFT).
 * Updates use momentum and per-coordinate gains (+0.2 when the step changes sign, ×0.8 otherwise, floor 0.01),
 * as in the reference implementation, and each point's step is clipped to {@link #MAX_STEP} as in openTSNE; the
 * layout is re-centred every step.
 */
final class SparseTsne {

    /** Longest step a point may take in one iteration (openTSNE's default {@code max_step_norm}). */
    static final double MAX_STEP = 5;
    /** Pieces the gradient step is cut into for the threads: a few per thread, each long enough for SIMD. */
    private static final int STEP_CHUNKS = 8;
    /**
     * Below this many points the gradient step runs on the calling thread (the same chunks in the same order, so
     * the same bits): ~60 µs at 5,000 points, where a round trip through the pool took 15–30 µs plus the chunks.
     */
    static final int PARALLEL_STEP_POINTS = 10_000;
    /** Row pieces of the KL sums (~877k log() calls at 5,000 points): fixed, so the value ignores the threads. */
    private static final int KL_CHUNKS = 8;

    private final int n;
    private final Tsne.Options options;
    private final Points points;
    private final Repulsion repulsion;

    private final Kernels kernels;

    SparseTsne(Points points, Tsne.Options options, Repulsion repulsion) {
        this(points, options, repulsion, Kernels.best());
    }

    /** With the given step kernels ({@link Kernels#SCALAR} or the Vector API ones: the same bits). */
    SparseTsne(Points points, Tsne.Options options, Repulsion repulsion, Kernels kernels) {
        this.n = points.n();
        this.options = options;
        this.points = points;
        this.repulsion = repulsion;
        this.kernels = kernels;
    }

    /**
     * Optimises {@code y} (interleaved x, y) in place; returns the final KL divergence in nats.
     *
     * @param listener progress callback, or null: then the KL is computed only at the end
     */
    double run(double[] y, Tsne.Listener listener, BooleanSupplier cancelled) {
        return run(y, start -> { }, listener, cancelled);
    }

    /**
     * As {@link #run(double[], Tsne.Listener, BooleanSupplier)}, with the start layout written into {@code y} by
     * {@code start} on this thread while the pool computes P (both after the k nearest neighbours, which a PCA
     * start's BLAS calls would compete with): the PCA start's single-threaded parts (eigen decomposition,
     * centring, projection) then share the machine with P's instead of leaving a core idle.
     */
    double run(double[] y, Consumer<double[]> start, Tsne.Listener listener, BooleanSupplier cancelled) {
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            int k = Math.min(n - 1, (int) (3 * options.perplexity()));
            ExactKnn knn = ExactKnn.of(points, k, pool);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("t-SNE cancelled before the first iteration");
            }
            ForkJoinTask<Affinities> affinities = pool.submit(() -> Affinities.of(knn, n, options.perplexity(),
                    pool));
            start.accept(y);
            Affinities p = affinities.join();
            // the iterations run as one task of the pool: its joins then run queued pieces (or wait) on a worker
            // instead of parking this thread and waking it twice per iteration, and the work is shared by
            // options.threads() threads, not one more than that
            double[] kl = new double[1];
            Throwable[] failure = new Throwable[1];
            pool.submit(() -> {
                try {
                    kl[0] = optimise(p, y, listener, cancelled, pool);
                } catch (RuntimeException | Error e) {
                    failure[0] = e;
                }
            }).join();
            if (failure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
            return kl[0];
        } finally {
            pool.shutdownNow();
        }
    }

    private double optimise(Affinities p, double[] y, Tsne.Listener listener, BooleanSupplier cancelled,
                            ForkJoinPool pool) {
        double eta = options.learningRate(n);
        // every per-point array is kept in the Morton order of the start layout for the whole run (P's neighbours
        // sit close together in it, and so, mostly, do the tree's): yr[2k], yr[2k+1] is point order[k]; y (the
        // caller's order) is written back for the KL, the listener and at the end
        QuadTree start = new QuadTree();
        start.build(y, n);
        int[] order = Arrays.copyOf(start.order, n);
        double[] yr = new double[2 * n];
        for (int k = 0; k < n; k++) {
            yr[2 * k] = y[2 * order[k]];
            yr[2 * k + 1] = y[2 * order[k] + 1];
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double[] repel = new double[2 * n];
        float[] attracts = new float[2 * n];
        double[] grads = new double[2 * n];
        Attraction attraction = new Attraction(p, order, pool);
        int iterations = options.iterations();
        double pLogP = pLogP(p, pool);
        Crew crew = null;
        try {
            for (int iter = 0; iter < iterations; iter++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("t-SNE cancelled at iteration " + iter);
                }
                boolean early = iter < options.exaggerationIterations();
                double exaggeration = early ? options.earlyExaggeration() : 1;
                double momentum = early ? 0.5 : 0.8;
                boolean report = listener != null
                        && ((iter + 1) % options.reportEvery() == 0 || iter == iterations - 1);
                if (!report) {
                    if (crew == null) {
                        crew = new Crew(attraction, eta, yr, repel, attracts, grads, gains, update, pool);
                    }
                    crew.iterate(repulsion.tree(yr, n), exaggeration, momentum);
                    centre(yr);
                    continue;
                }
                // a report needs the KL at this iteration's Z, between the forces and the step: the pool's way,
                // the attractive sums on the pool while this thread computes the repulsion
                if (crew != null) {
                    crew.stop();
                    crew = null;
                }
                ForkJoinTask<?> attracted = pool.submit(() -> {
                    attraction.computeRanked(yr, pool);
                    attraction.totalsRanked(0, 2 * n, attracts);
                });
                double z = repulsion.compute(yr, n, repel, pool);
                attracted.join();
                unpermute(yr, order, y);
                double kl = klDivergence(p, y, z, pLogP, pool);
                if (n < PARALLEL_STEP_POINTS) {
                    // a few tens of µs of work: waking the pool's threads and joining them costs about as much
                    for (int chunk = 0; chunk < STEP_CHUNKS; chunk++) {
                        step(chunk, exaggeration, z, momentum, eta, yr, repel, attracts, grads, gains, update);
                    }
                } else {
                    pool.submit(() -> IntStream.range(0, STEP_CHUNKS).parallel().forEach(chunk -> step(chunk,
                            exaggeration, z, momentum, eta, yr, repel, attracts, grads, gains, update))).join();
                }
                centre(yr);
                unpermute(yr, order, y);
                emit(iter + 1, y, kl, listener);
            }
            if (crew != null) {
                crew.stop();
                crew = null;
            }
        } finally {
            if (crew != null) {
                crew.stopQuietly();
            }
        }
        // KL of the finished layout: one more pass for Z at the final positions
        double z = repulsion.compute(yr, n, repel, pool);
        unpermute(yr, order, y);
        return klDivergence(p, y, z, pLogP, pool);
    }

    /**
     * The pool's threads on the iterations without a report: the caller and {@code threads − 1} helpers, pool tasks
     * that stay for a run of such iterations and wait between them spinning (then yielding), not parked (waking a
     * parked worker took ~40–60 µs of each ~1.2 ms iteration). An iteration is one {@link Lanes}: the lanes take tasks in turn —
     * first the repulsion (with a tree, its serial build; otherwise the whole {@link Repulsion#compute}, which
     * forks on the pool itself), the attraction's ranges meanwhile, then the tree's blocks, so that the
     * fine-grained blocks, not the ~0.15 ms ranges, fill the end of the phase; the lane that finishes the last
     * task adds up Z, and then all take the gradient step's chunks. (Before, the attraction ran as a pool task of
     * its own next to the repulsion: during the FFT iterations the caller, done with the FFT, waited ~0.6 ms of
     * each ~1.1 ms iteration for it instead of taking ranges.) Every task writes its own arrays as in
     * {@link Repulsion#compute}, {@link Attraction} and {@link #step}, so the result is the same bits whatever
     * the thread count (the caller centres the layout between iterations).
     */
    private final class Crew {

        /** Waiting this long without an iteration, a helper naps instead ({@link #NAP_NANOS} at a time). */
        private static final long SPIN_NANOS = 1_000_000;
        private static final long NAP_NANOS = 50_000;

        private final Attraction attraction;
        private final double eta;
        private final double[] yr;
        private final double[] repel;
        private final float[] attracts;
        private final double[] grads;
        private final double[] gains;
        private final double[] update;
        private final ForkJoinPool pool;
        private final ForkJoinTask<?>[] helpers;
        /** The iteration in progress or last finished, null before the first. */
        private volatile Lanes current;
        private volatile boolean stopped;

        Crew(Attraction attraction, double eta, double[] yr, double[] repel, float[] attracts, double[] grads,
             double[] gains, double[] update, ForkJoinPool pool) {
            this.attraction = attraction;
            this.eta = eta;
            this.yr = yr;
            this.repel = repel;
            this.attracts = attracts;
            this.grads = grads;
            this.gains = gains;
            this.update = update;
            this.pool = pool;
            helpers = new ForkJoinTask<?>[pool.getParallelism() - 1];
            for (int t = 0; t < helpers.length; t++) {
                helpers[t] = pool.submit(this::help);
            }
        }

        /**
         * One iteration on this thread and the helpers; returns once every step chunk is done.
         *
         * @param tree the Barnes-Hut repulsion to run block by block, or null to call {@link #repulsion} whole
         */
        void iterate(BarnesHutRepulsion tree, double exaggeration, double momentum) {
            attraction.load(yr);
            Lanes s = new Lanes(tree, exaggeration, momentum);
            current = s;
            lane(s);
            long since = System.nanoTime();
            while (s.stepsDone.get() < STEP_CHUNKS) {
                if (s.failed) {
                    stop();
                    throw new IllegalStateException("a t-SNE lane failed");
                }
                pause(since);
            }
        }

        /** A helper: every new iteration's lane, spinning in between (napping after a long wait) until stopped. */
        private void help() {
            Lanes seen = null;
            long idleSince = System.nanoTime();
            int spins = 0;
            while (!stopped) {
                Lanes s = current;
                if (s != seen) {
                    seen = s;
                    lane(s);
                    idleSince = System.nanoTime();
                    spins = 0;
                } else if ((++spins & 255) != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
                    pause(idleSince);
                } else {
                    LockSupport.parkNanos(this, NAP_NANOS);
                }
            }
        }

        /** Ends the helpers' tasks (rethrowing a helper's failure). */
        void stop() {
            stopped = true;
            for (ForkJoinTask<?> h : helpers) {
                h.join();
            }
        }

        /** As {@link #stop}, for a run that is failing already: the helpers' own failures are dropped. */
        void stopQuietly() {
            stopped = true;
            for (ForkJoinTask<?> h : helpers) {
                h.quietlyJoin();
            }
        }

        private void lane(Lanes s) {
            try {
                int parts = Attraction.PARTS;
                BarnesHutRepulsion tree = s.tree;
                for (int t = s.claim.getAndIncrement(); ; t = s.claim.getAndIncrement()) {
                    if (t == 0 && tree == null) {
                        s.z = repulsion.compute(yr, n, repel, pool);
                        s.blocks = 0;
                    } else if (t == 0) {
                        tree.prepare(yr, n);
                        s.blocks = tree.blocks();
                    } else if (t <= parts) {
                        attraction.part(t - 1);
                    } else {
                        // a block before the tree is built can only be claimed once every range is: wait for it
                        int blocks = s.blocks;
                        long since = System.nanoTime();
                        while (blocks < 0) {
                            if (s.failed) {
                                return;
                            }
                            pause(since);
                            blocks = s.blocks;
                        }
                        if (t > parts + blocks) {
                            break;
                        }
                        tree.block(t - 1 - parts);
                    }
                    int done = s.done.incrementAndGet();
                    int blocks = s.blocks;
                    if (blocks >= 0 && done == 1 + parts + blocks) {
                        if (tree != null) {
                            s.z = tree.finish(n, repel);
                        }
                        s.forcesDone = true;
                    }
                }
                long since = System.nanoTime();
                while (!s.forcesDone) {
                    if (s.failed) {
                        return;
                    }
                    pause(since);
                }
                double z = s.z;
                for (int chunk = s.stepClaim.getAndIncrement(); chunk < STEP_CHUNKS;
                     chunk = s.stepClaim.getAndIncrement()) {
                    attraction.totalsRanked(2 * chunkStart(chunk), 2 * chunkStart(chunk + 1), attracts);
                    step(chunk, s.exaggeration, z, s.momentum, eta, yr, repel, attracts, grads, gains, update);
                    s.stepsDone.incrementAndGet();
                }
            } catch (RuntimeException | Error e) {
                s.failed = true;
                throw e;
            }
        }
    }

    /** What the lanes of one {@link Crew#iterate} share. */
    private static final class Lanes {
        /** Null: the repulsion computed whole as task 0. */
        final BarnesHutRepulsion tree;
        final double exaggeration;
        final double momentum;
        /** Next force task: 0 the repulsion (or the tree), 1…PARTS the attraction's ranges, then the blocks. */
        final AtomicInteger claim = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger stepClaim = new AtomicInteger();
        final AtomicInteger stepsDone = new AtomicInteger();
        /** The tree's block count once it is built (0 without a tree), -1 before. */
        volatile int blocks = -1;
        /** Z, valid once {@link #forcesDone}. */
        double z;
        volatile boolean forcesDone;
        volatile boolean failed;

        Lanes(BarnesHutRepulsion tree, double exaggeration, double momentum) {
            this.tree = tree;
            this.exaggeration = exaggeration;
            this.momentum = momentum;
        }
    }

    /**
     * Spinning this long in a wait, a lane yields its core instead: to the JIT's compiler threads while a JVM warms
     * up, and to other jobs on a loaded machine, which otherwise wait for the end of a spinning thread's time slice.
     */
    private static final long YIELD_AFTER_NANOS = 20_000;

    /** One round of a wait that began at {@code since} ({@link System#nanoTime}): a spin, or a yield once long. */
    private static void pause(long since) {
        if (System.nanoTime() - since < YIELD_AFTER_NANOS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** First point of a step chunk. */
    private int chunkStart(int chunk) {
        return (int) ((long) n * chunk / STEP_CHUNKS);
    }

    /**
     * One chunk of the points' gradient step: gradients, gains and momentum updates as element-wise passes over the
     * chunk's coordinates ({@code attracts} holds the attractive totals), then each point's step clipped to
     * {@link #MAX_STEP} and taken. Chunks are fixed by n, and every value depends on its own coordinate (or point)
     * alone, so the thread count changes nothing.
     */
    private void step(int chunk, double exaggeration, double z, double momentum, double eta, double[] yr,
                      double[] repel, float[] attracts, double[] grads, double[] gains, double[] update) {
        int k0 = chunkStart(chunk);
        int k1 = chunkStart(chunk + 1);
        int c0 = 2 * k0;
        int c1 = 2 * k1;
        for (int c = c0; c < c1; c++) {
            grads[c] = 4 * (attracts[c] * exaggeration - repel[c] / z);
        }
        kernels.gains(grads, update, gains, c0, c1, momentum, eta);
        for (int k = k0; k < k1; k++) {
            double ux = update[2 * k];
            double uy = update[2 * k + 1];
            // openTSNE's max_step_norm: without it, whole-vocabulary runs flung a few points ~900 units out
            // in the first 25 iterations, which also stretches the FFT grid over empty space. The square root
            // only for steps past MAX_STEP² (√ is monotonic and √25 = 5 exactly: the same steps clipped)
            double norm2 = ux * ux + uy * uy;
            if (norm2 > MAX_STEP * MAX_STEP) {
                double norm = Math.sqrt(norm2);
                if (norm > MAX_STEP) {
                    ux *= MAX_STEP / norm;
                    uy *= MAX_STEP / norm;
                    update[2 * k] = ux;
                    update[2 * k + 1] = uy;
                }
            }
            yr[2 * k] += ux;
            yr[2 * k + 1] += uy;
        }
    }

    /** {@code y[2·order[k]…] = yr[2k…]}: back to the caller's order. */
    private static void unpermute(double[] yr, int[] order, double[] y) {
        for (int k = 0; k < order.length; k++) {
            y[2 * order[k]] = yr[2 * k];
            y[2 * order[k] + 1] = yr[2 * k + 1];
        }
    }

    /** Σ pᵢⱼ log pᵢⱼ over the stored P: the part of the KL that does not move. */
    static double pLogP(Affinities p, ForkJoinPool pool) {
        double[] parts = new double[KL_CHUNKS];
        pool.submit(() -> IntStream.range(0, KL_CHUNKS).parallel().forEach(chunk -> {
            double s = 0;
            for (int e = p.rowStart[rowOf(p, chunk)]; e < p.rowStart[rowOf(p, chunk + 1)]; e++) {
                double pij = p.p[e];
                if (pij > 0) {
                    s += pij * Math.log(pij);
                }
            }
            parts[chunk] = s;
        })).join();
        return sum(parts);
    }

    /**
     * Σ pᵢⱼ log(pᵢⱼ / qᵢⱼ) over the stored P, with qᵢⱼ = wᵢⱼ / Z (P unexaggerated, summing to 1):
     * {@code Σ p log p + Σ p log(1 + d²) + log Z · Σ p}. Rows in {@link #KL_CHUNKS} fixed pieces summed in
     * order, so the value ignores the thread count.
     */
    static double klDivergence(Affinities p, double[] y, double z, double pLogP, ForkJoinPool pool) {
        double[] kls = new double[KL_CHUNKS];
        double[] masses = new double[KL_CHUNKS];
        pool.submit(() -> IntStream.range(0, KL_CHUNKS).parallel().forEach(chunk -> {
            double kl = 0;
            double mass = 0;
            for (int i = rowOf(p, chunk); i < rowOf(p, chunk + 1); i++) {
                for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                    int j = p.column[e];
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double pij = p.p[e];
                    if (pij > 0) {
                        kl += pij * Math.log1p(dx * dx + dy * dy);
                        mass += pij;
                    }
                }
            }
            kls[chunk] = kl;
            masses[chunk] = mass;
        })).join();
        return pLogP + sum(kls) + Math.log(z) * sum(masses);
    }

    /** First row of a KL piece. */
    private static int rowOf(Affinities p, int chunk) {
        return (int) ((long) p.n * chunk / KL_CHUNKS);
    }

    private static double sum(double[] parts) {
        double s = 0;
        for (double v : parts) {
            s += v;
        }
        return s;
    }

    private void centre(double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }

    private void emit(int iteration, double[] y, double kl, Tsne.Listener listener) {
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) y[2 * i];
            ys[i] = (float) y[2 * i + 1];
        }
        listener.onIteration(iteration, xs, ys, kl);
    }
}
