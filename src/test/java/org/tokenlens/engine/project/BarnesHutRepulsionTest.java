package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The grouped Barnes-Hut walk over the Morton-ordered flat quadtree against the exact O(n²) sums (computed here
 * in double, pair by pair): with θ = 0 every leaf's list holds every point, so only single-precision rounding is
 * left; with θ &gt; 0 the error follows θ (monopole error ~ (side / distance)²). Measured on these layouts (2-norm
 * over all forces, relative): ≤ 2e-7 at θ = 0, ~5e-3 at 0.3, ~2e-2 at 0.5, ~6e-2 at 0.8; Z ≤ 1e-2 at 0.5.
 * Bounds: 1e-5, 2e-2, 5e-2, 1.5e-1 (force) and 1e-6, 5e-3, 2e-2, 5e-2 (Z).
 */
class BarnesHutRepulsionTest {

    private static final ForkJoinPool ONE = new ForkJoinPool(1);
    private static final ForkJoinPool TWO = new ForkJoinPool(2);

    @AfterAll
    static void stop() {
        ONE.shutdownNow();
        TWO.shutdownNow();
    }

    /** Blobs of different widths like a t-SNE map, plus a run of coincident points and a far outlier. */
    static double[] layout(int n, double spread, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[8][2];
        for (double[] c : centres) {
            c[0] = r.nextGaussian() * spread;
            c[1] = r.nextGaussian() * spread;
        }
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double width = 0.05 + (i % 8) * 0.6;
            y[2 * i] = centres[i % 8][0] + r.nextGaussian() * width;
            y[2 * i + 1] = centres[i % 8][1] + r.nextGaussian() * width;
        }
        for (int i = 0; i < 40; i++) {
            y[2 * i] = 1.25;
            y[2 * i + 1] = -0.5;
        }
        y[2 * (n - 1)] = 40 * spread;
        return y;
    }


    @Test
    void forcesAndNormalisationStayWithinAThetaDependentBoundOfTheExactSums() {
        int n = 1500;
        double[] thetas = {0, 0.3, 0.5, 0.8};
        double[] forceBound = {1e-5, 2e-2, 5e-2, 1.5e-1};
        double[] zBound = {1e-6, 5e-3, 2e-2, 5e-2};
        for (double spread : new double[] {0.3, 5, 30}) {
            double[] y = layout(n, spread, 3);
            double[] want = new double[2 * n];
            double zWant = ExactRepulsion.exact(y, n, want);
            double previous = -1;
            for (int t = 0; t < thetas.length; t++) {
                double[] got = new double[2 * n];
                double z = new BarnesHutRepulsion(thetas[t]).compute(y, n, got, TWO);
                double forceError = ExactRepulsion.relativeError(got, want);
                double zError = Math.abs(z - zWant) / zWant;
                System.out.printf("spread %.1f θ %.1f: force error %.2e, Z error %.2e%n", spread, thetas[t],
                        forceError, zError);
                assertTrue(forceError < forceBound[t], "force error " + forceError + " at θ " + thetas[t]
                        + ", spread " + spread);
                assertTrue(zError < zBound[t], "Z error " + zError + " at θ " + thetas[t] + ", spread " + spread);
                assertTrue(forceError >= previous * 0.5, "error grows with θ");
                previous = forceError;
            }
        }
    }

    @Test
    void coincidentPointsRepelNothingAndCountOncePerPairInZ() {
        // a spots points at one place and 30 at another, 2 units apart: every force and Z is known in closed
        // form. With 100 both spots share one block (every pair on the list); with 300 the first spot is one
        // leaf at the finest level, bigger than a block, and each spot sees the other as one body.
        for (int a : new int[] {100, BarnesHutRepulsion.BLOCK + 44}) {
            int n = a + 30;
            double[] y = new double[2 * n];
            for (int i = a; i < n; i++) {
                y[2 * i] = 2;
            }
            double[] got = new double[2 * n];
            double z = new BarnesHutRepulsion(0.5).compute(y, n, got, ONE);
            // pairs at one spot: w = 1; across: w = 1/5, both orders
            double want = a * (a - 1.0) + 30 * 29 + 2 * a * 30 / 5.0;
            // each point's share is a float sum of at most n terms: recursive summation's bound (n − 1)·2⁻²⁴
            assertEquals(want, z, want * n * 0x1p-24, "single-precision sums per point, " + a + " + 30");
            for (int i = 0; i < n; i++) {
                assertEquals(i < a ? -30 * 2 / 25.0 : a * 2 / 25.0, got[2 * i], 1e-5 * a, "x force of " + i);
                assertEquals(0, got[2 * i + 1], 0);
            }
        }
    }

    @Test
    void resultsIgnoreTheThreadCountAndRepeat() {
        int n = 3000;
        double[] y = layout(n, 12, 8);
        double[] one = new double[2 * n];
        double[] two = new double[2 * n];
        BarnesHutRepulsion a = new BarnesHutRepulsion(0.5);
        double z1 = a.compute(y, n, one, ONE);
        double z2 = new BarnesHutRepulsion(0.5).compute(y, n, two, TWO);
        assertEquals(z1, z2);
        assertArrayEquals(one, two);
        double[] again = new double[2 * n];
        assertEquals(z1, a.compute(y, n, again, TWO), "the tree is rebuilt from scratch each call");
        assertArrayEquals(one, again);
    }
}
