package org.tokenlens.engine.project;

import java.util.Arrays;

/**
 * A point-region quadtree over the 2-D embedding, rebuilt every iteration, in flat arrays (no node objects: 30k
 * points make ~60k nodes per iteration). Each node keeps its mass and centre of mass; a cell far enough away
 * ({@code width / distance < θ}) acts on a point as one body. Coincident points (common among unused vocabulary
 * rows) would split forever, so below {@link #MAX_DEPTH} a leaf simply accumulates them.
 */
final class QuadTree {

    private static final int MAX_DEPTH = 48;

    private int size;
    private double[] cx = new double[0];
    private double[] cy = new double[0];
    private double[] half = new double[0];
    private double[] comX = new double[0];
    private double[] comY = new double[0];
    private int[] mass = new int[0];
    /** Index of the first of four children, or -1 for a leaf. */
    private int[] firstChild = new int[0];
    /** The point held by a leaf (one, or the first of several coincident ones), or -1. */
    private int[] point = new int[0];
    private int[] depth = new int[0];
    /** The leaf each point ended in: lets a point skip itself inside a leaf. */
    private int[] leafOf = new int[0];

    private double[] coords;

    void build(double[] y, int n) {
        coords = y;
        if (leafOf.length < n) {
            leafOf = new int[n];
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        size = 0;
        double h = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9) + 1e-12;
        newNode((minX + maxX) / 2, (minY + maxY) / 2, h, 0);
        for (int i = 0; i < n; i++) {
            insert(i, y[2 * i], y[2 * i + 1]);
        }
        for (int node = 0; node < size; node++) {
            if (mass[node] > 0) {
                comX[node] /= mass[node];
                comY[node] /= mass[node];
            }
        }
    }

    private void insert(int i, double px, double py) {
        int node = 0;
        while (true) {
            mass[node]++;
            comX[node] += px;
            comY[node] += py;
            if (firstChild[node] >= 0) {
                node = firstChild[node] + quadrant(node, px, py);
                continue;
            }
            if (point[node] < 0) {
                point[node] = i;
                leafOf[i] = node;
                return;
            }
            if (depth[node] >= MAX_DEPTH) {
                leafOf[i] = node;
                return;
            }
            // split: move the resident point one level down, then keep descending with i
            int resident = point[node];
            double rx = coords[2 * resident];
            double ry = coords[2 * resident + 1];
            point[node] = -1;
            double q = half[node] / 2;
            int first = size;
            int dd = depth[node] + 1;
            newNode(cx[node] - q, cy[node] - q, q, dd);
            newNode(cx[node] + q, cy[node] - q, q, dd);
            newNode(cx[node] - q, cy[node] + q, q, dd);
            newNode(cx[node] + q, cy[node] + q, q, dd);
            firstChild[node] = first;
            int child = first + quadrant(node, rx, ry);
            mass[child] = 1;
            comX[child] = rx;
            comY[child] = ry;
            point[child] = resident;
            leafOf[resident] = child;
            node = first + quadrant(node, px, py);
        }
    }

    private int quadrant(int node, double px, double py) {
        return (px >= cx[node] ? 1 : 0) + (py >= cy[node] ? 2 : 0);
    }

    private void newNode(double x, double y, double h, int d) {
        if (size == cx.length) {
            int cap = Math.max(1024, size * 2);
            cx = Arrays.copyOf(cx, cap);
            cy = Arrays.copyOf(cy, cap);
            half = Arrays.copyOf(half, cap);
            comX = Arrays.copyOf(comX, cap);
            comY = Arrays.copyOf(comY, cap);
            mass = Arrays.copyOf(mass, cap);
            firstChild = Arrays.copyOf(firstChild, cap);
            point = Arrays.copyOf(point, cap);
            depth = Arrays.copyOf(depth, cap);
        }
        cx[size] = x;
        cy[size] = y;
        half[size] = h;
        comX[size] = 0;
        comY[size] = 0;
        mass[size] = 0;
        firstChild[size] = -1;
        point[size] = -1;
        depth[size] = d;
        size++;
    }

    /**
     * Repulsion on point i: writes the unnormalised force Σ w²(yᵢ − yⱼ) to {@code force[0..1]} and returns
     * Σ w (its share of the normalisation Z), where w = 1 / (1 + |yᵢ − yⱼ|²).
     */
    double repulsion(int i, double px, double py, double theta2, int[] stack, double[] force) {
        double z = 0;
        double fx = 0;
        double fy = 0;
        int top = 0;
        stack[top++] = 0;
        int own = leafOf[i];
        while (top > 0) {
            int node = stack[--top];
            int m = mass[node];
            if (m == 0) {
                continue;
            }
            double dx = px - comX[node];
            double dy = py - comY[node];
            double d2 = dx * dx + dy * dy;
            boolean leaf = firstChild[node] < 0;
            double width = 2 * half[node];
            if (leaf || width * width < theta2 * d2) {
                if (node == own) {
                    m--;
                    if (m == 0) {
                        continue;
                    }
                }
                double w = 1 / (1 + d2);
                double mw = m * w;
                z += mw;
                mw *= w;
                fx += mw * dx;
                fy += mw * dy;
            } else {
                int c = firstChild[node];
                stack[top++] = c;
                stack[top++] = c + 1;
                stack[top++] = c + 2;
                stack[top++] = c + 3;
            }
        }
        force[0] = fx;
        force[1] = fy;
        return z;
    }

    /** Deepest possible traversal stack: 3 siblings waiting per level plus the root. */
    static int stackSize() {
        return 4 * (MAX_DEPTH + 2);
    }
}
