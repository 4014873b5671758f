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
 * PCA top-50; t-SNE at 5,000 rows, our Barnes-Hut vs Smile's exact TSNE (same init, perplexity, learning rate,
 * 1,000 iterations; both scored by the same exact KL); Barnes-Hut on the whole vocabulary. Run with -Xmx2g:
 * <pre>mvn -q -o -Dtokenlens.buildDir=/tmp/build-x -Dfixtures.skip test-compile exec:java
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.tokenlens.bench.ProjectionBench</pre>
 * or java -Xmx2g -cp target/test-classes:target/classes:… org.tokenlens.bench.ProjectionBench [skip-smile]
 */
public final class ProjectionBench {

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        boolean skipSmile = args.length > 0 && args[0].equals("skip-smile");
        try (EmbeddingModel model = new EmbeddingModels(new TokenizerRegistry()).load("all-MiniLM-L6-v2")) {
            Points all = Points.of(model.input(), Subset.all(model.input().rows()).ids());
            System.out.printf("MiniLM %d × %d, %d cores, max heap %d MB%n", all.n(), all.dim(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

            for (int rep = 0; rep < 3; rep++) {
                long w = System.nanoTime();
                long c = cpu();
                Pca.Model m = Pca.fit(all, 50);
                System.out.printf("PCA top-50 (covariance + syevd): %.3f s wall, %.3f s CPU; PC1 %.4f of variance%n",
                        (System.nanoTime() - w) / 1e9, (cpu() - c) / 1e9, m.explainedVarianceRatio()[0]);
            }
            long w0 = System.nanoTime();
            long c0 = cpu();
            Pca.Model sm = smilePca(all);
            System.out.printf("PCA top-50 (Smile PCA.fit, SVD): %.3f s wall, %.3f s CPU; PC1 %.4f%n",
                    (System.nanoTime() - w0) / 1e9, (cpu() - c0) / 1e9, sm.explainedVarianceRatio()[0]);

            int[] ids5k = Subset.top(5000, all.n()).ids();
            // rows 1,000–5,999 skip [unused*] slots, which are near-duplicates
            for (int i = 0; i < ids5k.length; i++) {
                ids5k[i] += 1000;
            }
            Points p5k = Points.of(model.input(), ids5k);
            Tsne.Options o = Tsne.Options.defaults().withThreads(2);
            Projection bh = timed("BH t-SNE 5,000", () -> Tsne.run(p5k, ids5k,
                    o.withAlgorithm(Tsne.Algorithm.BARNES_HUT), null, null));
            System.out.printf("  exact KL %.4f, %s%n", ExactKl.of(p5k, 30, bh), Quality.of(p5k, bh, 10, 1000, 1));
            if (!skipSmile) {
                Projection ex = timed("Smile exact TSNE 5,000", () -> Tsne.run(p5k, ids5k,
                        o.withAlgorithm(Tsne.Algorithm.EXACT), null, null));
                System.out.printf("  exact KL %.4f, %s%n", ExactKl.of(p5k, 30, ex),
                        Quality.of(p5k, ex, 10, 1000, 1));
            }
            Projection whole = timed("BH t-SNE whole vocabulary (1,000 iterations)", () -> Tsne.run(all,
                    Subset.all(all.n()).ids(), o, null, null));
            System.out.printf("  KL (sparse P) %.4f, %s%n", whole.klDivergence(),
                    Quality.of(all, whole, 10, 300, 1));
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

    private static Projection timed(String what, java.util.function.Supplier<Projection> run) {
        Runtime rt = Runtime.getRuntime();
        long w = System.nanoTime();
        long c = cpu();
        Projection p = run.get();
        System.gc();
        System.out.printf("%s: %.1f s wall, %.1f s CPU, KL %.4f, heap after %d MB%n", what,
                (System.nanoTime() - w) / 1e9, (cpu() - c) / 1e9, p.klDivergence(),
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        return p;
    }
}
