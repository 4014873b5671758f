package org.tokenlens.engine.project;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Repulsion summarised by a quadtree (van der Maaten 2014): a cell acts as one body on a point when
 * {@code width / distance < θ}. O(n log n) per iteration; each point's share of Z is kept apart and summed in
 * index order, so the result does not depend on the thread count.
 */
final class BarnesHutRepulsion implements Repulsion {

    private final double theta2;
    private final QuadTree tree = new QuadTree();
    private final ThreadLocal<double[]> force = ThreadLocal.withInitial(() -> new double[2]);
    private final ThreadLocal<int[]> stack = ThreadLocal.withInitial(() -> new int[QuadTree.stackSize()]);
    private double[] zPart = new double[0];

    BarnesHutRepulsion(double theta) {
        this.theta2 = theta * theta;
    }

    @Override
    public double compute(double[] y, int n, double[] repel, ForkJoinPool pool) {
        if (zPart.length < n) {
            zPart = new double[n];
        }
        tree.build(y, n);
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            double[] f = force.get();
            zPart[i] = tree.repulsion(i, y[2 * i], y[2 * i + 1], theta2, stack.get(), f);
            repel[2 * i] = f[0];
            repel[2 * i + 1] = f[1];
        })).join();
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += zPart[i];
        }
        return z;
    }
}
