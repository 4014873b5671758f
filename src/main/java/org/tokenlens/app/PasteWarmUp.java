package org.tokenlens.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * Once the window is shown, runs a large paste's code once off screen, so that the user's first one does not
 * run it for the first time: the status bar's progress bar gets its skin (creating it loads, links and
 * interprets ~40 ms of JavaFX code in the paste's first pulse), and an editor like the view's takes a text just
 * over the chunking threshold by chunks, with CSS and layout each pulse, and shows its end (the far scroll loads
 * the virtual flow's classes for it). It runs in the pulses right after the window appears, a few milliseconds
 * each, while the lanes tokenize the first text on their workers; then it lets everything go.
 */
final class PasteWarmUp {

    private PasteWarmUp() {
    }

    /** Warm up once, after {@code view}'s window is first shown; {@code done} runs when it has finished. */
    static void whenShown(TokenizationView view, Runnable done) {
        view.sceneProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (view.getScene() != null) {
                    view.sceneProperty().removeListener(this);
                    whenShown(view.getScene(), done);
                }
            }
        });
    }

    private static void whenShown(Scene scene, Runnable done) {
        Window window = scene.getWindow();
        if (window == null) {
            scene.windowProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (scene.getWindow() != null) {
                        scene.windowProperty().removeListener(this);
                        whenShown(scene, done);
                    }
                }
            });
        } else if (window.isShowing()) {
            Platform.runLater(() -> run(scene, done));
        } else {
            window.showingProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (window.isShowing()) {
                        window.showingProperty().removeListener(this);
                        Platform.runLater(() -> run(scene, done));
                    }
                }
            });
        }
    }

    /** Off screen: a scene of its own (never shown), with the window's style sheets; CSS and layout by hand. */
    private static void run(Scene shown, Runnable done) {
        StatusBar status = new StatusBar();
        status.setProgress(0.5);
        TokenEditor editor = new TokenEditor();
        editor.getStyleClass().add("editor");
        editor.setWrapText(true);
        // not editor.css: in a scene never shown, its looked-up colours do not resolve and each new cell logs
        // three CSS warnings on the console; the themes' own .editor rules still apply
        Parent root = new VBox(new VirtualizedScrollPane<>(editor), status);
        Scene scene = new Scene(root, 800, 240);
        scene.getStylesheets().setAll(shown.getStylesheets());
        root.applyCss();
        root.layout();
        AnimationTimer layout = new AnimationTimer() {
            @Override
            public void handle(long now) {
                root.applyCss();
                root.layout();
            }
        };
        editor.setOnChunkedDone(() -> {
            layout.stop();
            done.run();
        });
        layout.start();
        editor.replaceText(text());
    }

    /** Short lines, just over the chunking threshold. */
    private static String text() {
        String line = "The first paste runs here first, off screen.\n";
        return line.repeat(TokenEditor.CHUNKED_ABOVE / line.length() + 1);
    }
}
