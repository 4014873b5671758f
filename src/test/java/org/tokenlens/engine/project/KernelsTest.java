package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The step's gains kernel: the Vector API one against the plain loop, and both against the rule itself. */
class KernelsTest {

    @Test
    void gainsFollowTheSignRuleBitForBitOnEitherKernel() {
        assertNotNull(Kernels.vector(), "the tests run with --add-modules jdk.incubator.vector");
        // signs that agree, differ, zeros of both signs and NaN, at every lane position and in the tail
        double[] specials = {0.0, -0.0, 1e-300, -1e-300, 2.5, -2.5, Double.NaN, 7e10, -7e10};
        Random r = new Random(5);
        int n = 1003;
        double[] grads = new double[n];
        double[] update = new double[n];
        double[] gains = new double[n];
        for (int c = 0; c < n; c++) {
            grads[c] = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : r.nextGaussian();
            update[c] = r.nextInt(3) == 0 ? specials[r.nextInt(specials.length)] : r.nextGaussian();
            gains[c] = r.nextInt(4) == 0 ? 0.011 : 0.01 + 3 * r.nextDouble();
        }
        double momentum = 0.8;
        double eta = 104.2;
        for (Kernels k : new Kernels[] {Kernels.SCALAR, Kernels.vector()}) {
            double[] u = update.clone();
            double[] g = gains.clone();
            k.gains(grads, u, g, 3, n, momentum, eta);
            for (int c = 0; c < n; c++) {
                if (c < 3) {
                    assertEquals(update[c], u[c], "untouched before from");
                    assertEquals(gains[c], g[c], "untouched before from");
                    continue;
                }
                double grad = grads[c];
                double last = update[c];
                // + 0.0 turns −0 into +0: both count as zero
                boolean differ = Double.isNaN(grad) || Double.isNaN(last)
                        || Double.compare(grad + 0.0, 0.0) != Double.compare(last + 0.0, 0.0);
                double want = Math.max(differ ? gains[c] + 0.2 : gains[c] * 0.8, 0.01);
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(g[c]), k.name() + " gain " + c);
                double wantU = momentum * last - eta * want * grad;
                assertEquals(Double.doubleToLongBits(wantU), Double.doubleToLongBits(u[c]), k.name() + " update " + c);
            }
        }
    }
}
