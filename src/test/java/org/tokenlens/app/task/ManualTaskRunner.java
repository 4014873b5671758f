package org.tokenlens.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Holds submitted tasks until the test completes them, in any order: to provoke stale results on purpose. */
public final class ManualTaskRunner implements TaskRunner {

    public final class Pending {
        private final Runnable complete;
        private boolean cancelled;

        private Pending(Runnable complete) {
            this.complete = complete;
        }

        /**
         * Run the work and deliver its outcome even if cancelled: a cancel can come too late to stop work that
         * is already running, so the receiver must drop stale outcomes itself.
         */
        public void complete() {
            complete.run();
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    /** Which tasks are held; the others run at once on the calling thread. */
    private final Predicate<Callable<?>> hold;
    private final CurrentThreadTaskRunner now = new CurrentThreadTaskRunner();

    /** Holds every task. */
    public ManualTaskRunner() {
        this(work -> true);
    }

    /** Holds the tasks {@code hold} picks (e.g. by the class submitting them); runs the rest at once. */
    public ManualTaskRunner(Predicate<Callable<?>> hold) {
        this.hold = hold;
    }

    /** Holds the tasks whose work was written in {@code owner} (its lambdas); runs the rest at once. */
    public static ManualTaskRunner holding(Class<?> owner) {
        return new ManualTaskRunner(work -> work.getClass().getName().startsWith(owner.getName() + "$$Lambda"));
    }

    @Override
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        if (!hold.test(work)) {
            return now.run(work, onSuccess, onFailure);
        }
        Pending p = new Pending(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        pending.add(p);
        return () -> p.cancelled = true;
    }

    public List<Pending> pending() {
        return pending;
    }
}
