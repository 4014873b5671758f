package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The renderer draws the upper and lower halves of the image on two threads: every pixel, in both halves and at
 * the seam, must still be the colour of the brute-force mean of the cells it covers.
 */
class HeatmapRendererTest {

    @Test
    void everyPixelIsTheMeanOfItsBlockInBothHalves() {
        int rows = 400;
        int cols = 300;
        float[] values = new float[rows * cols];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        MeanPyramid pyramid = MeanPyramid.build(MatrixSource.of(values, rows, cols));
        int width = cols / 2;
        int height = rows / 2; // exactly 2 × 2 cells per pixel: level 1, 200 rows, split at 100
        int[] dst = new int[width * height];
        new HeatmapRenderer().render(pyramid, Viewport.whole(rows, cols), ColorMap.DIVERGING, -1f, 1f, dst, width,
                height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double mean = 0;
                for (int r = 2 * y; r < 2 * y + 2; r++) {
                    for (int c = 2 * x; c < 2 * x + 2; c++) {
                        mean += values[r * cols + c];
                    }
                }
                mean /= 4;
                int want = ColorMap.DIVERGING.argb((mean + 1) / 2);
                int got = dst[y * width + x];
                if (want != got) { // one colour-table step apart at most: float vs double rounding of the mean
                    int wantIndex = (int) Math.round((mean + 1) / 2 * (ColorMap.SIZE - 1));
                    assertEquals(true, got == ColorMap.DIVERGING.argb((wantIndex - 1) / (double) (ColorMap.SIZE - 1))
                            || got == ColorMap.DIVERGING.argb((wantIndex + 1) / (double) (ColorMap.SIZE - 1)),
                            "pixel " + x + "," + y + " of " + height + " rows");
                }
            }
        }
    }
}
