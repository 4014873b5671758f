package org.tokenlens.app;

/**
 * Where a lane's result is applied to its view state. {@link #IMMEDIATE} applies it on arrival (tests without a
 * stage); the window uses a {@link PulseResultQueue}, which applies each lane at most once per pulse.
 */
public interface ResultQueue {

    /** Apply at once. */
    ResultQueue IMMEDIATE = (key, apply) -> apply.run();

    /** Run {@code apply} on the FX thread; a later submit with the same key may replace it before it runs. */
    void submit(Object key, Runnable apply);
}
