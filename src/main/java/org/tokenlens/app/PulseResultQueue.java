package org.tokenlens.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;

/**
 * Applies each key's (lane's) result at most once per pulse. The first result of a key since the last pulse is
 * applied on arrival (no added latency); any further ones wait for the next pulse, where only the newest is
 * applied — two encodes finishing within one frame cost one apply, not two. The timer runs only while
 * something was applied or waits, so an idle window requests no pulses. FX thread only.
 */
public final class PulseResultQueue implements ResultQueue {

    private final Set<Object> appliedThisPulse = new HashSet<>();
    private final Map<Object, Runnable> waiting = new LinkedHashMap<>();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse();
        }
    };
    private boolean running;

    @Override
    public void submit(Object key, Runnable apply) {
        if (appliedThisPulse.add(key)) {
            waiting.remove(key);
            apply.run();
        } else {
            waiting.put(key, apply); // replaces an older result of the same key
        }
        if (!running) {
            running = true;
            pulse.start();
        }
    }

    /** A new pulse (before CSS and layout): apply what waited, newest per key; stop once a pulse had nothing. */
    private void onPulse() {
        appliedThisPulse.clear();
        if (waiting.isEmpty()) {
            running = false;
            pulse.stop();
            return;
        }
        List<Map.Entry<Object, Runnable>> due = new ArrayList<>(waiting.entrySet());
        waiting.clear();
        for (Map.Entry<Object, Runnable> e : due) {
            appliedThisPulse.add(e.getKey());
            e.getValue().run();
        }
    }

    /** Results waiting for the next pulse; for tests. */
    int waitingCount() {
        return waiting.size();
    }
}
