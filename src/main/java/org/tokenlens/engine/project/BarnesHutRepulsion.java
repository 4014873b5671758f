package org.tokenlens.engine.project;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Repulsion summarised by a quadtree (van der Maaten 2014), walked per block of points rather than per point
 * (the grouped Barnes-Hut of Barnes 1990): a node acts on a whole block as one body when
 * {@code side / distance < θ}, the distance measured from the node's centre of mass to the nearest point of the
 * block's bounding box — so every point of the block passes the per-point test too, and the result is at least as
 * accurate as per-point Barnes-Hut with the same θ.
 *
 * <p>A block is the largest subtree of at most {@link #BLOCK} points. It walks the tree once from the root: nodes
 * it accepts, and the points of leaves it cannot accept (its own points among them), go on one interaction
 * list. The list is then applied to all the block's points at once ({@link Kernels#barnesHut}): in plain Java entry
 * by entry, the inner loop running over the points element-wise on float arrays with no loop-carried sum, which
 * C2's SuperWord turns into SIMD code (divisions included); on the Vector API, when the JVM has it, 16 points at a
 * time with their sums in registers while the whole list streams past (~1.7× faster, the same bits). Blocks this
 * large cost more pairs than per-leaf lists (~460 instead of ~240 per point at
 * 5,000 MiniLM rows, leaves of ≤8) but each pair half as much (~0.5 ns here against ~1.06 ns for the per-point
 * scalar sums, which C2 does not vectorise); the walk itself shrinks to about a quarter. Coordinates are
 * relative to the block's centre, so near pairs keep their digits; each point meets itself once on the list,
 * which adds exactly 1 to its Z share and nothing to its force: 1 is subtracted.
 *
 * <p>Threads take blocks one at a time in turn; every point's force and Z share is written once by its block, each
 * sum runs over the list in walk order, and Z is summed in tree order — all fixed by the coordinates alone, so
 * the result does not depend on the thread count. With θ = 0 every list holds every point: the exact O(n²) sums.
 */
final class BarnesHutRepulsion implements Repulsion {

    /** Most points in a block: long enough inner loops for SIMD, small enough to keep the near field small. */
    static final int BLOCK = 256;

    private final double theta2;
    private final Kernels kernels;
    private final QuadTree tree = new QuadTree();
    private final ThreadLocal<Work> work;
    private double[] fx = new double[0];
    private double[] fy = new double[0];
    private double[] zs = new double[0];
    private int[] blocks = new int[64];
    private int blockCount;
    private int[] walkStack = new int[64];

    BarnesHutRepulsion(double theta) {
        this(theta, Kernels.best());
    }

    /** With the given inner loop ({@link Kernels#SCALAR} or the Vector API one: the same bits). */
    BarnesHutRepulsion(double theta, Kernels kernels) {
        this.theta2 = theta * theta;
        this.kernels = kernels;
        int padding = kernels.padding();
        this.work = ThreadLocal.withInitial(() -> new Work(padding));
    }

    /** A thread's walk stack, interaction list and the current block's points and sums. */
    private static final class Work {
        /** Points past a block's own that the kernel may compute (kept at 0). */
        final int padding;
        int[] stack = new int[256];
        float[] lx = new float[1024];
        float[] ly = new float[1024];
        float[] lm = new float[1024];
        int length;
        /** The block's points relative to its centre, and their force and Z sums. */
        float[] px;
        float[] py;
        float[] ax;
        float[] ay;
        float[] az;

        Work(int padding) {
            this.padding = padding;
            int m = BLOCK + padding;
            px = new float[m];
            py = new float[m];
            ax = new float[m];
            ay = new float[m];
            az = new float[m];
        }

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

        /**
         * Room for m block points (a leaf at the finest level may hold more than a block) and the padding after
         * them, set to 0 (so the kernel's extra lanes compute finite values that nothing reads).
         */
        void points(int m) {
            if (px.length < m + padding) {
                px = new float[m + padding];
                py = new float[m + padding];
                ax = new float[m + padding];
                ay = new float[m + padding];
                az = new float[m + padding];
            }
            Arrays.fill(px, m, m + padding, 0f);
            Arrays.fill(py, m, m + padding, 0f);
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
        prepare(y, n);
        int count = blockCount;
        // blocks differ in cost by 10× or more (points × list length): each thread takes the next block in turn
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(count, pool.getParallelism());
        pool.submit(() -> IntStream.range(0, threads).parallel().forEach(thread -> {
            for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                block(b);
            }
        })).join();
        return finish(n, repel);
    }

    @Override
    public BarnesHutRepulsion tree(double[] y, int n) {
        return this;
    }

    /**
     * The serial start of {@link #compute}: the tree of {@code y} and its blocks. Then {@link #block} for every
     * block in [0, {@link #blocks}) on any threads, each once, and {@link #finish}: the same values as
     * {@link #compute}, whichever threads ran the blocks.
     */
    void prepare(double[] y, int n) {
        if (fx.length < n) {
            fx = new double[n];
            fy = new double[n];
            zs = new double[n];
        }
        tree.build(y, n);
        findBlocks(tree);
    }

    /** Blocks of the tree {@link #prepare} built. */
    int blocks() {
        return blockCount;
    }

    /** Block b's walk and sums (b in [0, {@link #blocks})): writes its points' forces and Z shares only. */
    void block(int b) {
        block(tree, blocks[b], work.get());
    }

    /** After every block: the forces into {@code repel} (interleaved, in y's order) and Z, summed in tree order. */
    double finish(int n, double[] repel) {
        double z = 0;
        int[] order = tree.order;
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

    /** One block: its walk from the root, then the list applied to all its points. */
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
            } else {
                stack = w.stack(top);
                int c = links[at];
                for (int ch = c + links[at + 1] - 1; ch >= c; ch--) {
                    stack[top++] = ch;
                }
            }
        }
        int p0 = links[4 * block + 2];
        int m = links[4 * block + 3] - p0;
        w.points(m);
        float[] px = w.px;
        float[] py = w.py;
        float[] ax = w.ax;
        float[] ay = w.ay;
        float[] az = w.az;
        double[] sx = t.sx;
        double[] sy = t.sy;
        for (int k = 0; k < m; k++) {
            px[k] = (float) (sx[p0 + k] - ox);
            py[k] = (float) (sy[p0 + k] - oy);
        }
        kernels.barnesHut(px, py, ax, ay, az, m, w.lx, w.ly, w.lm, w.length);
        for (int k = 0; k < m; k++) {
            fx[p0 + k] = ax[k];
            fy[p0 + k] = ay[k];
            zs[p0 + k] = az[k] - 1;
        }
    }
}
