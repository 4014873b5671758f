package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

    /**
     * The engine tests run with {@code --add-modules jdk.incubator.vector} (pom.xml's argLine), so that the kernel
     * the app uses with that option is the one the tests above exercise; the comparisons below need both.
     */
    @Test
    void testsRunWithTheVectorApiKernel() {
        assertNotNull(Kernels.vector(), "run the tests with --add-modules jdk.incubator.vector on a 256-bit SIMD CPU");
        // -Dtokenlens.simd=false runs everything on the plain-Java kernel (the app without the option)
        boolean off = "false".equals(System.getProperty("tokenlens.simd"));
        assertSame(off ? Kernels.SCALAR : Kernels.vector(), Kernels.best());
        assertEquals("scalar", Kernels.SCALAR.name());
    }

    @Test
    void vectorKernelGivesTheScalarKernelsBitsForEveryBlockSizeAndList() {
        Kernels vector = Kernels.vector();
        assertNotNull(vector);
        Random r = new Random(5);
        for (int m : new int[] {1, 7, 8, 15, 16, 17, 100, 255, 256, 300}) {
            for (int len : new int[] {0, 1, 37, 600}) {
                float[] px = new float[m + vector.padding()];
                float[] py = new float[m + vector.padding()];
                for (int k = 0; k < m; k++) {
                    px[k] = (float) (r.nextGaussian() * 3);
                    py[k] = (float) (r.nextGaussian() * 3);
                }
                float[] lx = new float[len];
                float[] ly = new float[len];
                float[] lm = new float[len];
                for (int j = 0; j < len; j++) {
                    // near points (mass 1, some on a block point) and far cells of large mass
                    boolean cell = r.nextBoolean();
                    lx[j] = cell ? (float) (r.nextGaussian() * 40) : px[r.nextInt(m)];
                    ly[j] = cell ? (float) (r.nextGaussian() * 40) : py[r.nextInt(m)];
                    lm[j] = cell ? 1 + r.nextInt(500) : 1;
                }
                float[][] scalar = sums(Kernels.SCALAR, px, py, m, lx, ly, lm, len);
                float[][] simd = sums(vector, px, py, m, lx, ly, lm, len);
                for (int a = 0; a < 3; a++) {
                    float[] want = Arrays.copyOf(scalar[a], m);
                    float[] got = Arrays.copyOf(simd[a], m);
                    assertArrayEquals(want, got, "sum " + a + ", " + m + " points, " + len + " entries");
                }
                if (len > 0) {
                    // and the scalar sums are right: the first point's, in double
                    double z = 0;
                    for (int j = 0; j < len; j++) {
                        double dx = px[0] - lx[j];
                        double dy = py[0] - ly[j];
                        z += lm[j] / (1 + dx * dx + dy * dy);
                    }
                    assertEquals(z, scalar[2][0], z * 1e-5, "Z share of point 0");
                }
            }
        }
    }

    private static float[][] sums(Kernels k, float[] px, float[] py, int m, float[] lx, float[] ly, float[] lm,
                                  int len) {
        int size = m + k.padding();
        float[] ax = new float[size];
        float[] ay = new float[size];
        float[] az = new float[size];
        // stale values in the outputs must not leak into the sums
        Arrays.fill(ax, 7f);
        Arrays.fill(ay, 7f);
        Arrays.fill(az, 7f);
        k.barnesHut(px.clone(), py.clone(), ax, ay, az, m, lx, ly, lm, len);
        return new float[][] {ax, ay, az};
    }

    @Test
    void scalarAndVectorKernelsGiveTheSameForcesAndZ() {
        int n = 3000;
        for (double spread : new double[] {0.3, 12}) {
            double[] y = layout(n, spread, 8);
            for (double theta : new double[] {0, 0.5}) {
                double[] scalar = new double[2 * n];
                double[] vector = new double[2 * n];
                double zs = new BarnesHutRepulsion(theta, Kernels.SCALAR).compute(y, n, scalar, TWO);
                double zv = new BarnesHutRepulsion(theta, Kernels.vector()).compute(y, n, vector, ONE);
                assertEquals(zs, zv, "Z at θ " + theta + ", spread " + spread);
                assertArrayEquals(scalar, vector, "forces at θ " + theta + ", spread " + spread);
            }
        }
    }
}
