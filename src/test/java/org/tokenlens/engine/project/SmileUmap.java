package org.tokenlens.engine.project;

import java.util.Map;
import smile.manifold.UMAP;
import smile.math.MathEx;

/**
 * Smile 3.1.1's UMAP as an independent peer for tests and benchmarks (our library no longer calls it): the rows
 * it keeps (its {@code index}) and their coordinates, as a Projection over those rows' ids.
 */
public final class SmileUmap {

    private SmileUmap() {
    }

    /** @return a 2-D projection of the rows Smile kept; {@code dropped} holds the ids of the rest */
    public static Projection run(Points points, int[] ids, int k, int epochs, long seed) {
        MathEx.setSeed(seed);
        UMAP u = UMAP.of(points.toDoubleRows(), k, 2, epochs, 1.0, 0.1, 1.0, 5, 1.0);
        int m = u.index.length;
        int[] kept = new int[m];
        float[] x = new float[m];
        float[] y = new float[m];
        boolean[] in = new boolean[ids.length];
        for (int r = 0; r < m; r++) {
            kept[r] = ids[u.index[r]];
            in[u.index[r]] = true;
            x[r] = (float) u.coordinates[r][0];
            y[r] = (float) u.coordinates[r][1];
        }
        int[] dropped = new int[ids.length - m];
        int d = 0;
        for (int i = 0; i < ids.length; i++) {
            if (!in[i]) {
                dropped[d++] = ids[i];
            }
        }
        return new Projection(Projection.Method.UMAP, kept, x, y, null, Map.of("index", ""), new double[0],
                Double.NaN, dropped, "");
    }

    /** Row numbers (into {@code ids}) of a projection's points, for projections over a subset of those ids. */
    public static int[] rowsOf(Projection p, int[] ids) {
        Map<Integer, Integer> row = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            row.put(ids[i], i);
        }
        return java.util.Arrays.stream(p.ids()).map(row::get).toArray();
    }

    /** The given rows of {@code p}, in that order. */
    public static Points rows(Points p, int[] rows) {
        float[] v = new float[rows.length * p.dim()];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(p.values(), rows[r] * p.dim(), v, r * p.dim(), p.dim());
        }
        return new Points(v, rows.length, p.dim());
    }

    /** Projection {@code p} restricted to {@code rows} (row numbers into p). */
    public static Projection restrict(Projection p, int[] rows) {
        int m = rows.length;
        int[] ids = new int[m];
        float[] x = new float[m];
        float[] y = new float[m];
        for (int r = 0; r < m; r++) {
            ids[r] = p.ids()[rows[r]];
            x[r] = p.x()[rows[r]];
            y[r] = p.y()[rows[r]];
        }
        return new Projection(p.method(), ids, x, y, null, Map.of(), new double[0], Double.NaN, new int[0], "");
    }
}
