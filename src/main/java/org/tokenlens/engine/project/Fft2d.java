package org.tokenlens.engine.project;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * In-place radix-2 complex FFT of an {@code m × m} grid (row-major, separate real and imaginary arrays), for the
 * convolutions of {@link FftRepulsion}. Rows are transformed one by one; columns are transformed all at once by
 * running each butterfly across whole rows, so the inner loop is contiguous (cache-friendly, vectorisable) and
 * no transpose is needed. Work is split between threads by rows or by column ranges, each element written by
 * exactly one thread, so results do not depend on the thread count.
 */
final class Fft2d {

    /**
     * Columns transformed together: m × 32 complex doubles (512 KB at m = 1,024) stay in cache through all
     * log₂ m stages, where a whole-grid pass per stage would stream the grid from memory every time.
     */
    private static final int SLICE = 32;

    final int m;
    private final int log2;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    Fft2d(int m) {
        if (m < 2 || Integer.bitCount(m) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two ≥ 2: " + m);
        }
        this.m = m;
        this.log2 = Integer.numberOfTrailingZeros(m);
        cos = new double[m / 2];
        sin = new double[m / 2];
        for (int k = 0; k < m / 2; k++) {
            double a = -2 * Math.PI * k / m;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        reversed = new int[m];
        for (int i = 0; i < m; i++) {
            reversed[i] = Integer.reverse(i) >>> (32 - log2);
        }
    }

    /**
     * Forward (sign −1) or inverse (sign +1, unscaled) 2-D transform. Only rows {@code [0, rowsIn)} may be
     * non-zero on input and only rows {@code [0, rowsOut)} are needed on output (zero padding of the
     * convolution): the row pass skips the rest.
     */
    void transform(double[] re, double[] im, boolean inverse, int rowsIn, int rowsOut, ForkJoinPool pool,
                   int threads) {
        if (!inverse) {
            rows(re, im, false, rowsIn, pool);
            columns(re, im, false, pool, threads);
        } else {
            columns(re, im, true, pool, threads);
            rows(re, im, true, rowsOut, pool);
        }
    }

    private void rows(double[] re, double[] im, boolean inverse, int count, ForkJoinPool pool) {
        pool.submit(() -> IntStream.range(0, count).parallel().forEach(r -> row(re, im, r * m, inverse)))
                .join();
    }

    private void columns(double[] re, double[] im, boolean inverse, ForkJoinPool pool, int threads) {
        int parts = Math.max(1, Math.min(threads, m / 8));
        pool.submit(() -> IntStream.range(0, parts).parallel().forEach(t -> {
            int end = (t + 1) * m / parts;
            for (int from = t * m / parts; from < end; from += SLICE) {
                columnSlice(re, im, inverse, from, Math.min(end, from + SLICE));
            }
        })).join();
    }

    /** Iterative decimation-in-time FFT of one contiguous row. */
    private void row(double[] re, double[] im, int base, boolean inverse) {
        for (int i = 0; i < m; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[base + i];
                re[base + i] = re[base + j];
                re[base + j] = t;
                t = im[base + i];
                im[base + i] = im[base + j];
                im[base + j] = t;
            }
        }
        double sign = inverse ? -1 : 1;
        for (int half = 1, stride = m / 2; half < m; half <<= 1, stride >>= 1) {
            for (int start = 0; start < m; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sign * sin[k * stride];
                    int a = base + start + k;
                    int b = a + half;
                    double br = re[b] * wr - im[b] * wi;
                    double bi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - br;
                    im[b] = im[a] - bi;
                    re[a] += br;
                    im[a] += bi;
                }
            }
        }
    }

    /** The same FFT along columns {@code [from, to)}: every butterfly combines two row segments. */
    private void columnSlice(double[] re, double[] im, boolean inverse, int from, int to) {
        for (int i = 0; i < m; i++) {
            int j = reversed[i];
            if (j > i) {
                for (int c = from; c < to; c++) {
                    double t = re[i * m + c];
                    re[i * m + c] = re[j * m + c];
                    re[j * m + c] = t;
                    t = im[i * m + c];
                    im[i * m + c] = im[j * m + c];
                    im[j * m + c] = t;
                }
            }
        }
        double sign = inverse ? -1 : 1;
        for (int half = 1, stride = m / 2; half < m; half <<= 1, stride >>= 1) {
            for (int start = 0; start < m; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sign * sin[k * stride];
                    int a = (start + k) * m;
                    int b = a + half * m;
                    for (int c = from; c < to; c++) {
                        double xr = re[b + c];
                        double xi = im[b + c];
                        double br = xr * wr - xi * wi;
                        double bi = xr * wi + xi * wr;
                        double ar = re[a + c];
                        double ai = im[a + c];
                        re[b + c] = ar - br;
                        im[b + c] = ai - bi;
                        re[a + c] = ar + br;
                        im[a + c] = ai + bi;
                    }
                }
            }
        }
    }
}
