package org.tokenlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Supplier;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.project.Points;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.project.Quality;
import org.tokenlens.engine.project.SmileUmap;
import org.tokenlens.engine.project.Subset;
import org.tokenlens.engine.project.Umap;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * UMAP side by side on MiniLM's word embeddings (30,522 × 384), k = 15, seed 42, wall and process CPU time and
 * peak heap: ours vs Smile 3.1.1's {@code UMAP.of} at 5,000 rows (rows 1,000–5,999, as ProjectionBench's t-SNE;
 * {@code first} also rows 0–4,999, the rows of BENCHMARKS.md's Smile table) — points kept and trustworthiness at
 * k = 10 on the rows each kept (and ours on Smile's rows) — then ours alone on the whole vocabulary (Smile's is
 * known: 1,184 s wall; not rerun). {@code skip-smile}, {@code skip-whole}, {@code cosine} (ours with cosine
 * neighbours too), {@code threads=N} (ours; default all processors).
 * <pre>bash .ci/bench UmapBench [first] [skip-smile] [skip-whole] [cosine] [threads=N]</pre>
 */
public final class UmapBench {

    public static void main(String[] args) {
        List<String> flags = List.of(args);
        int threads = flags.stream().filter(f -> f.startsWith("threads=")).map(f -> Integer.parseInt(f.substring(8)))
                .findFirst().orElse(Runtime.getRuntime().availableProcessors());
        Umap.Options o = Umap.Options.defaults().withThreads(threads);
        try (EmbeddingModel model = new EmbeddingModels(new TokenizerRegistry()).load("all-MiniLM-L6-v2")) {
            Points all = Points.of(model.input(), Subset.all(model.input().rows()).ids());
            System.out.printf("MiniLM %d × %d, %d cores, ours on %d threads, max heap %d MB%n", all.n(), all.dim(),
                    Runtime.getRuntime().availableProcessors(), threads, Runtime.getRuntime().maxMemory() >> 20);
            for (int first : flags.contains("first") ? new int[] {1000, 0} : new int[] {1000}) {
                int[] ids = new int[5000];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = first + i;
                }
                Points p = Points.of(model.input(), ids);
                String rows = "rows " + first + "–" + (first + 4999);
                Projection ours = timed("ours 5,000 (" + rows + "), Euclidean", () -> Umap.run(p, ids, o));
                System.out.printf("  kept %d of 5,000; %s%n", ours.size(), Quality.of(p, ours, 10, 1000, 1));
                if (flags.contains("cosine")) {
                    Projection cos = timed("ours 5,000 (" + rows + "), cosine",
                            () -> Umap.run(p, ids, o.withMetric(Umap.Metric.COSINE)));
                    System.out.printf("  kept %d of 5,000; %s%n", cos.size(), Quality.of(p, cos, 10, 1000, 1));
                }
                if (!flags.contains("skip-smile")) {
                    Projection smile = timed("Smile UMAP.of 5,000 (" + rows + ")",
                            () -> SmileUmap.run(p, ids, 15, 500, 42));
                    int[] kept = SmileUmap.rowsOf(smile, ids);
                    Points keptPoints = SmileUmap.rows(p, kept);
                    System.out.printf("  kept %d of 5,000; on its kept rows: Smile %s%n", smile.size(),
                            Quality.of(keptPoints, smile, 10, 1000, 1));
                    System.out.printf("  ours on Smile's kept rows: %s%n",
                            Quality.of(keptPoints, SmileUmap.restrict(ours, kept), 10, 1000, 1));
                }
            }
            if (!flags.contains("skip-whole")) {
                int[] allIds = Subset.all(all.n()).ids();
                timed("ours whole vocabulary, set-up only (k-NN + fuzzy graph + spectral start + 10 epochs)",
                        () -> Umap.run(all, allIds, o.withEpochs(10)));
                Projection whole = timed("ours whole vocabulary (200 epochs)", () -> Umap.run(all, allIds, o));
                System.out.printf("  kept %d of %d; note '%s'; %s%n", whole.size(), all.n(), whole.note(),
                        Quality.of(all, whole, 10, 300, 1));
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Wall and process CPU time, peak heap (sum of the heap pools' peaks during the run) and the load average. */
    private static Projection timed(String what, Supplier<Projection> run) {
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(q -> q.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long w = System.nanoTime();
        long c = cpu();
        Projection p = run.get();
        double wall = (System.nanoTime() - w) / 1e9;
        double cpuS = (cpu() - c) / 1e9;
        long peak = pools.stream().mapToLong(q -> q.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: %.1f s wall, %.1f s CPU, peak heap %d MB, load %.2f → %.2f%n", what, wall, cpuS,
                peak >> 20, load0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return p;
    }
}
