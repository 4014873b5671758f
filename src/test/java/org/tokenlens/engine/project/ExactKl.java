package org.tokenlens.engine.project;

/**
 * The t-SNE objective computed the textbook way, independently of both optimisers: dense conditional P over all
 * other points with each row's bandwidth bisected to the perplexity (entropy in nats), symmetrised
 * {@code (p_j|i + p_i|j) / 2n}, and exact Q over all pairs. Lets Smile's and our layouts be scored by the same
 * yardstick (their own reported costs use different P: Smile mixes log₂ and ln in its calibration, Barnes-Hut
 * keeps only 3·perplexity neighbours). O(n²) time, 4·n² bytes.
 */
public final class ExactKl {

    private ExactKl() {
    }

    public static double of(Points points, double perplexity, Projection layout) {
        int n = points.n();
        float[] cond = new float[n * n];
        double[] d2 = new double[n];
        double target = Math.log(perplexity);
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                d2[j] = j == i ? 0 : points.distance2(i, j);
                if (j != i) {
                    min = Math.min(min, d2[j]);
                }
            }
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            double beta = 1;
            double[] w = new double[n];
            for (int it = 0; it < 200; it++) {
                double sum = 0;
                double ws = 0;
                for (int j = 0; j < n; j++) {
                    w[j] = j == i ? 0 : Math.exp(-beta * (d2[j] - min));
                    sum += w[j];
                    ws += w[j] * (d2[j] - min);
                }
                double h = Math.log(sum) + beta * ws / sum;
                if (Math.abs(h - target) < 1e-6) {
                    break;
                }
                if (h > target) {
                    lo = beta;
                    beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
                } else {
                    hi = beta;
                    beta = (beta + lo) / 2;
                }
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += w[j];
            }
            for (int j = 0; j < n; j++) {
                cond[i * n + j] = (float) (w[j] / sum);
            }
        }
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    z += 1 / (1 + dist2(layout, i, j));
                }
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double p = (cond[i * n + j] + cond[j * n + i]) / (2.0 * n);
                if (p > 1e-300) {
                    double q = 1 / (1 + dist2(layout, i, j)) / z;
                    kl += p * Math.log(p / q);
                }
            }
        }
        return kl;
    }

    private static double dist2(Projection p, int i, int j) {
        double dx = p.x()[i] - p.x()[j];
        double dy = p.y()[i] - p.y()[j];
        return dx * dx + dy * dy;
    }
}
