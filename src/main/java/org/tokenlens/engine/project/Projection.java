package org.tokenlens.engine.project;

import java.util.Map;

/**
 * Where each projected token lands: {@code ids[i]} is drawn at {@code (x[i], y[i])} (and {@code z[i]} in 3-D).
 * Rows are in the order of the subset, minus any points a method dropped (those ids are in {@link #dropped}; none
 * of ours drops points — the field stays for projections read from elsewhere).
 *
 * @param method            how it was made
 * @param ids               token ids, one per point
 * @param x                 first coordinate
 * @param y                 second coordinate
 * @param z                 third coordinate, or null for 2-D
 * @param parameters        the options actually used (resolved defaults included), for display and the CSV header
 * @param explainedVariance PCA: share of total variance per component (descending); empty for other methods
 * @param klDivergence      t-SNE: final KL(P‖Q) in nats; NaN for other methods
 * @param dropped           ids of the subset that have no coordinates; empty for PCA, t-SNE and UMAP
 * @param note              a sentence for the user (e.g. UMAP's graph in separate pieces), or empty
 */
public record Projection(Method method, int[] ids, float[] x, float[] y, float[] z, Map<String, String> parameters,
                         double[] explainedVariance, double klDivergence, int[] dropped, String note) {

    public Projection {
        if (x.length != ids.length || y.length != ids.length || (z != null && z.length != ids.length)) {
            throw new IllegalArgumentException("coordinates must match ids: " + ids.length);
        }
        parameters = Map.copyOf(parameters);
    }

    public int size() {
        return ids.length;
    }

    public int dimensions() {
        return z == null ? 2 : 3;
    }

    /** The projection methods. */
    public enum Method { PCA, TSNE, UMAP }
}
