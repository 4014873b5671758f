package org.tokenlens.engine.project;

/**
 * The low-dimensional similarity {@code 1 / (1 + a·d^{2b})} whose a and b UMAP fits to the target curve set by
 * {@code minDist} and {@code spread}: 1 up to minDist, then {@code exp(−(d − minDist) / spread)} — a
 * least-squares fit on 300 points of [0, 3·spread] as umap-learn's {@code find_ab_params} does (it calls SciPy's
 * curve_fit, i.e. Levenberg-Marquardt from a = b = 1). Here a small Levenberg-Marquardt of our own.
 *
 * @param a curve parameter a
 * @param b curve parameter b
 */
record UmapCurve(double a, double b) {

    private static final int SAMPLES = 300;

    static UmapCurve fit(double minDist, double spread) {
        double[] x = new double[SAMPLES];
        double[] y = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            x[i] = 3 * spread * i / (SAMPLES - 1);
            y[i] = x[i] < minDist ? 1 : Math.exp(-(x[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double cost = cost(x, y, a, b);
        for (int iter = 0; iter < 500; iter++) {
            // normal equations JᵀJ δ = −Jᵀr for the two parameters, damped on the diagonal
            double jaa = 0;
            double jab = 0;
            double jbb = 0;
            double ga = 0;
            double gb = 0;
            for (int i = 0; i < SAMPLES; i++) {
                if (x[i] == 0) {
                    continue;  // f(0) = 1 whatever a and b: no gradient, zero residual
                }
                double u = Math.pow(x[i], 2 * b);
                double f = 1 / (1 + a * u);
                double r = f - y[i];
                double da = -u * f * f;
                double db = -a * u * 2 * Math.log(x[i]) * f * f;
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double maa = jaa * (1 + lambda);
                double mbb = jbb * (1 + lambda);
                double det = maa * mbb - jab * jab;
                double stepA = -(mbb * ga - jab * gb) / det;
                double stepB = -(maa * gb - jab * ga) / det;
                double na = a + stepA;
                double nb = b + stepB;
                double c = na > 0 && nb > 0 ? cost(x, y, na, nb) : Double.POSITIVE_INFINITY;
                if (c < cost) {
                    boolean converged = Math.abs(stepA) < 1e-12 * (1 + a) && Math.abs(stepB) < 1e-12 * (1 + b);
                    a = na;
                    b = nb;
                    lambda = Math.max(lambda / 10, 1e-12);
                    improved = !converged && cost - c > 1e-16 * cost;
                    cost = c;
                    break;
                }
                lambda *= 10;
            }
            if (!improved) {
                break;
            }
        }
        return new UmapCurve(a, b);
    }

    private static double cost(double[] x, double[] y, double a, double b) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double f = x[i] == 0 ? 1 : 1 / (1 + a * Math.pow(x[i], 2 * b));
            s += (f - y[i]) * (f - y[i]);
        }
        return s;
    }
}
