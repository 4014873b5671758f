package org.tokenlens.app.map;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The points a {@link ScatterMap} shows: ids with projected coordinates, a category per point (its colour and
 * legend entry) and a label function id → text. Immutable and array-backed: a 100k-point vocabulary is a few
 * primitive arrays, never a node or an object per point. A new t-SNE iteration is {@link #withCoordinates},
 * which shares everything but the coordinates.
 */
public final class MapPoints {
    private static final MapPoints EMPTY = of(new int[0], new float[0], new float[0], null, List.of(), id -> "");

    private final int[] ids;
    private final float[] x;
    private final float[] y;
    private final byte[] categories;
    private final List<String> categoryNames;
    private final IntFunction<String> labels;
    private final IdLookup lookup;
    private final float minX;
    private final float minY;
    private final float maxX;
    private final float maxY;

    private MapPoints(int[] ids, float[] x, float[] y, byte[] categories, List<String> categoryNames,
                      IntFunction<String> labels, IdLookup lookup) {
        this.ids = ids;
        this.x = x;
        this.y = y;
        this.categories = categories;
        this.categoryNames = categoryNames;
        this.labels = labels;
        this.lookup = lookup;
        float x0 = Float.POSITIVE_INFINITY;
        float y0 = Float.POSITIVE_INFINITY;
        float x1 = Float.NEGATIVE_INFINITY;
        float y1 = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            float px = x[i];
            float py = y[i];
            if (Float.isFinite(px) && Float.isFinite(py)) {
                x0 = Math.min(x0, px);
                x1 = Math.max(x1, px);
                y0 = Math.min(y0, py);
                y1 = Math.max(y1, py);
            }
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
    }

    /**
     * Copies the arrays. {@code categories} may be null (all category 0); {@code categoryNames} are the legend
     * entries, index = category (empty: no legend). Points with a non-finite coordinate are kept but not drawn.
     */
    public static MapPoints of(int[] ids, float[] x, float[] y, byte[] categories, List<String> categoryNames,
                               IntFunction<String> labels) {
        int n = ids.length;
        if (x.length != n || y.length != n || (categories != null && categories.length != n)) {
            throw new IllegalArgumentException("ids, x, y and categories must have the same length: " + n + ", "
                    + x.length + ", " + y.length + ", " + (categories == null ? n : categories.length));
        }
        byte[] cats = categories == null ? new byte[n] : categories.clone();
        return new MapPoints(ids.clone(), x.clone(), y.clone(), cats, List.copyOf(categoryNames),
                Objects.requireNonNull(labels, "labels"), IdLookup.of(ids));
    }

    public static MapPoints empty() {
        return EMPTY;
    }

    /** The same points at new coordinates (the next t-SNE iteration); ids, categories and labels are shared. */
    public MapPoints withCoordinates(float[] newX, float[] newY) {
        if (newX.length != ids.length || newY.length != ids.length) {
            throw new IllegalArgumentException("expected " + ids.length + " coordinates, got " + newX.length
                    + " x and " + newY.length + " y");
        }
        return new MapPoints(ids, newX.clone(), newY.clone(), categories, categoryNames, labels, lookup);
    }

    public int size() {
        return ids.length;
    }

    public int id(int index) {
        return ids[index];
    }

    public float x(int index) {
        return x[index];
    }

    public float y(int index) {
        return y[index];
    }

    /** 0..255. */
    public int category(int index) {
        return categories[index] & 0xFF;
    }

    public List<String> categoryNames() {
        return categoryNames;
    }

    /** The text shown for an id (hover, path labels, exports). */
    public String label(int id) {
        String s = labels.apply(id);
        return s == null ? "" : s;
    }

    /** Index of the point with this id, or -1. */
    public int indexOf(int id) {
        return lookup.indexOf(id);
    }

    /** True when at least one point has finite coordinates. */
    public boolean hasBounds() {
        return minX <= maxX;
    }

    public float minX() {
        return minX;
    }

    public float minY() {
        return minY;
    }

    public float maxX() {
        return maxX;
    }

    public float maxY() {
        return maxY;
    }

    /** Points per category, for the legend. */
    public int[] categoryCounts() {
        int[] counts = new int[Math.max(categoryNames.size(), 1)];
        for (byte c : categories) {
            int k = c & 0xFF;
            if (k >= counts.length) {
                counts = Arrays.copyOf(counts, k + 1);
            }
            counts[k]++;
        }
        return counts;
    }

    /** id → index: sorted ids with their indices, binary searched (ids need not be dense or sorted). */
    private record IdLookup(int[] sortedIds, int[] indices) {
        static IdLookup of(int[] ids) {
            long[] packed = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                packed[i] = ((long) ids[i] << 32) | i;
            }
            Arrays.sort(packed);
            int[] sorted = new int[ids.length];
            int[] idx = new int[ids.length];
            for (int i = 0; i < packed.length; i++) {
                sorted[i] = (int) (packed[i] >> 32);
                idx[i] = (int) packed[i];
            }
            return new IdLookup(sorted, idx);
        }

        int indexOf(int id) {
            int k = Arrays.binarySearch(sortedIds, id);
            return k < 0 ? -1 : indices[k];
        }
    }
}
