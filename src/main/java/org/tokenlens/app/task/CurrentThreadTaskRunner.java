package org.tokenlens.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks at once on the calling thread: deterministic view-model tests, no FX toolkit needed. */
public final class CurrentThreadTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | LinkageError | StackOverflowError e) {
            onFailure.accept(e);
            return () -> { };
        }
        onSuccess.accept(result);
        return () -> { };
    }
}
