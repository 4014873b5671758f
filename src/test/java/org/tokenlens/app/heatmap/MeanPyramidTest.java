package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every pyramid cell equals the brute-force mean of the original block it covers, edges included. */
class MeanPyramidTest {

    @Test
    void everyLevelCellIsTheMeanOfItsBlockForOddSizes() {
        int rows = 37;
        int cols = 53;
        float[] v = random(rows * cols, 1);
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(v, rows, cols));
        assertEquals(7, p.levelCount(), "53 → 27 → 14 → 7 → 4 → 2 → 1");
        for (int k = 0; k < p.levelCount(); k++) {
            int block = 1 << k;
            assertEquals((rows + block - 1) / block, p.levelRows(k));
            assertEquals((cols + block - 1) / block, p.levelCols(k));
            for (int r = 0; r < p.levelRows(k); r++) {
                for (int c = 0; c < p.levelCols(k); c++) {
                    double sum = 0;
                    int n = 0;
                    for (int i = r * block; i < Math.min(rows, (r + 1) * block); i++) {
                        for (int j = c * block; j < Math.min(cols, (c + 1) * block); j++) {
                            sum += v[i * cols + j];
                            n++;
                        }
                    }
                    assertEquals(sum / n, p.level(k)[r * p.levelCols(k) + c], 1e-5,
                            "level " + k + " cell (" + r + ", " + c + ")");
                }
            }
        }
    }

    @Test
    void sourceWithoutArrayIsReadByRowsAndGivesTheSameLevels() {
        int rows = 20;
        int cols = 9;
        float[] v = random(rows * cols, 2);
        MatrixSource plain = MatrixSource.of(v, rows, cols);
        MatrixSource noArray = new MatrixSource() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int cols() {
                return cols;
            }

            @Override
            public float get(int row, int col) {
                return v[row * cols + col];
            }
        };
        MeanPyramid a = MeanPyramid.build(plain);
        MeanPyramid b = MeanPyramid.build(noArray);
        for (int k = 0; k < a.levelCount(); k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.level(k), b.level(k));
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertEquals(min, b.min());
        assertEquals(max, b.max());
    }

    @Test
    void singleCellMatrixHasOneLevel() {
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(new float[] {3}, 1, 1));
        assertEquals(1, p.levelCount());
        assertEquals(3f, p.level(0)[0]);
    }

    static float[] random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return v;
    }
}
