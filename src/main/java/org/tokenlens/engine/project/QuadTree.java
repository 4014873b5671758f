package org.tokenlens.engine.project;

import java.util.Arrays;

/**
 * A quadtree over the 2-D embedding, rebuilt every iteration from the points sorted in Morton (Z) order, so
 * that every node owns a contiguous run of the sorted points and traversals read memory in order. Flat arrays
 * (struct of arrays), children of a node stored next to each other, built without recursion and without
 * allocation once the arrays have grown. A node holds at most {@link #LEAF} points unless its cell is at the
 * finest Morton level (coincident or nearly coincident points, common among unused vocabulary rows).
 *
 * <p>Each node keeps its mass, centre of mass and the square of the longer side of its points' bounding box (at
 * most its cell's side): the Barnes-Hut test {@code side² < θ² · d²} needs no square root.
 */
final class QuadTree {

    /**
     * Most points in a leaf. A leaf that a block cannot accept puts all its points on the block's list, so smaller
     * leaves mean fewer near pairs: 8 instead of 16 took ~17% of the pairs off at 5,000 points (556 → 459 per
     * point) for a slightly deeper tree; 4 saved more pairs but lost it again in the walk.
     */
    static final int LEAF = 8;
    /** Bits per axis of the Morton key. */
    private static final int BITS = 16;

    /** Points sorted by Morton key: coordinates, and {@code order[k]} = original index of sorted point k. */
    double[] sx = new double[0];
    double[] sy = new double[0];
    int[] order = new int[0];
    private int[] keys = new int[0];
    private int[] keysTmp = new int[0];
    private int[] orderTmp = new int[0];
    private final int[] histogram = new int[1 << 11];

    int size;
    /** First sorted point and one past the last point of each node. */
    int[] from = new int[0];
    int[] to = new int[0];
    /** Index of the first child (children are consecutive), or -1 for a leaf. */
    int[] firstChild = new int[0];
    int[] children = new int[0];
    private int[] level = new int[0];
    double[] comX = new double[0];
    double[] comY = new double[0];
    double[] mass = new double[0];
    /** Square of the longer side of the node's points' bounding box. */
    double[] side2 = new double[0];
    double[] minX = new double[0];
    double[] maxX = new double[0];
    double[] minY = new double[0];
    double[] maxY = new double[0];
    /**
     * What a walk reads of each node, four values per node so that one visit touches one or two cache lines
     * instead of one per array: centre of mass x, y, {@code side²}, mass at {@code 4·node…4·node+3}.
     */
    double[] walk = new double[0];
    /** First child (-1 for a leaf), child count, first point, end point at {@code 4·node…4·node+3}. */
    int[] links = new int[0];
    /** Leaves in tree (= Morton) order. */
    int[] leaves = new int[0];
    int leafCount;

