package org.tokenlens.bench;

import java.util.Arrays;
import java.util.Random;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.embed.ops.Metric;
import org.tokenlens.engine.embed.ops.NearestNeighbours;

/**
 * k = 10 nearest-neighbour query latency over MiniLM's 30,522 × 384 token embeddings, each metric, p50/p99 over
 * 1,000 queries (random token ids, seeded), beside a naive double loop (row by row, sort of all scores) in the
 * same run. Target: ≤ 20 ms per query.
 * Run: {@code java -cp $(cat cp.txt):BUILD/classes:BUILD/test-classes org.tokenlens.bench.NeighboursBench}
 */
public final class NeighboursBench {
    private static final int QUERIES = 1_000;
    private static final int NAIVE_QUERIES = 100;

    private NeighboursBench() {
    }

    public static void main(String[] args) {
        try (EmbeddingModel model = new EmbeddingModels().load("all-MiniLM-L6-v2")) {
            EmbeddingMatrix m = model.input();
            System.out.printf("matrix %s: %d × %d, %d cores%n", m.source(), m.rows(), m.dim(),
                    Runtime.getRuntime().availableProcessors());
            Random random = new Random(1);
            int[] ids = random.ints(QUERIES, 0, m.rows()).toArray();
            NearestNeighbours nn = NearestNeighbours.of(m);
            long t0 = System.nanoTime();
            nn.ofId(0, 10, Metric.COSINE, true); // first cosine query computes and caches the row norms
            System.out.printf("first cosine query (row norms included): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            for (Metric metric : Metric.values()) {
                for (int w = 0; w < 200; w++) {
                    nn.ofId(ids[w], 10, metric, true); // warm-up
                }
                long[] times = new long[QUERIES];
                long checksum = 0;
                for (int q = 0; q < QUERIES; q++) {
                    long s = System.nanoTime();
                    checksum += nn.ofId(ids[q], 10, metric, true).ids()[0];
                    times[q] = System.nanoTime() - s;
                }
                report("ours  " + metric, times, checksum);
            }
            long[] naive = new long[NAIVE_QUERIES];
            long checksum = 0;
            for (int q = 0; q < NAIVE_QUERIES; q++) {
                long s = System.nanoTime();
                checksum += naiveCosine(m, ids[q])[0];
                naive[q] = System.nanoTime() - s;
            }
            report("naive COSINE (double loop + full sort)", naive, checksum);
        }
    }

    /** The obvious way: every row, cosine in double, sort every score, take 10. */
    private static int[] naiveCosine(EmbeddingMatrix m, int id) {
        float[] q = m.row(id);
        double qn = 0;
        for (float x : q) {
            qn += x * x;
        }
        double[] scores = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            float[] row = m.row(r);
            double dot = 0;
            double rn = 0;
            for (int c = 0; c < row.length; c++) {
                dot += q[c] * row[c];
                rn += row[c] * row[c];
            }
            scores[r] = dot / Math.sqrt(qn * rn);
        }
        Integer[] order = new Integer[m.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] top = new int[10];
        for (int i = 0, j = 0; j < 10; i++) {
            if (order[i] != id) {
                top[j++] = order[i];
            }
        }
        return top;
    }

    private static void report(String what, long[] times, long checksum) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s p50 %6.2f ms  p99 %6.2f ms  (n=%d, checksum %d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted.length, checksum);
    }
}
