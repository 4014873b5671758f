package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColorRangeTest {

    /** numpy's default percentile, written out on a brute-force sort of every value. */
    private static double bruteForce(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A small matrix (no sampling): a heavy-tailed bulk plus two big outliers, as MiniLM's position 0. */
    private static float[] outlierMatrix(int rows, int cols) {
        SplittableRandom random = new SplittableRandom(7);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble(-0.1, 0.1) * (1 + random.nextDouble()));
        }
        v[3] = 1.8f;
        v[7] = -1.7f;
        return v;
    }

    @Test
    void percentilesOfASmallMatrixEqualABruteForceSort() {
        float[] v = outlierMatrix(37, 29);
        v[100] = Float.NaN; // not a value: left out of the percentiles
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(v, 37, 29));
        double[] finite = new double[v.length - 1];
        double[] abs = new double[v.length - 1];
        for (int i = 0, n = 0; i < v.length; i++) {
            if (!Float.isNaN(v[i])) {
                finite[n] = v[i];
                abs[n++] = Math.abs(v[i]);
            }
        }
        for (double q : new double[] {0, 1, 12.5, 50, 90, 99, 99.9, 100}) {
            assertEquals(bruteForce(finite, q), p.percentile(q), 1e-6, "p" + q);
            assertEquals(bruteForce(abs, q), p.absPercentile(q), 1e-6, "|v| p" + q);
        }
    }

    @Test
    void percentileRangeIsSymmetricForDivergingAndIgnoresOutliers() {
        float[] v = outlierMatrix(40, 30);
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(v, 40, 30));
        double[] abs = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            abs[i] = Math.abs(v[i]);
        }
        float m = (float) bruteForce(abs, 99);
        assertArrayEquals(new float[] {-m, m}, ColorRange.P99.resolve(p, ColorMap.DIVERGING), 1e-6f);
        assertTrue(m < 0.25f, "p99 " + m + " should ignore the ±1.8 outliers");
        assertArrayEquals(new float[] {-1.8f, 1.8f}, ColorRange.FULL.resolve(p, ColorMap.DIVERGING));
        assertArrayEquals(ColorRange.P99.resolve(p, ColorMap.DIVERGING), ColorRange.AUTO.resolve(p, ColorMap.DIVERGING));
        // sequential maps: AUTO keeps the whole range; an explicit percentile clips both tails of the values
        assertArrayEquals(new float[] {-1.7f, 1.8f}, ColorRange.AUTO.resolve(p, ColorMap.VIRIDIS));
        double[] signed = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            signed[i] = v[i];
        }
        assertArrayEquals(new float[] {(float) bruteForce(signed, 1), (float) bruteForce(signed, 99)},
                ColorRange.P99.resolve(p, ColorMap.VIRIDIS), 1e-6f);
        assertArrayEquals(new float[] {-0.5f, 2f}, ColorRange.fixed(-0.5, 2).resolve(p, ColorMap.DIVERGING));
        assertEquals("clipped at p99", ColorRange.P99.clipNote());
        assertEquals("clipped at p99.5", ColorRange.percentile(99.5).clipNote());
    }

    @Test
    void aLargeMatrixIsSampledYetCloseToTheTruePercentile() {
        int rows = 600;
        int cols = 384; // 230k cells > SAMPLE
        float[] v = outlierMatrix(rows, cols);
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(v, rows, cols));
        double[] abs = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            abs[i] = Math.abs(v[i]);
        }
        assertTrue(v.length > MeanPyramid.SAMPLE);
        assertEquals(bruteForce(abs, 99), p.absPercentile(99), 0.005);
        assertEquals(bruteForce(abs, 50), p.absPercentile(50), 0.005);
    }

    @Test
    void clippedPixelsAreTheEndColours() {
        // one row: far below, inside, far above a fixed range [-1, 1]
        float[] v = {-5, -1, 0, 1, 5};
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(v, 1, 5));
        int[] argb = new int[5];
        float[] range = ColorRange.fixed(-1, 1).resolve(p, ColorMap.DIVERGING);
        new HeatmapRenderer().render(p, Viewport.whole(1, 5), ColorMap.DIVERGING, range[0], range[1], argb, 5, 1);
        assertEquals(ColorMap.DIVERGING.argb(0), argb[0]);
        assertEquals(ColorMap.DIVERGING.argb(0), argb[1]);
        assertEquals(ColorMap.DIVERGING.argb(0.5), argb[2]);
        assertEquals(ColorMap.DIVERGING.argb(1), argb[3]);
        assertEquals(ColorMap.DIVERGING.argb(1), argb[4]);
    }

    @Test
    void badRangesAreRejectedWithTheirValues() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColorRange.percentile(40)).getMessage()
                .contains("40"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColorRange.fixed(2, 1)).getMessage()
                .contains("2.0, 1.0"));
    }
}
