package org.tokenlens.app.map;

/**
 * Which corner of the map the legend sits in: the one that hides the fewest points, a point of the sentence path
 * counting as {@link #PATH_WEIGHT} points. Fixed in the top right, the legend covered [CLS] and [SEP] of a PCA of
 * bert (its special tokens sit at that edge of the cloud). A corner is left only for one that hides less than half
 * as much, so the legend does not hop between corners as a t-SNE unfolds.
 */
enum LegendCorner {
    TOP_RIGHT, TOP_LEFT, BOTTOM_RIGHT, BOTTOM_LEFT;

    static final int PATH_WEIGHT = 1000;

    /** Left edge of a legend {@code lw} wide in a map {@code w} wide, {@code margin} from the side. */
    double x(double w, double lw, double margin) {
        return this == TOP_LEFT || this == BOTTOM_LEFT ? margin : Math.max(0, w - lw - margin);
    }

    double y(double h, double lh, double margin) {
        return this == TOP_LEFT || this == TOP_RIGHT ? margin : Math.max(0, h - lh - margin);
    }

    /**
     * @param current the corner it is in now (kept unless another hides less than half as much)
     * @return the corner for a legend {@code lw × lh} on a map {@code w × h}
     */
    static LegendCorner choose(MapPoints points, SentencePath path, MapTransform t, double w, double h, double lw,
                               double lh, double margin, LegendCorner current) {
        LegendCorner[] all = values();
        long[] cost = new long[all.length];
        if (t == null || points.size() == 0) {
            return current;
        }
        double[] x0 = new double[all.length];
        double[] y0 = new double[all.length];
        for (LegendCorner c : all) {
            x0[c.ordinal()] = c.x(w, lw, margin);
            y0[c.ordinal()] = c.y(h, lh, margin);
        }
        for (int i = 0; i < points.size(); i++) {
            addCost(cost, x0, y0, lw, lh, t.toScreenX(points.x(i)), t.toScreenY(points.y(i)), 1);
        }
        for (int k = 0; k < path.size(); k++) {
            int i = points.indexOf(path.id(k));
            if (i >= 0) {
                addCost(cost, x0, y0, lw, lh, t.toScreenX(points.x(i)), t.toScreenY(points.y(i)), PATH_WEIGHT);
            }
        }
        LegendCorner best = current;
        for (LegendCorner c : all) {
            if (cost[c.ordinal()] < cost[best.ordinal()]) {
                best = c;
            }
        }
        return 2 * cost[best.ordinal()] < cost[current.ordinal()] ? best : current;
    }

    private static void addCost(long[] cost, double[] x0, double[] y0, double lw, double lh, double sx, double sy,
                                int weight) {
        for (int c = 0; c < cost.length; c++) {
            if (sx >= x0[c] && sx <= x0[c] + lw && sy >= y0[c] && sy <= y0[c] + lh) {
                cost[c] += weight;
            }
        }
    }
}
