package org.tokenlens.app.heatmap;

/**
 * The two colour maps of the design: a diverging blue–white–red map centred at 0 for signed values (ColorBrewer
 * RdBu, negative blue, positive red) and the sequential perceptual viridis map for magnitudes and similarities.
 * Each is a 257-entry ARGB table interpolated between published anchor colours.
 */
public enum ColorMap {
    /** ColorBrewer RdBu (11 classes), from −max (dark blue) through white at 0 to +max (dark red). */
    DIVERGING(0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b,
            0x67001f),
    /** matplotlib viridis at 0, 1/9, …, 1 (as in R's viridisLite). */
    VIRIDIS(0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725);

    /** Odd, so that the middle entry is exactly the centre (white at 0 for the diverging map). */
    public static final int SIZE = 257;

    private final int[] anchors;
    private final int[] table = new int[SIZE];

    ColorMap(int... anchors) {
        this.anchors = anchors;
        for (int i = 0; i < SIZE; i++) {
            table[i] = interpolate(i / (double) (SIZE - 1));
        }
    }

    /** True for the map centred at 0, whose scale is symmetric: [−max|v|, +max|v|]. */
    public boolean isDiverging() {
        return this == DIVERGING;
    }

    /** The colour at {@code t ∈ [0, 1]} from the table (t is clamped; NaN is mid-grey). */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return 0xff808080;
        }
        int i = (int) Math.round(t * (SIZE - 1));
        return table[i < 0 ? 0 : Math.min(i, SIZE - 1)];
    }

    /** The table itself, for renderers that index it directly (not a copy: do not write). */
    int[] table() {
        return table;
    }

    /**
     * The value range a matrix with extremes {@code min, max} is drawn over: symmetric about 0 for the diverging
     * map so that white always means 0, the data's own range for viridis. Never empty.
     */
    public float[] scale(float min, float max) {
        if (isDiverging()) {
            float m = Math.max(Math.abs(min), Math.abs(max));
            return m > 0 ? new float[] {-m, m} : new float[] {-1, 1};
        }
        return max > min ? new float[] {min, max} : new float[] {min - 0.5f, min + 0.5f};
    }

    private int interpolate(double t) {
        double x = t * (anchors.length - 1);
        int i = Math.min((int) Math.floor(x), anchors.length - 2);
        double f = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return 0xff000000 | channel(a, b, f, 16) << 16 | channel(a, b, f, 8) << 8 | channel(a, b, f, 0);
    }

    private static int channel(int a, int b, double f, int shift) {
        int ca = a >> shift & 0xff;
        int cb = b >> shift & 0xff;
        return (int) Math.round(ca + (cb - ca) * f);
    }
}
