package org.tokenlens.engine.project;

import java.util.Arrays;

/** {@link Kernels} in plain Java: the element-wise loops C2's SuperWord vectorises by itself. */
final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int padding() {
        return 0;
    }

    @Override
    public void barnesHut(float[] px, float[] py, float[] ax, float[] ay, float[] az, int m, float[] lx,
                          float[] ly, float[] lm, int len) {
        Arrays.fill(ax, 0, m, 0f);
        Arrays.fill(ay, 0, m, 0f);
        Arrays.fill(az, 0, m, 0f);
        for (int j = 0; j < len; j++) {
            interact(px, py, ax, ay, az, m, lx[j], ly[j], lm[j]);
        }
    }

    /**
     * One list entry (x, y) of the given mass acting on points [0, m): element-wise over the points, every array
     * indexed alike and the body small, so that SuperWord vectorises it (an offset index or a second entry per
     * iteration each stopped it here).
     */
    static void interact(float[] px, float[] py, float[] ax, float[] ay, float[] az, int m,
                         float x, float y, float mass) {
        for (int k = 0; k < m; k++) {
            float dx = px[k] - x;
            float dy = py[k] - y;
            float q = 1 / (1 + dx * dx + dy * dy);
            float mq = mass * q;
            az[k] += mq;
            mq *= q;
            ax[k] += mq * dx;
            ay[k] += mq * dy;
        }
    }

    @Override
    public void gains(double[] grads, double[] update, double[] gains, int from, int to, double momentum,
                      double eta) {
        gainsScalar(grads, update, gains, from, to, momentum, eta);
    }

    /** The plain loop; also the vector kernel's tail. */
    static void gainsScalar(double[] grads, double[] update, double[] gains, int from, int to, double momentum,
                            double eta) {
        for (int c = from; c < to; c++) {
            double grad = grads[c];
            double u = update[c];
            double g = (Math.signum(grad) != Math.signum(u)) ? gains[c] + 0.2 : gains[c] * 0.8;
            g = Math.max(g, 0.01);
            gains[c] = g;
            update[c] = momentum * u - eta * g * grad;
        }
    }
}
