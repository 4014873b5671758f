package org.tokenlens.bench;

import java.lang.management.ManagementFactory;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.project.ExactKl;
import org.tokenlens.engine.project.Pca;
import org.tokenlens.engine.project.Points;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.project.Quality;
import org.tokenlens.engine.project.Subset;
import org.tokenlens.engine.project.Tsne;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * Projections side by side on MiniLM's word embeddings (30,522 × 384), wall and process CPU time:
 * PCA top-50; t-SNE on the whole vocabulary (AUTO, 1,000 iterations; its set-up alone: PCA init, exact k-NN,
 * P); t-SNE at 5,000 rows, ours (AUTO; FFT only with {@code fft}, also on the whole vocabulary with {@code fft-whole}, Barnes-Hut
 * only with {@code barnes-hut}; three
 * times with {@code repeat}) vs Smile's exact TSNE (same init, perplexity, learning rate, 1,000 iterations; all
 * scored by the same exact KL). {@code skip-whole}, {@code skip-smile}, {@code skip-pca} leave parts out. Run
 * with -Xmx2g and {@code --add-modules jdk.incubator.vector} (the Vector API Barnes-Hut kernel, decision 0008;
 * without it, or with {@code -Dtokenlens.simd=false}, the plain-Java kernel gives the same layouts more slowly):
 * <pre>mvn -q -o -Dtokenlens.buildDir=/tmp/build-x -Dfixtures.skip test-compile exec:java
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.tokenlens.bench.ProjectionBench</pre>
 * or java -Xmx2g --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:…
 * org.tokenlens.bench.ProjectionBench [skip-smile] [skip-pca] [skip-whole] [fft] [fft-whole] [barnes-hut] [repeat]
 */
