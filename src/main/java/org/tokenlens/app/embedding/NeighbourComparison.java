package org.tokenlens.app.embedding;

import org.tokenlens.app.map.MapPoints;
import org.tokenlens.engine.embed.ops.Metric;
import org.tokenlens.engine.embed.ops.Neighbours;

/**
 * A clicked point's nearest neighbours in the original space (cosine) beside those on the map (2-D Euclidean),
 * and how many of the first the projection kept among the second: what the projection distorts, one point at a
 * time. Both lists range over the projected points only, so a subset is compared with itself.
 *
 * @param originalIds     nearest first
 * @param originalScores  cosine similarity per original neighbour
 * @param projectedIds    nearest first on the map
 * @param projectedDist   2-D distance per projected neighbour
 * @param kept            how many original neighbours are also projected neighbours
 */
public record NeighbourComparison(int id, int[] originalIds, float[] originalScores, int[] projectedIds,
                                  float[] projectedDist, int kept) {

    public static final int K = 10;

    /** Share of the original neighbours the map kept, in [0, 1]. */
    public double keptShare() {
        return originalIds.length == 0 ? 0 : kept / (double) originalIds.length;
    }

    static NeighbourComparison of(EmbeddingSpace space, MapPoints points, int id) {
        int n = points.size();
        int k = Math.min(K, n - 1);
        int[] origIds;
        float[] origScores;
        if (n >= space.rows()) { // the whole vocabulary: the engine's exact search is the same set, and faster
            Neighbours nb = space.neighbours().ofId(id, k, Metric.COSINE, true);
            origIds = nb.ids();
            origScores = nb.scores();
        } else {
            float[] q = space.matrix().row(id);
            float[] row = new float[q.length];
            float[] cos = new float[n];
            double qn = norm(q);
            for (int i = 0; i < n; i++) {
                int other = points.id(i);
                if (other == id) {
                    cos[i] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                space.matrix().row(other, row);
                double dot = 0;
                for (int c = 0; c < q.length; c++) {
                    dot += q[c] * row[c];
                }
                double d = qn * norm(row);
                cos[i] = d == 0 ? 0 : (float) (dot / d);
            }
            int[] best = topK(cos, k, true);
            origIds = new int[best.length];
            origScores = new float[best.length];
            for (int j = 0; j < best.length; j++) {
                origIds[j] = points.id(best[j]);
                origScores[j] = cos[best[j]];
            }
        }
        int self = points.indexOf(id);
        float[] dist = new float[n];
        for (int i = 0; i < n; i++) {
            double dx = points.x(i) - points.x(self);
            double dy = points.y(i) - points.y(self);
            dist[i] = i == self ? Float.POSITIVE_INFINITY : (float) Math.hypot(dx, dy);
        }
        int[] near = topK(dist, k, false);
        int[] projIds = new int[near.length];
        float[] projDist = new float[near.length];
        for (int j = 0; j < near.length; j++) {
            projIds[j] = points.id(near[j]);
            projDist[j] = dist[near[j]];
        }
        int kept = 0;
        for (int a : origIds) {
            for (int b : projIds) {
                if (a == b) {
                    kept++;
                    break;
                }
            }
        }
        return new NeighbourComparison(id, origIds, origScores, projIds, projDist, kept);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        return Math.sqrt(s);
    }

    /** Indices of the k best values (ties by lower index); k is small, so selection beats sorting. */
    static int[] topK(float[] v, int k, boolean highest) {
        int[] out = new int[Math.max(0, k)];
        boolean[] taken = new boolean[v.length];
        for (int j = 0; j < out.length; j++) {
            int best = -1;
            for (int i = 0; i < v.length; i++) {
                if (!taken[i] && (best < 0 || (highest ? v[i] > v[best] : v[i] < v[best]))) {
                    best = i;
                }
            }
            taken[best] = true;
            out[j] = best;
        }
        return out;
    }
}
