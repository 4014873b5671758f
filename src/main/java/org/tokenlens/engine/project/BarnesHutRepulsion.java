package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Repulsion summarised by a quadtree (van der Maaten 2014), walked per group of points rather than per point
 * (the grouped Barnes-Hut of Barnes 1990): a node acts on a whole group as one body when
 * {@code side / distance < θ}, the distance measured from the node's centre of mass to the nearest point of the
 * group's bounding box — so every point of the group passes the per-point test too, and the result is at least as
 * accurate as per-point Barnes-Hut with the same θ.
 *
 * <p>Two levels of groups share the walk. A <i>block</i> (the largest subtree of at most {@link #BLOCK} points)
 * walks the tree once: nodes it accepts, and the points of leaves it cannot accept, go on a list shared by all its
 * leaves; nodes it cannot accept that are no bigger than a block are deferred. Each leaf (at most
 * {@link QuadTree#LEAF} points) then walks only the deferred nodes with its own, smaller box, and appends to a
 * copy of the shared list. Every node on a leaf's list passes the test for that leaf (its box lies inside the
 * block's), so the accuracy bound above holds. Then each point of the leaf sums over the list in a tight
 * single-precision loop, coordinates relative to the block's centre (near pairs keep their digits); the point
 * itself is on the list, which adds exactly 1 to its Z share and nothing to its force: 1 is subtracted.
 *
 * <p>Blocks are split between threads as contiguous runs; every point's force and Z share is written once and Z
 * is summed in tree order, which depends on the coordinates only, so the result does not depend on the thread
 * count. With θ = 0 every list holds every point: the exact O(n²) sums.
 */
final class BarnesHutRepulsion implements Repulsion {

    /** Most points in a block, the upper level of groups that share one walk. */
    static final int BLOCK = 64;

    private final double theta2;
    private final QuadTree tree = new QuadTree();
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);
    private double[] fx = new double[0];
    private double[] fy = new double[0];
    private double[] zs = new double[0];
    private int[] blocks = new int[64];
    private int blockCount;
    private int[] walkStack = new int[64];

    BarnesHutRepulsion(double theta) {
        this.theta2 = theta * theta;
    }

    /** A thread's stacks and interaction lists. */
    private static final class Work {
        int[] stack = new int[256];
        int[] deferred = new int[256];
        int deferredCount;
        /** The block's shared list occupies [0, shared); a leaf's own entries follow it. */
        float[] lx = new float[1024];
        float[] ly = new float[1024];
        float[] lm = new float[1024];
        int length;
        int shared;

        void add(float x, float y, float m) {
            if (length == lx.length) {
                grow(1);
            }
            lx[length] = x;
            ly[length] = y;
            lm[length++] = m;
        }

        /** Points [from, to) of the sorted coordinates, with mass 1, relative to (ox, oy). */
        void addPoints(double[] sx, double[] sy, int from, int to, double ox, double oy) {
            int at = length;
            if (at + to - from > lx.length) {
                grow(to - from);
            }
            float[] x = lx;
            float[] y = ly;
            float[] m = lm;
            for (int k = from; k < to; k++, at++) {
                x[at] = (float) (sx[k] - ox);
                y[at] = (float) (sy[k] - oy);
                m[at] = 1;
            }
            length = at;
        }

        private void grow(int extra) {
            int cap = Math.max(2 * lx.length, length + extra);
            lx = Arrays.copyOf(lx, cap);
            ly = Arrays.copyOf(ly, cap);
            lm = Arrays.copyOf(lm, cap);
        }

        void defer(int node) {
            if (deferredCount == deferred.length) {
                deferred = Arrays.copyOf(deferred, 2 * deferredCount);
            }
            deferred[deferredCount++] = node;
        }

        int[] stack(int top) {
            if (top + 8 > stack.length) {
                stack = Arrays.copyOf(stack, 2 * stack.length);
            }
            return stack;
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
        findBlocks(t);
        int count = blockCount;
        int[] bs = blocks;
        int parts = Math.min(count, 8 * pool.getParallelism());
        pool.submit(() -> IntStream.range(0, parts).parallel().forEach(part -> {
            Work w = work.get();
            int end = (int) ((long) count * (part + 1) / parts);
            for (int b = (int) ((long) count * part / parts); b < end; b++) {
                block(t, bs[b], w);
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

    /** The largest subtrees of at most {@link #BLOCK} points, in tree (= Morton) order. */
    private void findBlocks(QuadTree t) {
        int[] links = t.links;
        blockCount = 0;
        int top = 0;
        walkStack[top++] = 0;
        while (top > 0) {
            int node = walkStack[--top];
            int at = 4 * node;
            if (links[at + 3] - links[at + 2] <= BLOCK || links[at] < 0) {
                if (blockCount == blocks.length) {
                    blocks = Arrays.copyOf(blocks, 2 * blockCount);
                }
                blocks[blockCount++] = node;
            } else {
                if (top + 4 > walkStack.length) {
                    walkStack = Arrays.copyOf(walkStack, 2 * walkStack.length);
                }
                int c = links[at];
                for (int ch = c + links[at + 1] - 1; ch >= c; ch--) {
                    walkStack[top++] = ch;
                }
            }
        }
    }

    /** The block's shared walk from the root, then each of its leaves. */
    private void block(QuadTree t, int block, Work w) {
        double[] walk = t.walk;
        int[] links = t.links;
        double bx0 = t.minX[block];
        double bx1 = t.maxX[block];
        double by0 = t.minY[block];
        double by1 = t.maxY[block];
        double ox = (bx0 + bx1) / 2;
        double oy = (by0 + by1) / 2;
        w.length = 0;
        w.deferredCount = 0;
        int[] stack = w.stack;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int at = 4 * node;
            double cx = walk[at];
            double cy = walk[at + 1];
            double dx = Math.max(0, Math.max(bx0 - cx, cx - bx1));
            double dy = Math.max(0, Math.max(by0 - cy, cy - by1));
            if (walk[at + 2] < theta2 * (dx * dx + dy * dy)) {
                w.add((float) (cx - ox), (float) (cy - oy), (float) walk[at + 3]);
            } else if (links[at] < 0) {
                w.addPoints(t.sx, t.sy, links[at + 2], links[at + 3], ox, oy);
            } else if (node != block && links[at + 3] - links[at + 2] <= BLOCK) {
                // near the block and no bigger than one (the block's ancestors all are): each leaf decides
                w.defer(node);
            } else {
                stack = w.stack(top);
                int c = links[at];
                for (int ch = c + links[at + 1] - 1; ch >= c; ch--) {
                    stack[top++] = ch;
                }
            }
        }
        w.shared = w.length;
        // the block's leaves, found by walking its subtree (children in order: Morton order)
        int sTop = 0;
        int[] own = ownStacks.get();
        own[sTop++] = block;
        while (sTop > 0) {
            int node = own[--sTop];
            int at = 4 * node;
            if (links[at] < 0) {
                leaf(t, node, w, ox, oy);
            } else {
                int c = links[at];
                for (int ch = c + links[at + 1] - 1; ch >= c; ch--) {
                    own[sTop++] = ch;
                }
            }
        }
    }

    /** Walks a block's subtree for its leaves: at most 3 waiting siblings per level of the quadtree. */
    private final ThreadLocal<int[]> ownStacks = ThreadLocal.withInitial(() -> new int[QuadTree.stackSize()]);

    /** One leaf: walks the block's deferred nodes with the leaf's box, then sums the list for its points. */
    private void leaf(QuadTree t, int leaf, Work w, double ox, double oy) {
        double[] walk = t.walk;
        int[] links = t.links;
        double bx0 = t.minX[leaf];
        double bx1 = t.maxX[leaf];
        double by0 = t.minY[leaf];
        double by1 = t.maxY[leaf];
        w.length = w.shared;
        int[] stack = w.stack;
        int top = 0;
        for (int d = w.deferredCount - 1; d >= 0; d--) {
            stack = w.stack(top);
            stack[top++] = w.deferred[d];
        }
        while (top > 0) {
            int node = stack[--top];
            int at = 4 * node;
            double cx = walk[at];
            double cy = walk[at + 1];
            double dx = Math.max(0, Math.max(bx0 - cx, cx - bx1));
            double dy = Math.max(0, Math.max(by0 - cy, cy - by1));
            if (walk[at + 2] < theta2 * (dx * dx + dy * dy)) {
                w.add((float) (cx - ox), (float) (cy - oy), (float) walk[at + 3]);
            } else if (links[at] < 0) {
                w.addPoints(t.sx, t.sy, links[at + 2], links[at + 3], ox, oy);
            } else {
                stack = w.stack(top);
                int c = links[at];
                for (int ch = c + links[at + 1] - 1; ch >= c; ch--) {
                    stack[top++] = ch;
                }
            }
        }
        float[] lx = w.lx;
        float[] ly = w.ly;
        float[] lm = w.lm;
        int len = w.length;
        for (int k = links[4 * leaf + 2]; k < links[4 * leaf + 3]; k++) {
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