public final class ProjectionBench {

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        java.util.List<String> flags = java.util.List.of(args);
        boolean skipSmile = flags.contains("skip-smile");
        boolean withBarnesHut = flags.contains("barnes-hut");
        boolean skipPca = flags.contains("skip-pca");
        boolean withFft = flags.contains("fft");
        boolean skipWhole = flags.contains("skip-whole");
        int repeats = flags.contains("repeat") ? 3 : 1;
        try (EmbeddingModel model = new EmbeddingModels(new TokenizerRegistry()).load("all-MiniLM-L6-v2")) {
            Points all = Points.of(model.input(), Subset.all(model.input().rows()).ids());
            System.out.printf("MiniLM %d × %d, %d cores, max heap %d MB%n", all.n(), all.dim(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            System.out.println("Vector API kernel: " + (!vectorApi
                    ? "no (jdk.incubator.vector not added)" : "false".equals(System.getProperty("tokenlens.simd"))
                    ? "no (-Dtokenlens.simd=false)" : "yes (jdk.incubator.vector)"));

            for (int rep = 0; rep < (skipPca ? 0 : 3); rep++) {
                long w = System.nanoTime();
                long c = cpu();
                Pca.Model m = Pca.fit(all, 50);
                System.out.printf("PCA top-50 (covariance + syevd): %.3f s wall, %.3f s CPU; PC1 %.4f of variance%n",
                        (System.nanoTime() - w) / 1e9, (cpu() - c) / 1e9, m.explainedVarianceRatio()[0]);
            }
            if (!skipPca) {
                long w0 = System.nanoTime();
                long c0 = cpu();
                Pca.Model sm = smilePca(all);
                System.out.printf("PCA top-50 (Smile PCA.fit, SVD): %.3f s wall, %.3f s CPU; PC1 %.4f%n",
                        (System.nanoTime() - w0) / 1e9, (cpu() - c0) / 1e9, sm.explainedVarianceRatio()[0]);
            }

            Tsne.Options o = Tsne.Options.defaults().withThreads(2);
            System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
            int[] allIds = Subset.all(all.n()).ids();
            if (!skipWhole) {
                timed("t-SNE whole vocabulary, set-up only (PCA init + exact k-NN + P + 1 iteration)",
                        () -> Tsne.run(all, allIds, o.withIterations(1), null, null));
                Projection whole = timed("t-SNE whole vocabulary, AUTO (1,000 iterations)",
                        () -> Tsne.run(all, allIds, o, null, null));
                System.out.printf("  KL (sparse P) %.4f, %s%n", whole.klDivergence(),
                        Quality.of(all, whole, 10, 300, 1));
                if (flags.contains("fft-whole")) {
                    Projection wholeFft = timed("t-SNE whole vocabulary, FFT only (1,000 iterations)",
                            () -> Tsne.run(all, allIds, o.withAlgorithm(Tsne.Algorithm.FFT), null, null));
                    System.out.printf("  KL (sparse P) %.4f, %s%n", wholeFft.klDivergence(),
                            Quality.of(all, wholeFft, 10, 300, 1));
                }
            }

            int[] ids5k = Subset.top(5000, all.n()).ids();
            // rows 1,000–5,999 skip [unused*] slots, which are near-duplicates
            for (int i = 0; i < ids5k.length; i++) {
                ids5k[i] += 1000;
            }
            Points p5k = Points.of(model.input(), ids5k);
            timed("t-SNE 5,000, set-up only (PCA init + exact k-NN + P + 1 iteration)",
                    () -> Tsne.run(p5k, ids5k, o.withIterations(1), null, null));
            double bestWall = Double.POSITIVE_INFINITY;
            double bestCpu = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < repeats; rep++) {
                Projection auto = timed("t-SNE 5,000, AUTO (FFT while narrow, then Barnes-Hut)",
                        () -> Tsne.run(p5k, ids5k, o, null, null));
                bestWall = Math.min(bestWall, lastWall);
                bestCpu = Math.min(bestCpu, lastCpu);
                System.out.printf("  exact KL %.4f, %s%n", ExactKl.of(p5k, 30, auto),
                        Quality.of(p5k, auto, 10, 1000, 1));
            }
            if (withFft) {
                Projection fft = timed("t-SNE 5,000, FFT only", () -> Tsne.run(p5k, ids5k,
                        o.withAlgorithm(Tsne.Algorithm.FFT), null, null));
                System.out.printf("  exact KL %.4f, %s%n", ExactKl.of(p5k, 30, fft),
                        Quality.of(p5k, fft, 10, 1000, 1));
            }
            if (withBarnesHut) {
                Projection bh = timed("t-SNE 5,000, Barnes-Hut only", () -> Tsne.run(p5k, ids5k,
                        o.withAlgorithm(Tsne.Algorithm.BARNES_HUT), null, null));
                System.out.printf("  exact KL %.4f, %s%n", ExactKl.of(p5k, 30, bh),
                        Quality.of(p5k, bh, 10, 1000, 1));
            }
            if (!skipSmile) {
                Projection ex = timed("Smile exact TSNE 5,000", () -> Tsne.run(p5k, ids5k,
                        o.withAlgorithm(Tsne.Algorithm.EXACT), null, null));
                System.out.printf("  exact KL %.4f, %s%n", ExactKl.of(p5k, 30, ex),
                        Quality.of(p5k, ex, 10, 1000, 1));
                System.out.printf("Smile's exact TSNE / ours (AUTO, best of %d) at 5,000: %.1f× wall, %.1f× CPU%n",
                        repeats, lastWall / bestWall, lastCpu / bestCpu);
            }
            System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static Pca.Model smilePca(Points p) {
        try {
            var m = Pca.class.getDeclaredMethod("fitWithSmilePca", Points.class, int.class);
            m.setAccessible(true);
            return (Pca.Model) m.invoke(null, p, 50);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wall and process CPU seconds of the last {@link #timed} run. */
    private static double lastWall;
    private static double lastCpu;

    /** Wall and process CPU time, and peak heap: the sum of the heap pools' peaks since the run began. */
    private static Projection timed(String what, java.util.function.Supplier<Projection> run) {
        System.gc();
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long w = System.nanoTime();
        long c = cpu();
        Projection p = run.get();
        double wall = (System.nanoTime() - w) / 1e9;
        double cpuS = (cpu() - c) / 1e9;
        lastWall = wall;
        lastCpu = cpuS;
        long peak = pools.stream().mapToLong(q -> q.getPeakUsage().getUsed()).sum();
        System.gc();
        System.out.printf("%s: %.2f s wall, %.2f s CPU, KL %.4f, peak heap %d MB, heap after GC %d MB "
                        + "(MemoryMXBean), max heap %d MB%n", what, wall, cpuS, p.klDivergence(), peak >> 20,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        return p;
    }
}
