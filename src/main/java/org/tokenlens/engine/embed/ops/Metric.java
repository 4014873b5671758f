package org.tokenlens.engine.embed.ops;

/**
 * How near two vectors are. Scores are reported in the metric's own terms: cosine similarity in [-1, 1] and dot
 * product (higher is nearer), Euclidean distance (lower is nearer). Results are always ordered nearest first, ties
 * broken by the lower id, so equal inputs give equal outputs on every run and thread count.
 */
public enum Metric {
    /** Cosine similarity; a zero vector has similarity 0 to everything (no direction to compare). */
    COSINE,
    /** Euclidean (L2) distance. */
    EUCLIDEAN,
    /** Dot product: what a model's output layer computes as logits. */
    DOT;

    /** Whether a higher score means nearer. */
    public boolean higherIsNearer() {
        return this != EUCLIDEAN;
    }

    /** Parse {@code cosine|euclidean|dot} (case-insensitive); the message lists the choices. */
    public static Metric parse(String name) {
        for (Metric m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "': use cosine, euclidean or dot");
    }
}
