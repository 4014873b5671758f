package org.tokenlens.engine.project;

import java.util.concurrent.ForkJoinPool;

/**
 * Picks, every iteration, whichever of the FFT and the Barnes-Hut repulsion is cheaper for the map as it is now.
 * The FFT's cost follows its grid, that is the map's extent, and hardly n; Barnes-Hut's
 * follows n and hardly the extent. Early exaggeration keeps the map about 1 unit wide, where a 32² or 64² grid
 * costs a tenth of a tree walk (boxes at most ½ unit wide); once the map spreads to tens of units the grid would be 256² to 1,024² and the
 * tree walk wins. The choice depends only on n, θ and the coordinates, so results still ignore the thread count.
 *
 * <p>Cost model in units of one point's interpolation on the grid (~0.1 µs here), from measurements on the
 * bundled MiniLM rows (ProjectionBench): FFT ≈ {@code n + 0.35 m² log₂ m}, Barnes-Hut (θ = 0.5) ≈ {@code 3 n}
 * since its SIMD blocks (it was 6 n before; at 5,000 and 30,522 points both constants make the same choices, the
 * grid side jumping from 64 to 128 and from 128 to 256 across either), scaled by {@code (0.5 / θ)²} for other θ
 * (the interaction count of a 2-D tree walk).
 */
final class HybridRepulsion implements Repulsion {

    /** Fewest boxes per axis when the FFT is used. */
    static final int MIN_BOXES = 4;
    /**
     * Widest box: half of FIt-SNE's unit, so the interpolation error (cube of the width: ~3e-2 of the force on
     * dense blobs with unit boxes) is ~4e-3, like the tree walk's at θ = 0.5.
     */
    static final double BOX_WIDTH = 0.5;

    private final FftRepulsion fft;
    private final BarnesHutRepulsion barnesHut;
    private final double treeCostPerPoint;
    /** Iterations served by the FFT and by the tree (for tests and diagnostics). */
    int fftCalls;
    int treeCalls;

    HybridRepulsion(double theta, int threads) {
        this(theta, threads, Kernels.best());
    }

    /** With the given Barnes-Hut inner loop ({@link Kernels#SCALAR} or the Vector API one: the same bits). */
    HybridRepulsion(double theta, int threads, Kernels kernels) {
        this.fft = new FftRepulsion(threads, MIN_BOXES, BOX_WIDTH);
        this.barnesHut = new BarnesHutRepulsion(theta, kernels);
        double t = Math.max(theta, 0.1);
        this.treeCostPerPoint = 3 * (0.25 / (t * t));
    }

    @Override
    public double compute(double[] y, int n, double[] repel, ForkJoinPool pool) {
        if (useFft(y, n)) {
            fftCalls++;
            return fft.compute(y, n, repel, pool);
        }
        treeCalls++;
        return barnesHut.compute(y, n, repel, pool);
    }

    @Override
    public BarnesHutRepulsion tree(double[] y, int n) {
        if (useFft(y, n)) {
            return null;
        }
        treeCalls++;
        return barnesHut;
    }

    boolean useFft(double[] y, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        // plain comparisons: Math.min/max order NaN and -0.0, which costs ~2n slow steps every iteration
        for (int c = 0; c < 2 * n; c++) {
            double v = y[c];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
        int m = fft.gridSide(Math.max(hi - lo, 1e-12));
        double fftCost = n + 0.35 * m * (double) m * Integer.numberOfTrailingZeros(m);
        return fftCost < treeCostPerPoint * n;
    }
}
