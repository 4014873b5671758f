package org.tokenlens.app.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.tokenlens.app.Shortcuts;
import org.tokenlens.app.TokenizationView;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.detail.RunningApp;
import org.tokenlens.app.task.FxTaskRunner;

/** F1 in the real window opens the cheat sheet listing every shortcut; Esc (or F1 again) closes it. */
class CheatSheetFxTest {

    private static RunningApp app;
    private static FxRobot robot;

    @BeforeAll
    static void start() throws TimeoutException {
        app = RunningApp.start("--tokenizers", "bert-base-uncased");
        robot = app.robot();
    }

    @AfterAll
    static void stop() throws TimeoutException {
        app.stop();
    }

    private static Window sheet() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().lookup("#cheatSheet") != null)
                .findFirst().orElse(null);
    }

    /** "keys | description" per row, as the sheet shows them. */
    private static List<String> rows(Window sheet) {
        List<String> keys = new ArrayList<>();
        sheet.getScene().getRoot().lookupAll(".cheat-keys").forEach(n -> keys.add(((Label) n).getText()));
        List<String> what = new ArrayList<>();
        sheet.getScene().getRoot().lookupAll(".cheat-description").forEach(n -> what.add(((Label) n).getText()));
        assertEquals(keys.size(), what.size());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(keys.get(i) + " | " + what.get(i));
        }
        return rows;
    }

    private static String row(Shortcuts.Entry e) {
        return e.keysText() + " | " + e.description();
    }

    @Test
    void f1ListsEveryShortcutAndEscClosesIt() throws TimeoutException {
        // the tokenization view's own shortcuts, from a second, lane-less view
        List<String> expected = new ArrayList<>();
        FxTaskRunner runner = new FxTaskRunner(1);
        try {
            robot.interact(() -> {
                TokenizationViewModel vm = new TokenizationViewModel(name -> {
                    throw new AssertionError("no lane to load");
                }, runner, List.of(), List.of(), "");
                Shortcuts.forTokenization(new TokenizationView(vm, m -> { }), vm).entries()
                        .forEach(e -> expected.add(row(e)));
            });
        } finally {
            runner.close();
        }
        assertTrue(expected.size() >= 10, expected::toString);
        // and the five the window adds for the other views
        for (KeyCodeCombination k : List.of(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.F1), new KeyCodeCombination(KeyCode.SPACE),
                new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN))) {
            expected.add(k.getDisplayText());
        }

        robot.clickOn(app.view().editor());
        robot.type(KeyCode.F1);
        RunningApp.waitUntil(() -> sheet() != null);
        List<String> shown = rows(sheet());
        assertEquals(expected.size(), shown.size(), shown::toString);
        assertEquals(expected.subList(0, expected.size() - 5), shown.subList(0, shown.size() - 5));
        for (int i = shown.size() - 5; i < shown.size(); i++) {
            String[] parts = shown.get(i).split(" \\| ", 2);
            assertEquals(expected.get(i), parts[0]);
            assertFalse(parts[1].isBlank(), "described: " + shown.get(i));
        }
        assertTrue(shown.stream().anyMatch(r -> r.startsWith("F1 | ")), "lists itself");

        robot.type(KeyCode.ESCAPE);
        RunningApp.waitUntil(() -> sheet() == null);
        assertEquals(app.stage(), robot.window(app.view()), "back in the main window");

        robot.clickOn(app.view().editor());
        robot.type(KeyCode.F1);
        RunningApp.waitUntil(() -> sheet() != null);
        robot.type(KeyCode.F1);
        RunningApp.waitUntil(() -> sheet() == null);
        Node editor = app.view().editor();
        assertTrue(editor.getScene().getWindow().isShowing());
    }
}
