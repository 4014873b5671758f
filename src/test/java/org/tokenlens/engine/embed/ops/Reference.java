package org.tokenlens.engine.embed.ops;

import java.util.Arrays;
import java.util.Comparator;

/** Brute force in double precision: the independent computation the fast paths are checked against. */
final class Reference {
    private Reference() {
    }

    static double score(float[] a, float[] b, Metric metric) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double dist = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
            double d = (double) a[i] - b[i];
            dist += d * d;
        }
        return switch (metric) {
            case DOT -> dot;
            case EUCLIDEAN -> Math.sqrt(dist);
            case COSINE -> na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
        };
    }

    /** Every candidate's score against the query. */
    static double[] scores(float[][] rows, float[] query, Metric metric) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = score(query, rows[i], metric);
        }
        return out;
    }

    /** Ids of all candidates, nearest first, ties by lower id. */
    static Integer[] order(double[] scores, Metric metric) {
        Integer[] ids = new Integer[scores.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> scores[i]);
        if (metric.higherIsNearer()) {
            byScore = byScore.reversed();
        }
        Arrays.sort(ids, byScore.thenComparingInt(i -> i));
        return ids;
    }

    /** Whether score x is nearer than (or as near as, within tol) score y. */
    static boolean nearerOrTied(double x, double y, Metric metric, double tol) {
        return metric.higherIsNearer() ? x >= y - tol : x <= y + tol;
    }
}
