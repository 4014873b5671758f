package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The attractive half of the t-SNE gradient, {@code Σⱼ pᵢⱼ wᵢⱼ (yᵢ − yⱼ)} with {@code wᵢⱼ = 1 / (1 + |yᵢ − yⱼ|²)},
 * over the sparse symmetric P. Each pair is computed once (P and w are symmetric, so the pair's term on j is the
 * negative of its term on i): half the divisions and half the P entries read of a row-by-row sum over both
 * directions. The pairs are kept as the upper triangle (j &gt; i) in rows, split into {@link #PARTS} contiguous row
 * ranges of about equal pair counts, each with its own force array: a range adds its rows' own sums and
 * subtracts the transposed terms from their partners, in row order; the ranges' arrays are then added in range
 * order. The ranges are fixed by P alone, so the result does not depend on how many threads run them.
 * Single precision (rounding ~1e-7 of the coordinates, far below the repulsion's approximation error).
 */
final class Attraction {

    /** Row ranges summed separately: enough to balance a few threads, few enough to add up cheaply. */
    static final int PARTS = 8;

    private final int n;
    private final int[] rowStart;
    private final int[] column;
    private final float[] p;
    /** First row of each range, {@code PARTS + 1} entries. */
    private final int[] partStart;
    /** One force array per range, interleaved x, y. */
    private final float[][] sums;
    private final float[] yf;

    Attraction(Affinities affinities) {
        this.n = affinities.n;
        int[] start = affinities.rowStart;
        int[] col = affinities.column;
        double[] val = affinities.p;
        rowStart = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = count;
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (col[e] > i) {
                    count++;
                }
            }
        }
        rowStart[n] = count;
        column = new int[count];
        p = new float[count];
        for (int i = 0, at = 0; i < n; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (col[e] > i) {
                    column[at] = col[e];
                    p[at++] = (float) val[e];
                }
            }
        }
        partStart = new int[PARTS + 1];
        for (int part = 1, i = 0; part < PARTS; part++) {
            long target = (long) count * part / PARTS;
            while (i < n && rowStart[i] < target) {
                i++;
            }
            partStart[part] = i;
        }
        partStart[PARTS] = n;
        sums = new float[PARTS][2 * n];
        yf = new float[2 * n];
    }

    /** Pairs stored (each once). */
    int pairs() {
        return column.length;
    }

    /** {@code out[2i], out[2i+1]} = scale · Σⱼ pᵢⱼ wᵢⱼ (yᵢ − yⱼ), y interleaved. */
    void compute(double[] y, double scale, double[] out, ForkJoinPool pool) {
        for (int c = 0; c < 2 * n; c++) {
            yf[c] = (float) y[c];
        }
        pool.submit(() -> IntStream.range(0, PARTS).parallel().forEach(this::part)).join();
        float[][] s = sums;
        int chunks = Math.max(1, Math.min(PARTS, n / 1024));
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int end = (int) (2L * n * (chunk + 1) / chunks);
            for (int c = (int) (2L * n * chunk / chunks); c < end; c++) {
                float sum = 0;
                for (float[] part : s) {
                    sum += part[c];
                }
                out[c] = sum * scale;
            }
        })).join();
    }

    private void part(int part) {
        float[] f = sums[part];
        Arrays.fill(f, 0f);
        float[] yv = yf;
        int[] col = column;
        float[] pv = p;
        int[] rs = rowStart;
        for (int i = partStart[part]; i < partStart[part + 1]; i++) {
            float yx = yv[2 * i];
            float yy = yv[2 * i + 1];
            float ax = 0;
            float ay = 0;
            for (int e = rs[i]; e < rs[i + 1]; e++) {
                int j = col[e];
                float dx = yx - yv[2 * j];
                float dy = yy - yv[2 * j + 1];
                float pw = pv[e] / (1 + dx * dx + dy * dy);
                float gx = pw * dx;
                float gy = pw * dy;
                ax += gx;
                ay += gy;
                f[2 * j] -= gx;
                f[2 * j + 1] -= gy;
            }
            f[2 * i] += ax;
            f[2 * i + 1] += ay;
        }
    }
}
