package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The attractive forces computed once per pair (upper triangle, transposed terms subtracted from the partner)
 * against the plain row-by-row sum over both directions of P, in double, written here, whatever order the rows
 * are summed in; and the same bits whatever the thread count.
 */
class AttractionTest {

    private static final ForkJoinPool ONE = new ForkJoinPool(1);
    private static final ForkJoinPool TWO = new ForkJoinPool(2);
    private static final int N = 1200;
    private static final Affinities P = Affinities.of(ExactKnn.of(Clusters.gaussian(N, 12, 5, 3, 2), 45, TWO), N,
            15, TWO);

    @AfterAll
    static void stop() {
        ONE.shutdownNow();
        TWO.shutdownNow();
    }

    private static double[] layout(double spread, long seed) {
        Random r = new Random(seed);
        double[] y = new double[2 * N];
        for (int c = 0; c < 2 * N; c++) {
            y[c] = r.nextGaussian() * spread;
        }
        return y;
    }

    /** Σⱼ pᵢⱼ (yᵢ − yⱼ) / (1 + |yᵢ − yⱼ|²) over every stored entry of row i, in double. */
    private static double[] direct(double[] y, double scale) {
        double[] out = new double[2 * N];
        for (int i = 0; i < N; i++) {
            for (int e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
                int j = P.column[e];
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double pw = P.p[e] / (1 + dx * dx + dy * dy);
                out[2 * i] += scale * pw * dx;
                out[2 * i + 1] += scale * pw * dy;
            }
        }
        return out;
    }

    private static int[] shuffled(long seed) {
        int[] order = new int[N];
        for (int i = 0; i < N; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = N - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static int[] identity() {
        return IntStream.range(0, N).toArray();
    }

    @Test
    void eachPairOnceMatchesTheRowByRowSumOverBothDirectionsInAnySummingOrder() {
        for (int[] order : new int[][] {identity(), shuffled(3)}) {
            checkAgainstDirect(new Attraction(P, order));
        }
    }

    private static void checkAgainstDirect(Attraction a) {
        assertEquals(P.column.length, 2 * a.pairs(), "P is symmetric without a diagonal: half its entries");
        for (double spread : new double[] {1e-3, 1, 40}) {
            double[] y = layout(spread, 9);
            double[] want = direct(y, 12);
            double[] got = new double[2 * N];
            a.compute(y, 12, got, TWO);
            double err = 0;
            double norm = 0;
            for (int c = 0; c < 2 * N; c++) {
                err += (got[c] - want[c]) * (got[c] - want[c]);
                norm += want[c] * want[c];
            }
            // single precision: each term ~1e-7 relative, sums of a few hundred terms
            assertTrue(Math.sqrt(err / norm) < 1e-5, "relative error " + Math.sqrt(err / norm) + " at spread "
                    + spread);
            double net = 0;
            for (int c = 0; c < 2 * N; c += 2) {
                net += got[c];
            }
            assertEquals(0, net, 1e-5 * Math.sqrt(norm), "pair terms cancel: no net force");
        }
    }

    @Test
    void resultsIgnoreTheThreadCount() {
        double[] y = layout(5, 4);
        double[] one = new double[2 * N];
        double[] two = new double[2 * N];
        new Attraction(P, shuffled(7)).compute(y, 1, one, ONE);
        // built on two threads (rows filled and sorted in parallel), summed on two
        Attraction a = new Attraction(P, shuffled(7), TWO);
        a.compute(y, 1, two, TWO);
        assertArrayEquals(one, two);
        double[] again = new double[2 * N];
        a.compute(y, 1, again, TWO);
        assertArrayEquals(one, again, "the range arrays are cleared between calls");
    }

    @Test
    void totalsOverAnyCoordinateRangeAreEachPointsForce() {
        int[] order = shuffled(11);
        Attraction a = new Attraction(P, order);
        double[] y = layout(3, 2);
        double[] yr = new double[2 * N];
        for (int k = 0; k < N; k++) {
            yr[2 * k] = y[2 * order[k]];
            yr[2 * k + 1] = y[2 * order[k] + 1];
        }
        a.computeRanked(yr, TWO);
        float[] totals = new float[2 * N];
        // uneven pieces, as the gradient step's chunks cut them
        for (int from = 0, to; from < 2 * N; from = to) {
            to = Math.min(2 * N, from + 2 * 157 + 1);
            a.totalsRanked(from, to, totals);
        }
        for (int k = 0; k < N; k++) {
            assertEquals(a.force(order[k], 0), totals[2 * k], "x of point " + order[k]);
            assertEquals(a.force(order[k], 1), totals[2 * k + 1], "y of point " + order[k]);
        }
    }
}
