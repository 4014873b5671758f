package org.tokenlens.app.embedding;

/** Where a projection run is: t-SNE can also be paused (and stepped) while it runs. */
public enum TsneState {
    IDLE, RUNNING, PAUSED, DONE, CANCELLED, FAILED;

    /** Whether a worker is still holding the run (running or paused). */
    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }
}
