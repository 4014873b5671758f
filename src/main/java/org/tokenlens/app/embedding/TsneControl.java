package org.tokenlens.app.embedding;

/**
 * The gate between the FX thread and a running t-SNE: the engine calls {@link #awaitTurn()} from its per-iteration
 * callback, which blocks while paused until {@link #step()} grants one more iteration or {@link #resume()} lets it
 * run on. {@link #cancel()} wakes a paused run so the engine sees {@link #isCancelled()} and stops; the engine's
 * own cancellation (polled each iteration) does the rest.
 */
final class TsneControl {
    private boolean paused;
    private boolean cancelled;
    private int permits;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** One more iteration while paused. */
    synchronized void step() {
        permits++;
        notifyAll();
    }

    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    synchronized boolean isPaused() {
        return paused;
    }

    /** Called by the worker after each iteration: returns when it may compute the next one. */
    synchronized void awaitTurn() {
        while (paused && permits == 0 && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        if (paused && permits > 0) {
            permits--;
        }
    }
}
