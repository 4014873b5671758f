package org.tokenlens.app.chips;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs an action once, after (or before) the scene's next layout pass (a pulse is requested for it). FX thread only. */
public final class AfterLayout {

    private AfterLayout() {
    }

    public static void run(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Runs an action once, at the start of the scene's next pulse, before its CSS and layout passes. */
    public static void before(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePreLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPreLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
