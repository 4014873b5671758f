package org.tokenlens.engine.embed.ops;

/**
 * The result of a nearest-neighbour query: ids nearest first with their scores in the metric's terms (see
 * {@link Metric}). Parallel arrays, callers must not write into them.
 */
public record Neighbours(Metric metric, int[] ids, float[] scores) {
    public Neighbours {
        if (ids.length != scores.length) {
            throw new IllegalArgumentException("ids and scores differ in length");
        }
    }

    public int size() {
        return ids.length;
    }
}
