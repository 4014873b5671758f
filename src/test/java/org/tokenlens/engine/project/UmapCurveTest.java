package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UmapCurveTest {

    @Test
    void defaultMinDistAndSpreadGiveUmapLearnsParameters() {
        // umap-learn's find_ab_params(spread=1, min_dist=0.1) — SciPy's curve_fit — gives a = 1.5769434604,
        // b = 0.8950608781; umap-learn writes these as defaults in umap/layouts.py (optimize_layout_aligned_euclidean:
        // a=1.576943460405378, b=0.8950608781227859)
        UmapCurve c = UmapCurve.fit(0.1, 1.0);
        assertEquals(1.576943460405378, c.a(), 1e-4);
        assertEquals(0.8950608781227859, c.b(), 1e-4);
    }

    @Test
    void fitIsALeastSquaresMinimumOfTheTarget() {
        // independent of umap-learn: no small change of (a, b) lowers the squared error to the target curve
        for (double[] ms : new double[][] {{0.5, 1.0}, {0.01, 2.0}, {0.25, 0.5}}) {
            UmapCurve c = UmapCurve.fit(ms[0], ms[1]);
            double best = error(c.a(), c.b(), ms[0], ms[1]);
            for (double da : new double[] {-1e-3, 0, 1e-3}) {
                for (double db : new double[] {-1e-3, 0, 1e-3}) {
                    double e = error(c.a() * (1 + da), c.b() * (1 + db), ms[0], ms[1]);
                    assertTrue(e >= best - 1e-12, "min_dist " + ms[0] + " spread " + ms[1] + ": " + e + " < " + best);
                }
            }
        }
    }

    private static double error(double a, double b, double minDist, double spread) {
        double s = 0;
        for (int i = 0; i < 300; i++) {
            double x = 3 * spread * i / 299.0;
            double target = x < minDist ? 1 : Math.exp(-(x - minDist) / spread);
            double f = 1 / (1 + a * Math.pow(x, 2 * b));
            s += (f - target) * (f - target);
        }
        return s;
    }
}
