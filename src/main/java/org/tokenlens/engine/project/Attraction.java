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
 * order. The ranges are fixed by P and the summing order alone, so the result does not depend on how many threads
 * run them.
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
    /** {@code order[k]} = the point summed k-th; rows, columns and the range arrays are in this order. */
    private final int[] order;
    /** {@code rank[i]} = where point i is summed: {@code order[rank[i]] = i}. */
    private final int[] rank;

    /**
     * @param order the points in the order to sum them: pairs are read row by row in this order, so an order in
     *              which P's neighbours sit close together (the Morton order of the start layout) keeps the
     *              coordinates and partner sums each row touches in cache (a third less time at 5,000 points)
     */
    Attraction(Affinities affinities, int[] order) {
        this(affinities, order, null);
    }

    /**
     * As {@link #Attraction(Affinities, int[])}, with the rows' partner lists sorted on {@code pool} (or on this
     * thread when it is null): each row fills and sorts its own slice, so the result is the same.
     */
    Attraction(Affinities affinities, int[] order, ForkJoinPool pool) {
        this.n = affinities.n;
        if (order.length != n) {
            throw new IllegalArgumentException("order must list the " + n + " points: " + order.length);
        }
        this.order = order.clone();
        rank = new int[n];
        for (int k = 0; k < n; k++) {
            rank[order[k]] = k;
        }
        int[] start = affinities.rowStart;
        int[] col = affinities.column;
        double[] val = affinities.p;
        rowStart = new int[n + 1];
        int count = 0;
        for (int k = 0; k < n; k++) {
            rowStart[k] = count;
            int i = order[k];
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (rank[col[e]] > k) {
                    count++;
                }
            }
        }
        rowStart[n] = count;
        column = new int[count];
        p = new float[count];
        if (pool == null) {
            fillRows(0, n, start, col, val);
        } else {
            int tasks = 4 * pool.getParallelism();
            pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(t ->
                    fillRows((int) ((long) n * t / tasks), (int) ((long) n * (t + 1) / tasks), start, col, val)))
                    .join();
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

    /** Rows [from, to) of the upper triangle: each row's partners (rank above its own) in ascending rank. */
    private void fillRows(int from, int to, int[] start, int[] col, double[] val) {
        long[] keys = new long[16];
        for (int k = from; k < to; k++) {
            int i = order[k];
            int len = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                int c = rank[col[e]];
                if (c > k) {
                    if (len == keys.length) {
                        keys = Arrays.copyOf(keys, 2 * len);
                    }
                    keys[len++] = ((long) c << 32) | (e - start[i]);
                }
            }
            // partners in ascending order: memory is read forwards
            Arrays.sort(keys, 0, len);
            for (int t = 0, at = rowStart[k]; t < len; t++, at++) {
                column[at] = (int) (keys[t] >>> 32);
                p[at] = (float) val[start[i] + (int) keys[t]];
            }
        }
    }

    /** Pairs stored (each once). */
    int pairs() {
        return column.length;
    }

    /**
     * Sums every pair's terms at the coordinates {@code y} (interleaved) into the ranges' arrays; {@link #force}
     * then reads a point's total ({@link #totalsRanked} adds the ranges' arrays for all points at once).
     */
    void compute(double[] y, ForkJoinPool pool) {
        int[] ord = order;
        for (int k = 0; k < n; k++) {
            int i = ord[k];
            yf[2 * k] = (float) y[2 * i];
            yf[2 * k + 1] = (float) y[2 * i + 1];
        }
        pool.submit(() -> IntStream.range(0, PARTS).parallel().forEach(this::part)).join();
    }

    /**
     * As {@link #compute(double[], ForkJoinPool)} with {@code yr} already in the summing order ({@code yr[2k]} is
     * point {@code order[k]}): the copy to single precision reads memory in order. Read the totals with
     * {@link #totalsRanked}.
     */
    void computeRanked(double[] yr, ForkJoinPool pool) {
        load(yr);
        pool.submit(() -> IntStream.range(0, PARTS).parallel().forEach(this::part)).join();
    }

    /**
     * The first half of {@link #computeRanked}: the coordinates, already in the summing order, taken in single
     * precision. Then {@link #part} for every range in [0, {@link #PARTS}) on any threads, each once, gives the
     * same sums.
     */
    void load(double[] yr) {
        for (int k = 0; k < 2 * n; k++) {
            yf[k] = (float) yr[k];
        }
    }

    /**
     * {@code out[c]} = the attractive total of the k-th summed point along {@code axis} for every interleaved
     * coordinate c = 2k + axis in [from, to): {@link #force} of {@code order[k]}, the same sums in the same order,
     * taken a range's array at a time (element-wise, so C2 vectorises it).
     */
    void totalsRanked(int from, int to, float[] out) {
        Arrays.fill(out, from, to, 0f);
        for (float[] part : sums) {
            for (int c = from; c < to; c++) {
                out[c] += part[c];
            }
        }
    }

    /** Point i's {@code Σⱼ pᵢⱼ wᵢⱼ (yᵢ − yⱼ)} along {@code axis} (0 = x, 1 = y): the ranges added in order. */
    float force(int i, int axis) {
        int c = 2 * rank[i] + axis;
        float sum = 0;
        for (float[] part : sums) {
            sum += part[c];
        }
        return sum;
    }

    /** {@code out[2i], out[2i+1]} = scale · Σⱼ pᵢⱼ wᵢⱼ (yᵢ − yⱼ), y interleaved. */
    void compute(double[] y, double scale, double[] out, ForkJoinPool pool) {
        compute(y, pool);
        for (int i = 0; i < n; i++) {
            out[2 * i] = force(i, 0) * scale;
            out[2 * i + 1] = force(i, 1) * scale;
        }
    }

    /** Range {@code part}'s pairs summed into its own array (which it clears first). */
    void part(int part) {
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
