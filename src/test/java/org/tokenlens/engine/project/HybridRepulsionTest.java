package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The per-iteration choice between FFT and Barnes-Hut: the FFT on a narrow map (as in early exaggeration), where
 * a few boxes no wider than ½ unit are cheap and accurate, the tree on a wide one; the answer is exactly that of
 * the method chosen, and close to the exact sums either way. Measured with ½-unit boxes (force / Z error against
 * the exact sums): ~2e-11 / 2e-13 on a 0.01-unit map, 6e-5 / 5e-6 at 1 unit, 2.6e-3 / 4.9e-4 at 8 units where
 * the dense blobs sit inside single boxes — the tree walk at θ = 0.5 has ~5e-3 / 4e-3 on the same layouts.
 */
class HybridRepulsionTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static double[] scaled(double[] y, double width) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] out = new double[y.length];
        for (int c = 0; c < y.length; c++) {
            out[c] = (y[c] - lo) * width / (hi - lo);
        }
        return out;
    }

    @Test
    void narrowMapsGoToTheFftAndWideOnesToTheTree() {
        int n = 5000;
        double[] base = BarnesHutRepulsionTest.layout(n, 5, 4);
        HybridRepulsion hybrid = new HybridRepulsion(0.5, 2);
        double[] narrow = scaled(base, 1);
        double[] wide = scaled(base, 150);
        assertTrue(hybrid.useFft(narrow, n), "a 1-unit map: a 32² grid");
        assertFalse(hybrid.useFft(wide, n), "a 150-unit map: a 1,024² grid costs more than the tree walk");

        double[] got = new double[2 * n];
        double[] want = new double[2 * n];
        double z = hybrid.compute(narrow, n, got, POOL);
        assertEquals(new FftRepulsion(2, HybridRepulsion.MIN_BOXES, HybridRepulsion.BOX_WIDTH).compute(narrow, n, want, POOL), z);
        assertArrayEquals(want, got);
        z = hybrid.compute(wide, n, got, POOL);
        assertEquals(new BarnesHutRepulsion(0.5).compute(wide, n, want, POOL), z);
        assertArrayEquals(want, got);
        assertEquals(1, hybrid.fftCalls);
        assertEquals(1, hybrid.treeCalls);
    }

    @Test
    void fewBoxesOnANarrowMapStayCloseToTheExactSums() {
        int n = 2000;
        double[] base = BarnesHutRepulsionTest.layout(n, 5, 6);
        for (double width : new double[] {0.01, 1, 8}) {
            double[] y = scaled(base, width);
            double[] want = new double[2 * n];
            double zWant = ExactRepulsion.exact(y, n, want);
            FftRepulsion fft = new FftRepulsion(2, HybridRepulsion.MIN_BOXES, HybridRepulsion.BOX_WIDTH);
            double[] got = new double[2 * n];
            double z = fft.compute(y, n, got, POOL);
            double forceError = ExactRepulsion.relativeError(got, want);
            double zError = Math.abs(z - zWant) / zWant;
            System.out.printf("width %.2f: %d boxes, force error %.2e, Z error %.2e%n", width, fft.lastBoxes,
                    forceError, zError);
            assertTrue(fft.lastBoxes >= Math.max(HybridRepulsion.MIN_BOXES, 2 * width), "boxes ≤ ½ unit wide");
            assertTrue(forceError < 5e-3, "force error " + forceError + " at width " + width);
            assertTrue(zError < 2e-3, "Z error " + zError + " at width " + width);
        }
    }
}
