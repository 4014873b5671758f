package org.tokenlens.engine.positions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlibiBiasTest {

    @Test
    void eightHeadsHalveFromOneHalf() {
        assertArrayEquals(new double[] {1 / 2.0, 1 / 4.0, 1 / 8.0, 1 / 16.0, 1 / 32.0, 1 / 64.0, 1 / 128.0, 1 / 256.0},
                AlibiBias.slopes(8), 1e-15);
    }

    @Test
    void sixteenHeadsStartAtOneOverSqrtTwo() {
        double[] s = AlibiBias.slopes(16);
        for (int i = 0; i < 16; i++) {
            assertEquals(Math.pow(2, -0.5 * (i + 1)), s[i], 1e-15);
        }
    }

    @Test
    void twelveHeadsFollowTheReferenceRecipe() {
        // printed by rope_golden.py (Press et al.'s get_slopes): the 8 power-of-two slopes, then every other
        // slope of 16 heads (2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5)
        assertArrayEquals(new double[] {0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625,
                0.7071067811865476, 0.35355339059327384, 0.17677669529663692, 0.08838834764831849},
                AlibiBias.slopes(12), 1e-15);
        assertEquals(Math.pow(2, -0.5), AlibiBias.slopes(12)[8], 1e-15);
        assertArrayEquals(AlibiBias.slopes(8), java.util.Arrays.copyOf(AlibiBias.slopes(12), 8), 0);
    }

    @Test
    void oneHeadAndBadCounts() {
        assertArrayEquals(new double[] {Math.pow(2, -8)}, AlibiBias.slopes(1), 0);
        assertEquals(5, AlibiBias.slopes(5).length);
        assertThrows(IllegalArgumentException.class, () -> AlibiBias.slopes(0));
    }

    @Test
    void biasIsMinusSlopeTimesDistanceWithFutureMasked() {
        FloatMatrix b = AlibiBias.bias(0.25, 5, true);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                float expected = j > i ? Float.NEGATIVE_INFINITY : (float) (0.25 * (j - i)); // +0 on the diagonal
                assertEquals(expected, b.get(i, j), "(" + i + "," + j + ")");
            }
        }
        FloatMatrix sym = AlibiBias.bias(0.5, 4, false);
        assertEquals(-1.5f, sym.get(0, 3));
        assertEquals(-1.5f, sym.get(3, 0));
        assertArrayEquals(new float[] {-0.5f * 3, 0}, sym.range());
    }
}
