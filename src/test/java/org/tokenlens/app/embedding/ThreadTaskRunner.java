package org.tokenlens.app.embedding;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tokenlens.app.task.TaskRunner;

/**
 * Runs work on its own thread and queues the callbacks for the test thread, which plays the FX thread by calling
 * {@link #drain()}: lets a test pause a t-SNE that really runs in the background.
 */
final class ThreadTaskRunner implements TaskRunner {
    private final BlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
    Thread last;

    @Override
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        last = new Thread(() -> {
            try {
                T r = work.call();
                callbacks.add(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(r);
                    }
                });
            } catch (Exception e) {
                callbacks.add(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        }, "test-worker");
        last.setDaemon(true);
        last.start();
        return () -> cancelled.set(true);
    }

    /** Runs the callbacks queued so far. */
    void drain() {
        Runnable r;
        while ((r = callbacks.poll()) != null) {
            r.run();
        }
    }

    /** Waits for the next callback and runs it; false on timeout. */
    boolean awaitCallback(long millis) throws InterruptedException {
        Runnable r = callbacks.poll(millis, TimeUnit.MILLISECONDS);
        if (r != null) {
            r.run();
        }
        return r != null;
    }
}
