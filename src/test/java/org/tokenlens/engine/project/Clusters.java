package org.tokenlens.engine.project;

import java.util.Random;

/** Synthetic test data: Gaussian blobs (unit noise) around well-separated random centres; point i is in i % c. */
public final class Clusters {

    private Clusters() {
    }

    public static Points gaussian(int n, int dim, int clusters, double centreScale, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[clusters][dim];
        for (double[] c : centres) {
            for (int k = 0; k < dim; k++) {
                c[k] = r.nextGaussian() * centreScale;
            }
        }
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                v[i * dim + k] = (float) (centres[i % clusters][k] + r.nextGaussian());
            }
        }
        return new Points(v, n, dim);
    }

    public static int[] range(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /** Share of points whose nearest projected neighbour is in the same cluster (1 = clusters cleanly apart). */
    public static double neighbourPurity(Projection p, int clusters) {
        return neighbourAgreement(p, i -> i % clusters);
    }

    /**
     * Share of points whose nearest projected neighbour (in 2-D, or 3-D when the projection has z) has the same
     * {@code group} as the point, groups given by row.
     */
    public static double neighbourAgreement(Projection p, java.util.function.IntUnaryOperator group) {
        int n = p.size();
        boolean threeD = p.dimensions() == 3;
        int same = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = p.x()[i] - p.x()[j];
                    double dy = p.y()[i] - p.y()[j];
                    double dz = threeD ? p.z()[i] - p.z()[j] : 0;
                    double d = dx * dx + dy * dy + dz * dz;
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
            }
            if (group.applyAsInt(best) == group.applyAsInt(i)) {
                same++;
            }
        }
        return same / (double) n;
    }
}
