package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * Which rows of an embedding matrix to project, in display order, without duplicates.
 *
 * @param ids         row ids
 * @param description what was asked for, for titles and messages ({@code top:1000})
 */
public record Subset(int[] ids, String description) {

    /** The k nearest rows of a row, nearest first, the row itself excluded; supplied by the neighbours engine. */
    @FunctionalInterface
    public interface Neighbours {
        int[] nearest(int id, int k);
    }

    public Subset {
        if (ids.length == 0) {
            throw new IllegalArgumentException("subset is empty: " + description);
        }
    }

    /** Every row. */
    public static Subset all(int rows) {
        return new Subset(range(rows), "all");
    }

    /** Ids 0 … n−1 (tokenizers order vocabularies roughly by merge rank or frequency). */
    public static Subset top(int n, int rows) {
        if (n < 1) {
            throw new IllegalArgumentException("top:N needs N ≥ 1: " + n);
        }
        return new Subset(range(Math.min(n, rows)), "top:" + n);
    }

    /** Rows whose token piece (as the vocabulary spells it) contains a match of {@code regex}. */
    public static Subset regex(Tokenizer tokenizer, Pattern regex, int rows) {
        int limit = Math.min(rows, tokenizer.vocabSize());
        int[] out = new int[limit];
        int count = 0;
        for (int id = 0; id < limit; id++) {
            String piece = tokenizer.idToToken(id);
            if (piece != null && regex.matcher(piece).find()) {
                out[count++] = id;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no token matches regex:" + regex.pattern());
        }
        return new Subset(Arrays.copyOf(out, count), "regex:" + regex.pattern());
    }

    /** The given ids followed by the k nearest neighbours of each, duplicates removed. */
    public static Subset withNeighbours(int[] ids, int k, Neighbours neighbours, String description) {
        Set<Integer> seen = new LinkedHashSet<>();
        for (int id : ids) {
            seen.add(id);
        }
        if (k > 0) {
            for (int id : ids) {
                for (int n : neighbours.nearest(id, k)) {
                    seen.add(n);
                }
            }
        }
        return new Subset(seen.stream().mapToInt(Integer::intValue).toArray(), description);
    }

    /**
     * A plain Euclidean scan over all rows, for callers without the neighbours engine (the CLI): 30k × 384 per
     * query is a few milliseconds.
     */
    public static Neighbours euclidean(EmbeddingMatrix matrix) {
        return (id, k) -> {
            float[] q = matrix.row(id);
            float[] row = new float[matrix.dim()];
            int rows = matrix.rows();
            double[] dist = new double[rows];
            Integer[] order = new Integer[rows];
            for (int r = 0; r < rows; r++) {
                matrix.row(r, row);
                double s = 0;
                for (int c = 0; c < row.length; c++) {
                    double t = row[c] - q[c];
                    s += t * t;
                }
                dist[r] = r == id ? Double.POSITIVE_INFINITY : s;
                order[r] = r;
            }
            Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
            int[] out = new int[Math.min(k, rows - 1)];
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i];
            }
            return out;
        };
    }

    public int size() {
        return ids.length;
    }

    private static int[] range(int n) {
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        return ids;
    }
}
