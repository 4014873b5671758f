package org.tokenlens.engine.project;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Vector API (jdk.incubator.vector, incubating in Java 17): loaded only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} ({@link Kernels#best}), and used only where 256-bit
 * vectors run in hardware.
 *
 * <p>The Barnes-Hut kernel keeps 16 block points in registers (two 8-float vectors each for x, y and the three
 * sums) and streams the whole interaction list past them, one broadcast entry at a time: no loads or stores of the
 * sums per entry, and no scalar tail (blocks are padded to 16 points). C2's own vectorisation of the scalar loop
 * loads and stores the sums for every entry and runs a block's last points (a block holds ~20–256) in a scalar
 * post-loop, with 4-, 8- or 16-float vectors depending on the run's profile. At 5,000 MiniLM rows this took a
 * Barnes-Hut pass from ~1.44 to ~0.85 ms on one thread (decision 0008). The arithmetic per lane is the scalar
 * code's, operation for operation and without fused multiply-adds, so both give the same bits.
 */
final class VectorKernels implements Kernels {

    /** 256 bits: AVX2 and up run it natively; 512-bit vectors measured no faster here (AVX-512 on Zen 4). */
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

    /** Whether this JVM runs 256-bit float vectors in hardware (otherwise the Vector API would emulate them). */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector " + S.vectorBitSize() + "-bit";
    }

    @Override
    public int padding() {
        return 2 * L;
    }

    @Override
    public void barnesHut(float[] px, float[] py, float[] ax, float[] ay, float[] az, int m, float[] lx,
                          float[] ly, float[] lm, int len) {
        for (int k = 0; k < m; k += 2 * L) {
            sixteen(px, py, ax, ay, az, k, lx, ly, lm, len);
        }
    }

    /** Points [k, k + 16): the whole list applied with the sums held in registers. */
    private static void sixteen(float[] px, float[] py, float[] ax, float[] ay, float[] az, int k, float[] lx,
                                float[] ly, float[] lm, int len) {
        FloatVector x0 = FloatVector.fromArray(S, px, k);
        FloatVector y0 = FloatVector.fromArray(S, py, k);
        FloatVector x1 = FloatVector.fromArray(S, px, k + L);
        FloatVector y1 = FloatVector.fromArray(S, py, k + L);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector sx0 = FloatVector.zero(S);
        FloatVector sy0 = FloatVector.zero(S);
        FloatVector sz0 = FloatVector.zero(S);
        FloatVector sx1 = FloatVector.zero(S);
        FloatVector sy1 = FloatVector.zero(S);
        FloatVector sz1 = FloatVector.zero(S);
        for (int j = 0; j < len; j++) {
            FloatVector ex = FloatVector.broadcast(S, lx[j]);
            FloatVector ey = FloatVector.broadcast(S, ly[j]);
            float em = lm[j];
            // the scalar kernel's steps: dx, dy, q = 1 / ((1 + dx²) + dy²), mq = m·q, z += mq, mq·q·dx, mq·q·dy
            FloatVector dx0 = x0.sub(ex);
            FloatVector dy0 = y0.sub(ey);
            FloatVector dx1 = x1.sub(ex);
            FloatVector dy1 = y1.sub(ey);
            FloatVector q0 = one.div(one.add(dx0.mul(dx0)).add(dy0.mul(dy0)));
            FloatVector q1 = one.div(one.add(dx1.mul(dx1)).add(dy1.mul(dy1)));
            FloatVector mq0 = q0.mul(em);
            FloatVector mq1 = q1.mul(em);
            sz0 = sz0.add(mq0);
            sz1 = sz1.add(mq1);
            mq0 = mq0.mul(q0);
            mq1 = mq1.mul(q1);
            sx0 = sx0.add(mq0.mul(dx0));
            sy0 = sy0.add(mq0.mul(dy0));
            sx1 = sx1.add(mq1.mul(dx1));
            sy1 = sy1.add(mq1.mul(dy1));
        }
        sx0.intoArray(ax, k);
        sy0.intoArray(ay, k);
        sz0.intoArray(az, k);
        sx1.intoArray(ax, k + L);
        sy1.intoArray(ay, k + L);
        sz1.intoArray(az, k + L);
    }

    /**
     * The step's gains four coordinates at a time: where the scalar loop branches on the signs (a branch that
     * goes either way at random once the layout settles), masks pick the grown or the shrunk gain. "Signs
     * differ" is {@code Math.signum(grad) != Math.signum(u)}: not both positive, both negative or both zero (−0
     * counts as zero), or either NaN.
     */
    @Override
    public void gains(double[] grads, double[] update, double[] gains, int from, int to, double momentum,
                      double eta) {
        int c = from;
        for (int end = from + D.loopBound(to - from); c < end; c += D.length()) {
            DoubleVector grad = DoubleVector.fromArray(D, grads, c);
            DoubleVector u = DoubleVector.fromArray(D, update, c);
            DoubleVector gain = DoubleVector.fromArray(D, gains, c);
            VectorMask<Double> same = grad.compare(VectorOperators.GT, 0).eq(u.compare(VectorOperators.GT, 0))
                    .and(grad.compare(VectorOperators.LT, 0).eq(u.compare(VectorOperators.LT, 0)));
            VectorMask<Double> differ = same.not().or(grad.test(VectorOperators.IS_NAN))
                    .or(u.test(VectorOperators.IS_NAN));
            DoubleVector g = gain.mul(0.8).blend(gain.add(0.2), differ).max(0.01);
            g.intoArray(gains, c);
            u.mul(momentum).sub(g.mul(eta).mul(grad)).intoArray(update, c);
        }
        ScalarKernels.gainsScalar(grads, update, gains, c, to, momentum, eta);
    }
}
