package org.tokenlens.app.chips;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs an action once, after or before the scene's next layout pass (a pulse is requested for it). FX thread only. */
public final class AfterLayout {

    private AfterLayout() {
    }

    public static void run(Scene scene, Runnable action) {
        once(scene::addPostLayoutPulseListener, scene::removePostLayoutPulseListener, action);
    }

    /** Runs an action once, at the start of the scene's next pulse, before its CSS and layout passes. */
    public static void before(Scene scene, Runnable action) {
        once(scene::addPreLayoutPulseListener, scene::removePreLayoutPulseListener, action);
    }

    private static void once(Consumer<Runnable> add, Consumer<Runnable> remove, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            remove.accept(once[0]);
            action.run();
        };
        add.accept(once[0]);
        Platform.requestNextPulse();
    }
}
