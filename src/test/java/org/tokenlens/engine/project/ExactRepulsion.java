package org.tokenlens.engine.project;

/** The t-SNE repulsion summed pair by pair, the reference the approximate methods' tests compare with. */
final class ExactRepulsion {

    private ExactRepulsion() {
    }

    /** Σⱼ≠ᵢ w²(yᵢ − yⱼ) into force, returns Z = Σᵢ Σⱼ≠ᵢ w, w = 1 / (1 + |yᵢ − yⱼ|²). */
    static double exact(double[] y, int n, double[] force) {
        double z = 0;
        for (int i = 0; i < n; i++) {
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    z += w;
                    fx += w * w * dx;
                    fy += w * w * dy;
                }
            }
            force[2 * i] = fx;
            force[2 * i + 1] = fy;
        }
        return z;
    }

    /** ‖got − want‖ / ‖want‖. */
    static double relativeError(double[] got, double[] want) {
        double diff = 0;
        double norm = 0;
        for (int c = 0; c < want.length; c++) {
            diff += (got[c] - want[c]) * (got[c] - want[c]);
            norm += want[c] * want[c];
        }
        return Math.sqrt(diff / norm);
    }
}
