package org.tokenlens.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs work on a small pool of daemon threads and hands the outcome back on the FX thread. The only place in
 * the app that creates threads or calls {@code Platform.runLater}.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService executor;

    public FxTaskRunner(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tokenlens-worker-" + count.incrementAndGet());
            t.setDaemon(true); // never keep the JVM alive after the window closed
            return t;
        });
    }

    @Override
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = executor.submit(() -> {
            if (cancelled.get()) {
                return;
            }
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception | LinkageError | StackOverflowError e) {
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return () -> {
            cancelled.set(true);
            future.cancel(false); // a queued task is skipped; a running encode finishes and is ignored
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
