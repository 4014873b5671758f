package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Repulsion summarised by a quadtree (van der Maaten 2014), walked once per leaf rather than once per point (the
 * grouped Barnes-Hut of Barnes 1990): a node acts on the whole leaf as one body when
 * {@code side / distance < θ}, the distance measured from the node's centre of mass to the nearest point of the
 * leaf's bounding box — so every point of the leaf passes the per-point test too, and the result is at least as
 * accurate as per-point Barnes-Hut with the same θ. The walk yields an interaction list (centres of mass with
 * their masses, and the points of nearby leaves with mass 1); then each point of the leaf sums over the list in a
 * tight single-precision loop (coordinates relative to the leaf's centre, so near pairs keep their digits; Z
 * is summed in double). The leaf's own points are on its list, the point itself included, which adds exactly 1 to its Z
 * share and nothing to its force: 1 is subtracted.
 *
 * <p>Leaves are split between threads as contiguous runs; every point's force and Z share is written once and Z
 * is summed in tree order, which depends on the coordinates only, so the result does not depend on the thread
 * count. With θ = 0 every list holds every point: the exact O(n²) sums.
 */
final class BarnesHutRepulsion implements Repulsion {

    private final double theta2;
    private final QuadTree tree = new QuadTree();
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);
    private double[] fx = new double[0];
    private double[] fy = new double[0];
    private double[] zs = new double[0];

    BarnesHutRepulsion(double theta) {
        this.theta2 = theta * theta;
    }

    /** A thread's traversal stack and interaction list. */
    private static final class Work {
        final int[] stack = new int[QuadTree.stackSize()];
        float[] lx = new float[512];
        float[] ly = new float[512];
        float[] lm = new float[512];
        int length;

        void add(float x, float y, float m) {
            if (length == lx.length) {
                lx = Arrays.copyOf(lx, 2 * length);
                ly = Arrays.copyOf(ly, 2 * length);
                lm = Arrays.copyOf(lm, 2 * length);
            }
            lx[length] = x;
            ly[length] = y;
            lm[length++] = m;
        }
    }

    @Override
    public double compute(double[] y, int n, double[] repel, ForkJoinPool pool) {
        if (fx.length < n) {
            fx = new double[n];
            fy = new double[n];
            zs = new double[n];
        }
        QuadTree t = tree;
        t.build(y, n);
        int leaves = t.leafCount;
        int parts = Math.min(leaves, 8 * pool.getParallelism());
        pool.submit(() -> IntStream.range(0, parts).parallel().forEach(part -> {
            Work w = work.get();
            int end = (int) ((long) leaves * (part + 1) / parts);
            for (int l = (int) ((long) leaves * part / parts); l < end; l++) {
                leaf(t, t.leaves[l], w);
            }
        })).join();
        double z = 0;
        int[] order = t.order;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            repel[2 * i] = fx[k];
            repel[2 * i + 1] = fy[k];
            z += zs[k];
        }
        return z;
    }

    /** Walks the tree for one leaf, then sums its interaction list for each of the leaf's points. */
    private void leaf(QuadTree t, int leaf, Work w) {
        double bx0 = t.minX[leaf];
        double bx1 = t.maxX[leaf];
        double by0 = t.minY[leaf];
        double by1 = t.maxY[leaf];
        // single-precision sums relative to the leaf's centre: near pairs keep their digits
        double ox = (bx0 + bx1) / 2;
        double oy = (by0 + by1) / 2;
        int[] stack = w.stack;
        w.length = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            double cx = t.comX[node];
            double cy = t.comY[node];
            double dx = Math.max(0, Math.max(bx0 - cx, cx - bx1));
            double dy = Math.max(0, Math.max(by0 - cy, cy - by1));
            double d2 = dx * dx + dy * dy;
            if (t.side2[node] < theta2 * d2) {
                w.add((float) (cx - ox), (float) (cy - oy), (float) t.mass[node]);
            } else if (t.firstChild[node] < 0) {
                for (int k = t.from[node]; k < t.to[node]; k++) {
                    w.add((float) (t.sx[k] - ox), (float) (t.sy[k] - oy), 1);
                }
            } else {
                int c = t.firstChild[node];
                for (int ch = c + t.children[node] - 1; ch >= c; ch--) {
                    stack[top++] = ch;
                }
            }
        }
        float[] lx = w.lx;
        float[] ly = w.ly;
        float[] lm = w.lm;
        int len = w.length;
        for (int k = t.from[leaf]; k < t.to[leaf]; k++) {
            float px = (float) (t.sx[k] - ox);
            float py = (float) (t.sy[k] - oy);
            float z = 0;
            float ax = 0;
            float ay = 0;
            for (int j = 0; j < len; j++) {
                float ddx = px - lx[j];
                float ddy = py - ly[j];
                float q = 1 / (1 + ddx * ddx + ddy * ddy);
                float mq = lm[j] * q;
                z += mq;
                mq *= q;
                ax += mq * ddx;
                ay += mq * ddy;
            }
            fx[k] = ax;
            fy[k] = ay;
            zs[k] = z - 1;
        }
    }
}
