package org.tokenlens.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one seam through which the app runs engine work: off the UI thread in the app ({@link FxTaskRunner}),
 * on the calling thread in tests ({@link CurrentThreadTaskRunner}). Callbacks always arrive on the thread that
 * owns the UI state (the FX thread in the app), so view models never call {@code Platform.runLater} themselves.
 */
public interface TaskRunner {

    /**
     * Run {@code work}; then exactly one of {@code onSuccess} / {@code onFailure} is called, unless the returned
     * handle was cancelled first.
     */
    <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** A submitted task. */
    interface TaskHandle {
        /** Skip the work if it has not started, and drop its callbacks if it has. Idempotent. */
        void cancel();
    }
}
