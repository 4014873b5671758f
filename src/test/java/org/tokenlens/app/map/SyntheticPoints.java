package org.tokenlens.app.map;

import java.util.List;
import java.util.Random;

/** Clustered test points: Gaussian blobs of different sizes, one category per blob, plus a sprinkle of noise. */
public final class SyntheticPoints {
    public static final List<String> CATEGORIES = List.of(
            "leading space", "continuation", "punctuation", "digits", "CJK", "byte", "special", "other");

    private SyntheticPoints() {
    }

    public static MapPoints clustered(int n, long seed) {
        Random random = new Random(seed);
        int clusters = 24;
        double[] cx = new double[clusters];
        double[] cy = new double[clusters];
        double[] spread = new double[clusters];
        byte[] clusterCategory = new byte[clusters];
        for (int c = 0; c < clusters; c++) {
            cx[c] = random.nextGaussian() * 30;
            cy[c] = random.nextGaussian() * 20;
            spread[c] = 1 + random.nextDouble() * 5;
            clusterCategory[c] = (byte) (c % CATEGORIES.size());
        }
        int[] ids = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        byte[] categories = new byte[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            if (random.nextInt(20) == 0) {
                x[i] = (float) (random.nextDouble() * 160 - 80);
                y[i] = (float) (random.nextDouble() * 110 - 55);
                categories[i] = 7;
            } else {
                int c = (int) Math.min(clusters - 1, Math.abs(random.nextGaussian()) * clusters / 2.5);
                x[i] = (float) (cx[c] + random.nextGaussian() * spread[c]);
                y[i] = (float) (cy[c] + random.nextGaussian() * spread[c]);
                categories[i] = clusterCategory[c];
            }
        }
        return MapPoints.of(ids, x, y, categories, CATEGORIES, id -> "tok" + id);
    }
}
