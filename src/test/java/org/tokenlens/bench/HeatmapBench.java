package org.tokenlens.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tokenlens.app.heatmap.ColorMap;
import org.tokenlens.app.heatmap.HeatmapRenderer;
import org.tokenlens.app.heatmap.MatrixSource;
import org.tokenlens.app.heatmap.MeanPyramid;
import org.tokenlens.app.heatmap.Viewport;

/**
 * Heatmap drawing cost for an 8192 × 4096 matrix (the target: a redraw in ≤ 16 ms): pyramid build,
 * redraw p50/p99 over 200 zoom/pan steps into the plot area of a 1600 × 1000 heatmap (pixels computed and copied
 * into the direct buffer a PixelBuffer wraps), and a hover lookup (pixel → cell → full-resolution value).
 * No toolkit needed: this is the work the skin does on the FX thread before the buffer is uploaded.
 *
 * <pre>java -Xmx3g -cp target/classes:target/test-classes org.tokenlens.bench.HeatmapBench</pre>
 */
public final class HeatmapBench {

    private static final int ROWS = 8192;
    private static final int COLS = 4096;
    // plot area of a 1600 × 1000 Heatmap without markers (skin margins: 20 + 46 left, 74 legend, 26 + 42 rows)
    private static final int W = 1600 - 20 - 46 - 74;
    private static final int H = 1000 - 26 - 42;

    private HeatmapBench() {
    }

    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(42);
        float[] values = new float[ROWS * COLS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        MatrixSource source = MatrixSource.of(values, ROWS, COLS);

        long[] build = new long[5];
        MeanPyramid pyramid = null;
        for (int i = 0; i < build.length; i++) {
            long t0 = System.nanoTime();
            pyramid = MeanPyramid.build(source);
            build[i] = System.nanoTime() - t0;
        }
        Arrays.sort(build);
        System.out.printf("pyramid build %d × %d: median %.1f ms (min %.1f, max %.1f), %d levels%n", ROWS, COLS,
                build[2] / 1e6, build[0] / 1e6, build[4] / 1e6, pyramid.levelCount());

        HeatmapRenderer renderer = new HeatmapRenderer();
        int[] argb = new int[W * H];
        IntBuffer pixels = ByteBuffer.allocateDirect(W * H * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        Viewport[] steps = steps(pyramid);
        float[] range = ColorMap.DIVERGING.scale(pyramid.min(), pyramid.max());
        for (int warm = 0; warm < 3; warm++) {
            for (Viewport v : steps) {
                renderer.render(pyramid, v, ColorMap.DIVERGING, range[0], range[1], argb, W, H);
            }
        }
        long[] times = new long[steps.length];
        long[] cpu = new long[steps.length];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int[] levelUse = new int[pyramid.levelCount()];
        for (int i = 0; i < steps.length; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int k = renderer.render(pyramid, steps[i], ColorMap.DIVERGING, range[0], range[1], argb, W, H);
            pixels.clear();
            pixels.put(argb, 0, W * H);
            times[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            levelUse[k]++;
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("redraw %d × %d px, %d zoom/pan steps: p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                + "whole-matrix view %.2f ms; levels used %s%n", W, H, steps.length, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6,
                times[0] / 1e6, Arrays.toString(levelUse));
        // on a shared machine wall time includes waiting for a core; CPU time is the work itself
        Arrays.sort(cpu);
        System.out.printf("redraw CPU time: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", cpu[cpu.length / 2] / 1e6,
                cpu[(int) Math.ceil(cpu.length * 0.99) - 1] / 1e6, cpu[cpu.length - 1] / 1e6);

        // hover: pixel → (row, col) under the current view, then the full-resolution value
        Viewport v = steps[60];
        int n = 2_000_000;
        double sink = 0;
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                double x = (i * 7919L % W) + 0.5;
                double y = (i * 104_729L % H) + 0.5;
                int row = v.rowAt(y, H);
                int col = v.colAt(x, W);
                sink += source.get(Math.min(row, ROWS - 1), Math.min(col, COLS - 1));
            }
            long dt = System.nanoTime() - t0;
            if (rep == 1) {
                System.out.printf("hover lookup: %.1f ns per lookup (%d lookups; checksum %.1f)%n", dt / (double) n,
                        n, sink);
            }
        }
    }

    /** The whole matrix, then zooming in around moving cursors with pans between, then back out. */
    private static Viewport[] steps(MeanPyramid p) {
        SplittableRandom rnd = new SplittableRandom(7);
        Viewport[] out = new Viewport[200];
        Viewport v = Viewport.whole(p.rows(), p.cols());
        for (int i = 0; i < out.length; i++) {
            out[i] = v;
            double x = rnd.nextDouble() * W;
            double y = rnd.nextDouble() * H;
            if (i % 4 == 3) {
                v = v.pan(rnd.nextDouble() * 200 - 100, rnd.nextDouble() * 200 - 100, W, H, p.rows(), p.cols());
            } else {
                v = v.zoom(i < 100 ? 1.12 : 1 / 1.12, x, y, W, H, p.rows(), p.cols());
            }
        }
        return out;
    }
}