    void build(double[] y, int n) {
        if (order.length < n) {
            sx = new double[n];
            sy = new double[n];
            order = new int[n];
            keys = new int[n];
            keysTmp = new int[n];
            orderTmp = new int[n];
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            // plain comparisons: Math.min/max order NaN and -0.0, which costs in these hot loops
            double px = y[2 * i];
            double py = y[2 * i + 1];
            x0 = px < x0 ? px : x0;
            x1 = px > x1 ? px : x1;
            y0 = py < y0 ? py : y0;
            y1 = py > y1 ? py : y1;
        }
        double extent = Math.max(x1 - x0, y1 - y0);
        double scale = extent > 0 ? ((1 << BITS) - 1) / extent : 0;
        for (int i = 0; i < n; i++) {
            int qx = (int) ((y[2 * i] - x0) * scale);
            int qy = (int) ((y[2 * i + 1] - y0) * scale);
            keys[i] = spread(qx) | (spread(qy) << 1);
            order[i] = i;
        }
        sortByKey(n);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            sx[k] = y[2 * i];
            sy[k] = y[2 * i + 1];
        }
        buildNodes(n);
        summarise();
    }

    /** Spreads the low 16 bits of v to the even bit positions. */
    private static int spread(int v) {
        v &= 0xFFFF;
        v = (v | (v << 8)) & 0x00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F;
        v = (v | (v << 2)) & 0x33333333;
        v = (v | (v << 1)) & 0x55555555;
        return v;
    }

    /** Stable LSD radix sort of (keys, order) on the 32-bit keys, 11 bits per pass. */
    private void sortByKey(int n) {
        int[] k = keys;
        int[] o = order;
        int[] kt = keysTmp;
        int[] ot = orderTmp;
        for (int shift = 0; shift < 32; shift += 11) {
            Arrays.fill(histogram, 0);
            for (int i = 0; i < n; i++) {
                histogram[(k[i] >>> shift) & 0x7FF]++;
            }
            int sum = 0;
            for (int b = 0; b < histogram.length; b++) {
                int c = histogram[b];
                histogram[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int at = histogram[(k[i] >>> shift) & 0x7FF]++;
                kt[at] = k[i];
                ot[at] = o[i];
            }
            int[] t = k;
            k = kt;
            kt = t;
            t = o;
            o = ot;
            ot = t;
        }
        // three passes: the sorted data sit in the scratch arrays
        keys = k;
        keysTmp = kt;
        order = o;
        orderTmp = ot;
    }

    /** Splits runs of the sorted points by the next two Morton bits, breadth first: children follow parents. */
    private void buildNodes(int n) {
        size = 0;
        leafCount = 0;
        newNode(0, n, 0);
        for (int node = 0; node < size; node++) {
            int a = from[node];
            int b = to[node];
            int lv = level[node];
            if (b - a <= LEAF || lv == BITS) {
                firstChild[node] = -1;
                children[node] = 0;
                if (leafCount == leaves.length) {
                    leaves = Arrays.copyOf(leaves, Math.max(256, 2 * leafCount));
                }
                leaves[leafCount++] = node;
                continue;
            }
            int shift = 2 * (BITS - 1 - lv);
            int first = size;
            int s = a;
            while (s < b) {
                int quadrant = (keys[s] >>> shift) & 3;
                int e = s + 1;
                while (e < b && ((keys[e] >>> shift) & 3) == quadrant) {
                    e++;
                }
                newNode(s, e, lv + 1);
                s = e;
            }
            firstChild[node] = first;
            children[node] = size - first;
        }
    }

    /** Mass, centre of mass and bounding box of every node, children before parents. */
    private void summarise() {
        for (int node = size - 1; node >= 0; node--) {
            double mx = 0;
            double my = 0;
            double lx = Double.POSITIVE_INFINITY;
            double hx = Double.NEGATIVE_INFINITY;
            double ly = Double.POSITIVE_INFINITY;
            double hy = Double.NEGATIVE_INFINITY;
            int c = firstChild[node];
            if (c < 0) {
                for (int k = from[node]; k < to[node]; k++) {
                    double px = sx[k];
                    double py = sy[k];
                    mx += px;
                    my += py;
                    lx = px < lx ? px : lx;
                    hx = px > hx ? px : hx;
                    ly = py < ly ? py : ly;
                    hy = py > hy ? py : hy;
                }
            } else {
                for (int ch = c; ch < c + children[node]; ch++) {
                    double m = mass[ch];
                    mx += comX[ch] * m;
                    my += comY[ch] * m;
                    lx = minX[ch] < lx ? minX[ch] : lx;
                    hx = maxX[ch] > hx ? maxX[ch] : hx;
                    ly = minY[ch] < ly ? minY[ch] : ly;
                    hy = maxY[ch] > hy ? maxY[ch] : hy;
                }
            }
            double m = to[node] - from[node];
            mass[node] = m;
            comX[node] = mx / m;
            comY[node] = my / m;
            minX[node] = lx;
            maxX[node] = hx;
            minY[node] = ly;
            maxY[node] = hy;
            double side = Math.max(hx - lx, hy - ly);
            side2[node] = side * side;
        }
        if (walk.length < 4 * size) {
            walk = new double[4 * from.length];
            links = new int[4 * from.length];
        }
        for (int node = 0; node < size; node++) {
            walk[4 * node] = comX[node];
            walk[4 * node + 1] = comY[node];
            walk[4 * node + 2] = side2[node];
            walk[4 * node + 3] = mass[node];
            links[4 * node] = firstChild[node];
            links[4 * node + 1] = children[node];
            links[4 * node + 2] = from[node];
            links[4 * node + 3] = to[node];
        }
    }

    private void newNode(int a, int b, int lv) {
        if (size == from.length) {
            int cap = Math.max(1024, size * 2);
            from = Arrays.copyOf(from, cap);
            to = Arrays.copyOf(to, cap);
            firstChild = Arrays.copyOf(firstChild, cap);
            children = Arrays.copyOf(children, cap);
            level = Arrays.copyOf(level, cap);
            comX = Arrays.copyOf(comX, cap);
            comY = Arrays.copyOf(comY, cap);
            mass = Arrays.copyOf(mass, cap);
            side2 = Arrays.copyOf(side2, cap);
            minX = Arrays.copyOf(minX, cap);
            maxX = Arrays.copyOf(maxX, cap);
            minY = Arrays.copyOf(minY, cap);
            maxY = Arrays.copyOf(maxY, cap);
        }
        from[size] = a;
        to[size] = b;
        level[size] = lv;
        size++;
    }

    /** Deepest traversal stack: up to 3 siblings waiting per level plus the root. */
    static int stackSize() {
        return 4 * (BITS + 2);
    }
}
