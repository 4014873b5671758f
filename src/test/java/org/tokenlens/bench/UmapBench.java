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
 * umap-learn as a peer (Python; not on CI): {@code dump=FILE} writes the whole matrix as little-endian float32
 * for {@code umap_learn_peer.py} (beside this class), and {@code peer=OUT.csv [first=F]} scores its x,y rows
 * (rows F… of MiniLM, 5,000 or all) by the same trustworthiness, then exits.
 */
public final class UmapBench {

    public static void main(String[] args) throws java.io.IOException {
        List<String> flags = List.of(args);
        int threads = flags.stream().filter(f -> f.startsWith("threads=")).map(f -> Integer.parseInt(f.substring(8)))
                .findFirst().orElse(Runtime.getRuntime().availableProcessors());
        Umap.Options o = Umap.Options.defaults().withThreads(threads);
        try (EmbeddingModel model = new EmbeddingModels(new TokenizerRegistry()).load("all-MiniLM-L6-v2")) {
            Points all = Points.of(model.input(), Subset.all(model.input().rows()).ids());
            String dump = value(flags, "dump=");
            if (dump != null) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(all.values().length * 4)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(all.values());
                java.nio.file.Files.write(java.nio.file.Path.of(dump), b.array());
                System.out.printf("wrote %d × %d float32 to %s%n", all.n(), all.dim(), dump);
                return;
            }
            String peer = value(flags, "peer=");
            if (peer != null) {
                scorePeer(model, peer, Integer.parseInt(java.util.Objects.requireNonNullElse(value(flags, "first="),
                        "1000")));
                return;
            }
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

    private static String value(List<String> flags, String prefix) {
        return flags.stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length())).findFirst()
                .orElse(null);
    }

    /** Trustworthiness of a peer's x,y rows for MiniLM rows first, first + 1, … (as many as the file has). */
    private static void scorePeer(EmbeddingModel model, String csv, int first) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(csv)).stream()
                .filter(l -> !l.isBlank()).toList();
        int n = lines.size();
        int[] ids = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            ids[i] = first + i;
            x[i] = Float.parseFloat(f[0]);
            y[i] = Float.parseFloat(f[1]);
        }
        Points p = Points.of(model.input(), ids);
        Projection pr = new Projection(Projection.Method.UMAP, ids, x, y, null, java.util.Map.of(), new double[0],
                Double.NaN, new int[0], "");
        System.out.printf("%s (rows %d–%d): %s%n", csv, first, first + n - 1,
                Quality.of(p, pr, 10, n > 10_000 ? 300 : 1000, 1));
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
