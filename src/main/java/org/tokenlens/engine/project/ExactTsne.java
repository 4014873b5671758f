package org.tokenlens.engine.project;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import smile.manifold.TSNE;

/**
 * Smile's exact t-SNE, driven in chunks of {@link Tsne.Options#reportEvery} iterations so that it can report
 * progress and be cancelled, and started from our initial layout (its public coordinate array is overwritten
 * before the first step). Smile fixes exaggeration at 12 for 250 iterations and momentum 0.5 → 0.8 at 250; its
 * cost is in bits (log₂), converted here to nats.
 */
final class ExactTsne {

    record Result(double[] coordinates, double klDivergence) {
    }

    private ExactTsne() {
    }

    static Result run(Points points, double[] init, Tsne.Options options, Tsne.Listener listener,
                      BooleanSupplier cancelled) {
        int n = points.n();
        double[][] data = points.toDoubleRows();
        if (n == points.dim()) {
            // Smile reads a square input as a distance matrix; a zero column keeps distances and breaks the tie
            double[][] padded = new double[n][];
            for (int i = 0; i < n; i++) {
                padded[i] = java.util.Arrays.copyOf(data[i], n + 1);
            }
            data = padded;
        }
        TSNE tsne = new TSNE(data, 2, options.perplexity(), options.learningRate(n), 0);
        for (int i = 0; i < n; i++) {
            tsne.coordinates[i][0] = init[2 * i];
            tsne.coordinates[i][1] = init[2 * i + 1];
        }
        int done = 0;
        int total = options.iterations();
        int chunk = Math.min(options.reportEvery(), 10);
        while (done < total) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("t-SNE cancelled at iteration " + done);
            }
            int step = Math.min(chunk, total - done);
            tsne.update(step);
            done += step;
            if (done % options.reportEvery() == 0 || done == total) {
                float[] xs = new float[n];
                float[] ys = new float[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = (float) tsne.coordinates[i][0];
                    ys[i] = (float) tsne.coordinates[i][1];
                }
                listener.onIteration(done, xs, ys, tsne.cost() * Math.log(2));
            }
        }
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = tsne.coordinates[i][0];
            out[2 * i + 1] = tsne.coordinates[i][1];
        }
        return new Result(out, tsne.cost() * Math.log(2));
    }
}
