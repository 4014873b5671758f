package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Repulsion by polynomial interpolation and FFT (Linderman et al., <i>Fast interpolation-based t-SNE for improved
 * visualization of single-cell RNA-seq data</i>, Nat. Methods 16, 2019 — FIt-SNE). The embedding's bounding
 * square is cut into {@code boxes × boxes} equal boxes with {@link #NODES} equispaced interpolation nodes per box
 * and axis. Each point spreads its charges onto the 3 × 3 nodes of its box with Lagrange weights; the node
 * potentials are a discrete convolution with the squared Cauchy kernel {@code 1 / (1 + d²)²}, done by a
 * zero-padded 2-D FFT; each point reads its potentials back with the same weights.
 *
 * <p>Charges {@code 1, y₁, y₂} with the squared kernel give the forces, {@code Σⱼ w²(yᵢ − yⱼ) = yᵢ φ₁ − (φ₂, φ₃)};
 * charge 1 with the plain kernel gives {@code Σⱼ w}, Z after removing the n self terms (w = 1). FIt-SNE gets Z
 * from a fourth charge {@code |y|²} and the squared kernel instead, {@code (1 + |yᵢ|²) φ₁ − 2 yᵢ·(φ₂, φ₃) + φ₄},
 * a difference of terms that grow with |y|² on wide maps; the plain kernel avoids that cancellation at the cost
 * of one more cached spectrum (measured Z errors are alike on the test layouts; the whole-vocabulary blow-up
 * we first blamed on it came from flung points, see {@link SparseTsne#MAX_STEP}). The
 * charges are real, so they travel in pairs as the real and imaginary parts of two complex grids; the kernels
 * are even, so their spectra are real.
 *
 * <p>Box count follows openTSNE's defaults ({@code n_interpolation_points=3, min_num_intervals=50,
 * ints_in_interval=1}): at least 50 boxes, and boxes no wider than 1 unit. Our FFT is radix-2, so the grid is
 * padded to the next power of two and the boxes are then made as many as that grid holds (narrower boxes,
 * better accuracy, same FFT cost).
 */
final class FftRepulsion implements Repulsion {

    /** Interpolation nodes per box and axis. */
    static final int NODES = 3;
    private static final int MIN_BOXES = 50;
    private static final double BOX_WIDTH = 1;
    private static final double LOG_STEP = Math.log(1.02);
    /**
     * Largest FFT grid side: six m² double grids are 48 MB at 1,024. Past an extent of ~340 units the boxes
     * widen beyond 1 unit instead (less accurate near field) rather than the heap growing fourfold per doubling.
     */
    static final int MAX_GRID = 1024;

    private final int threads;
    private final int minBoxes;
    private final double boxWidth;
    private Fft2d fft;
    private double[] kRe = new double[0];
    /** Spectra of the Cauchy kernel and of its square, scaled by 1/m². */
    private double[] k1 = new double[0];
    private double[] k2 = new double[0];
    private double[] kIm = new double[0];
    private double[] aRe = new double[0];
    private double[] aIm = new double[0];
    private double[] bRe = new double[0];
    private double[] bIm = new double[0];
    private int[] box = new int[0];
    private double[] weights = new double[0];
    private double[] zPart = new double[0];
    private int kernelM;
    private int kernelNodes;
    private int kernelStep = Integer.MIN_VALUE;
    /** Boxes per axis of the last call (for tests and diagnostics). */
    int lastBoxes;

    FftRepulsion(int threads) {
        this(threads, MIN_BOXES, BOX_WIDTH);
    }

    /**
     * @param minBoxes fewest boxes per axis; openTSNE's 50 over-resolves small maps (0.02-unit boxes on the
     *                 1-unit map of early exaggeration), where a handful of boxes no wider than 1 unit are as
     *                 accurate as unit boxes on a wide map and the FFT costs next to nothing
     * @param boxWidth widest box in map units: the near-field error grows with its cube (openTSNE: 1)
     */
    FftRepulsion(int threads, int minBoxes, double boxWidth) {
        if (minBoxes < 1 || !(boxWidth > 0)) {
            throw new IllegalArgumentException("minBoxes must be at least 1 and boxWidth positive: " + minBoxes
                    + ", " + boxWidth);
        }
        this.threads = threads;
        this.minBoxes = minBoxes;
        this.boxWidth = boxWidth;
    }

    /** FFT grid side for a map of this extent (a power of two, at most {@link #MAX_GRID}). */
    int gridSide(double extent) {
        int wanted = NODES * Math.max(minBoxes, (int) Math.ceil(extent / boxWidth));
        return Math.max(8, Math.min(MAX_GRID, Integer.highestOneBit(2 * wanted - 1) << 1));
    }

    @Override
    public double compute(double[] y, int n, double[] repel, ForkJoinPool pool) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 2 * n; c++) {
            lo = Math.min(lo, y[c]);
            hi = Math.max(hi, y[c]);
        }
        double extent = Math.max(hi - lo, 1e-12);
        int m = gridSide(extent);
        int boxes = m / (2 * NODES);
        int nodes = boxes * NODES;
        lastBoxes = boxes;
        ensure(n, m);
        // node spacing rounded up to a power of 1.02, so the kernel's spectrum is recomputed only when the map
        // has grown by 2 % (boxes are at most 2 % wider than needed)
        int step = (int) Math.ceil(Math.log(extent * (1 + 1e-9) / nodes) / LOG_STEP);
        double spacing = Math.exp(step * LOG_STEP);
        double width = spacing * NODES;
        if (m != kernelM || nodes != kernelNodes || step != kernelStep) {
            kernelSpectrum(m, nodes, spacing, pool);
            kernelM = m;
            kernelNodes = nodes;
            kernelStep = step;
        }
        interpolationWeights(y, n, lo, width, boxes, pool);
        scatter(y, n, m);
        convolve(m, nodes, pool);
        double[] potentials = aRe;
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            double p1 = 0;
            double p2 = 0;
            double p3 = 0;
            double z = 0;
            int origin = box[i];
            for (int r = 0; r < NODES; r++) {
                for (int c = 0; c < NODES; c++) {
                    double w = weights[2 * NODES * i + NODES + r] * weights[2 * NODES * i + c];
                    int g = origin + r * m + c;
                    p1 += w * potentials[g];
                    p2 += w * aIm[g];
                    p3 += w * bRe[g];
                    z += w * bIm[g];
                }
            }
            double x1 = y[2 * i];
            double x2 = y[2 * i + 1];
            repel[2 * i] = x1 * p1 - p2;
            repel[2 * i + 1] = x2 * p1 - p3;
            zPart[i] = z;
        })).join();
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += zPart[i];
        }
        return z - n;
    }

    private void ensure(int n, int m) {
        if (fft == null || fft.m != m) {
            fft = new Fft2d(m);
            kRe = new double[m * m];
            k1 = new double[m * m];
            k2 = new double[m * m];
            kIm = new double[m * m];
            aRe = new double[m * m];
            aIm = new double[m * m];
            bRe = new double[m * m];
            bIm = new double[m * m];
        }
        if (box.length < n) {
            box = new int[n];
            weights = new double[2 * NODES * n];
            zPart = new double[n];
        }
    }

    /**
     * FFT of the kernel embedded in a circulant {@code m × m} grid: offset d (in nodes) sits at index d for
     * d ≥ 0 and m + d for d &lt; 0; offsets beyond ±(nodes − 1) never occur and stay zero. Scaled by 1/m² so the
     * unscaled inverse transform comes out right.
     */
    private void kernelSpectrum(int m, int nodes, double spacing, ForkJoinPool pool) {
        kernelSpectrum(m, nodes, spacing, 2, k2, pool);
        kernelSpectrum(m, nodes, spacing, 1, k1, pool);
    }

    /** Spectrum of {@code 1 / (1 + d²)^power} into {@code out} (real: the kernel is even). */
    private void kernelSpectrum(int m, int nodes, double spacing, int power, double[] out, ForkJoinPool pool) {
        double scale = 1.0 / ((double) m * m);
        pool.submit(() -> IntStream.range(0, m).parallel().forEach(r -> {
            int dr = r < nodes ? r : r > m - nodes ? r - m : Integer.MIN_VALUE;
            for (int c = 0; c < m; c++) {
                int dc = c < nodes ? c : c > m - nodes ? c - m : Integer.MIN_VALUE;
                double v = 0;
                if (dr != Integer.MIN_VALUE && dc != Integer.MIN_VALUE) {
                    double d2 = spacing * spacing * ((double) dr * dr + (double) dc * dc);
                    double w = 1 / (1 + d2);
                    v = (power == 2 ? w * w : w) * scale;
                }
                kRe[r * m + c] = v;
                kIm[r * m + c] = 0;
            }
        })).join();
        fft.transform(kRe, kIm, false, m, m, pool, threads);
        System.arraycopy(kRe, 0, out, 0, m * m);
    }

    /**
     * Each point's box (as the grid index of its first node) and its Lagrange weights on the box's nodes, which
     * sit at (k + ½) / NODES of the box width: x weights at 6i…6i+2, y weights at 6i+3…6i+5.
     */
    private void interpolationWeights(double[] y, int n, double lo, double width, int boxes, ForkJoinPool pool) {
        int m = fft.m;
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            double fx = (y[2 * i] - lo) / width;
            double fy = (y[2 * i + 1] - lo) / width;
            int bx = Math.min(boxes - 1, (int) fx);
            int by = Math.min(boxes - 1, (int) fy);
            // the grid may reach past the map (rounded spacing), never short of it
            box[i] = by * NODES * m + bx * NODES;
            lagrange(fx - bx, weights, 2 * NODES * i);
            lagrange(fy - by, weights, 2 * NODES * i + NODES);
        })).join();
    }

    /** Weights of the quadratic through nodes 1/6, 1/2, 5/6 at t ∈ [0, 1]. */
    private static void lagrange(double t, double[] out, int at) {
        for (int k = 0; k < NODES; k++) {
            double sk = (k + 0.5) / NODES;
            double v = 1;
            for (int j = 0; j < NODES; j++) {
                if (j != k) {
                    double sj = (j + 0.5) / NODES;
                    v *= (t - sj) / (sk - sj);
                }
            }
            out[at + k] = v;
        }
    }

    /** Spreads the charges onto the nodes. Sequential: points of one box write the same nodes. */
    private void scatter(double[] y, int n, int m) {
        Arrays.fill(aRe, 0);
        Arrays.fill(aIm, 0);
        Arrays.fill(bRe, 0);
        Arrays.fill(bIm, 0);
        for (int i = 0; i < n; i++) {
            double x1 = y[2 * i];
            double x2 = y[2 * i + 1];
            int origin = box[i];
            for (int r = 0; r < NODES; r++) {
                for (int c = 0; c < NODES; c++) {
                    double w = weights[2 * NODES * i + NODES + r] * weights[2 * NODES * i + c];
                    int g = origin + r * m + c;
                    aRe[g] += w;
                    aIm[g] += w * x1;
                    bRe[g] += w * x2;
                    bIm[g] += w;
                }
            }
        }
    }

    /**
     * Both charge grids through the FFT and back; potentials overwrite charges. Grid A = (1, y₁) takes the
     * squared kernel in both slots. Grid B = (y₂, 1) takes the squared kernel in its real slot and the plain one
     * in its imaginary slot (Z directly, free of the cancellation in {@code (1 + |y|²) φ₁ − 2y·φ + φ₄} on wide
     * maps): the two real spectra are split out of the packed one by Hermitian symmetry,
     * {@code F_re[k] = (B[k] + conj B[−k]) / 2}, {@code F_im[k] = (B[k] − conj B[−k]) / 2i}.
     */
    private void convolve(int m, int nodes, ForkJoinPool pool) {
        fft.transform(aRe, aIm, false, nodes, nodes, pool, threads);
        fft.transform(bRe, bIm, false, nodes, nodes, pool, threads);
        double[] wRe = kRe;
        double[] wIm = kIm;
        pool.submit(() -> IntStream.range(0, m).parallel().forEach(r -> {
            int mr = (m - r) & (m - 1);
            for (int c = 0; c < m; c++) {
                int g = r * m + c;
                int mg = mr * m + ((m - c) & (m - 1));
                double sq = k2[g];
                double plain = k1[g];
                aRe[g] *= sq;
                aIm[g] *= sq;
                double a = bRe[g];
                double b = bIm[g];
                double cc = bRe[mg];
                double d = bIm[mg];
                wRe[g] = 0.5 * (sq * (a + cc) + plain * (a - cc));
                wIm[g] = 0.5 * (sq * (b - d) + plain * (b + d));
            }
        })).join();
        // the kernel's scratch grids now hold B's product; swap so B's arrays are the output
        kRe = bRe;
        kIm = bIm;
        bRe = wRe;
        bIm = wIm;
        fft.transform(aRe, aIm, true, nodes, nodes, pool, threads);
        fft.transform(bRe, bIm, true, nodes, nodes, pool, threads);
    }
}
