package org.tokenlens.engine.embed.ops;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Splits a row range over the cores: the calling thread takes the first part, the common pool the rest. The
 * common pool has cores − 1 workers, so with the caller every core works; small ranges stay on the caller, where
 * a hand-off would cost more than it saves.
 */
final class Parallel {
    /** Below this many rows per part, splitting does not pay for the hand-off (tens of microseconds). */
    private static final int MIN_ROWS_PER_PART = 4096;

    interface RangeTask {
        /** Work on rows [from, to); {@code part} numbers the ranges 0.. in row order. */
        void run(int part, int from, int to);
    }

    private Parallel() {
    }

    static int parts(int rows, int minRowsPerPart) {
        int cores = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                ForkJoinPool.getCommonPoolParallelism() + 1));
        return Math.max(1, Math.min(cores, rows / Math.max(1, minRowsPerPart)));
    }

    static void forRanges(int rows, RangeTask task) {
        forRanges(rows, parts(rows, MIN_ROWS_PER_PART), task);
    }

    /** Run {@code task} on {@code parts} contiguous ranges covering [0, rows); returns when all are done. */
    static void forRanges(int rows, int parts, RangeTask task) {
        if (parts <= 1) {
            task.run(0, 0, rows);
            return;
        }
        CompletableFuture<?>[] others = new CompletableFuture<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            others[p - 1] = CompletableFuture.runAsync(() -> task.run(part, from, to));
        }
        task.run(0, 0, (int) ((long) rows / parts));
        for (CompletableFuture<?> f : others) {
            try {
                f.join();
            } catch (CompletionException e) {
                // rethrow the part's own exception (an EmbeddingException naming the file), not the wrapper
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
