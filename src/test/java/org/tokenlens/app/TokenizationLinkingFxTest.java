package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexRange;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.chips.ChipStrip;
import org.tokenlens.app.chips.TokenChip;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.FxTaskRunner;

/** Linking, comparison lanes, themes and presentation mode, driven like a user on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class TokenizationLinkingFxTest {

    private TokenizationViewModel viewModel;
    private TokenizationView view;
    private FxTaskRunner runner;
    private Scene scene;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner(2);
        viewModel = new TokenizationViewModel(new FakeLoader(), runner, List.of("words", "chars"),
                List.of("words", "chars"), "ab cd");
        view = new TokenizationView(viewModel, message -> { });
        scene = new Scene(view, 1000, 700);
        Shortcuts.forTokenization(view, viewModel).install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private void settle() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The chips of lane {@code lane} on screen, in token order. */
    private List<TokenChip> chips(FxRobot robot, int lane) {
        LaneView laneView = (LaneView) view.lanesBox().getChildren().get(lane);
        return robot.from(laneView).lookup(".token-chip").queryAllAs(TokenChip.class).stream()
                .filter(c -> c.getScene() != null && c.getParent() != null && c.getParent().getParent() != null
                        && c.getParent().getParent().isVisible() && c.getContent() != null)
                .sorted(Comparator.comparingInt(TokenChip::firstToken)).toList();
    }

    private static boolean has(Node chip, String pseudoClass) {
        return chip.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    @Test
    void hoveringAChipHighlightsItsSpanInTheEditor(FxRobot robot) throws TimeoutException {
        settle();
        TokenChip cd = chips(robot, 0).get(2); // [CLS] ab | cd
        assertEquals(" cd", cd.getContent().labelText().replace('·', ' '));
        robot.moveTo(cd);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new TokenRef(viewModel.lanes().get(0), 2), viewModel.session().hoveredTokenProperty().get());
        assertEquals(new IndexRange(2, 5), view.highlighter().span());
        for (int k = 0; k < 5; k++) {
            assertEquals(k >= 2, view.editor().getStyleOfChar(k).contains(EditorHighlighter.STYLE_CLASS),
                    "char " + k + " highlighted exactly when inside [2, 5)");
        }
        List<Text> drawn = robot.from(view.editor()).lookup("." + EditorHighlighter.STYLE_CLASS)
                .queryAllAs(Text.class).stream().filter(Node::isVisible).toList();
        assertEquals(1, drawn.size(), "one styled run is on screen");
        assertEquals(" cd", drawn.get(0).getText());
        Bounds bounds = drawn.get(0).getBoundsInParent();
        assertTrue(bounds.getWidth() > 5 && bounds.getHeight() > 5, bounds::toString);
        robot.moveTo(view.editor());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.highlighter().span(), "leaving the chip clears the highlight");
        assertNull(view.highlighter().appliedRange());
        assertTrue(robot.from(view.editor()).lookup("." + EditorHighlighter.STYLE_CLASS).queryAll().isEmpty(),
                "no styled run is left");
    }

    @Test
    void theCaretAndTheSelectionMarkTheChipsTheyCover(FxRobot robot) throws TimeoutException {
        settle();
        robot.interact(() -> view.editor().moveTo(1)); // inside "ab"
        List<TokenChip> chars = chips(robot, 1);
        assertTrue(has(chars.get(1), "covered"), "a|b: the caret at 1 is at the start of b, in 'b' only");
        assertFalse(has(chars.get(0), "covered"));
        assertTrue(has(chips(robot, 0).get(1), "covered"));
        assertFalse(has(chips(robot, 0).get(2), "covered"));
        robot.interact(() -> view.editor().selectRange(1, 4));
        List<TokenChip> words = chips(robot, 0);
        assertTrue(has(words.get(1), "covered") && has(words.get(2), "covered"));
        assertFalse(has(words.get(0), "covered"), "[CLS] covers no text");
    }

    @Test
    void clickingAChipSelectsItAndTabWalksOn(FxRobot robot) throws TimeoutException {
        settle();
        robot.clickOn(chips(robot, 1).get(1));
        assertEquals(new TokenRef(viewModel.lanes().get(1), 1), viewModel.session().selectedTokenProperty().get());
        assertTrue(has(chips(robot, 1).get(1), "selected"));
        robot.type(KeyCode.TAB);
        assertEquals(2, viewModel.session().selectedTokenProperty().get().index());
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertEquals(0, viewModel.session().selectedTokenProperty().get().index());
        assertEquals(new IndexRange(1, 2), view.highlighter().span(), "the chip under the mouse wins");
        robot.moveTo(view.editor());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new IndexRange(0, 1), view.highlighter().span(), "then the selected token's span");
        assertEquals(new IndexRange(0, 1), view.highlighter().appliedRange());
    }

    @Test
    void comparisonLanesMarkDifferingBoundariesAndLanesCanBeAddedAndRemoved(FxRobot robot)
            throws TimeoutException {
        settle();
        List<TokenChip> chars = chips(robot, 1); // a b ' ' c d: b and d start where words has no boundary
        assertEquals(List.of(false, true, false, false, true),
                chars.stream().map(c -> has(c, "boundary-diff")).toList());
        assertTrue(chips(robot, 0).stream().noneMatch(c -> has(c, "boundary-diff")));

        robot.clickOn(".add-lane");
        MenuItem chooseChars = view.addLaneMenu().getItems().stream().filter(i -> i.getText().equals("chars"))
                .findFirst().orElseThrow();
        robot.interact(chooseChars::fire);
        robot.type(KeyCode.ESCAPE);
        settle();
        assertEquals(3, view.lanesBox().getChildren().size());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertEquals(2, view.lanesBox().getChildren().size());
        robot.clickOn(robot.from(view.lanesBox().getChildren().get(1)).lookup(".remove-lane").queryButton());
        settle();
        assertEquals(1, viewModel.lanes().size());
        assertTrue(chips(robot, 0).stream().noneMatch(c -> has(c, "boundary-diff")), "alone, nothing differs");
    }

    /**
     * Lanes finish one at a time and the boundary diff follows only when all are done. Meanwhile the chips the
     * new encoding shares with the old one (before and after the edit) keep their marks: a mark that flipped off
     * and on again would restyle every later chip twice per keystroke.
     */
    @Test
    void marksOfUnchangedChipsHoldWhileAnotherLaneIsStillWorking(FxRobot robot) throws TimeoutException {
        robot.interact(() -> view.editor().replaceText("ab cd ef"));
        settle();
        LaneViewModel words = viewModel.lanes().get(0);
        List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> viewModel.setResultQueue((key, apply) -> {
            if (key == words) {
                held.add(apply);
            } else {
                apply.run();
            }
        }));
        robot.interact(() -> view.editor().insertText(5, "x")); // "ab cdx ef"
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.lanes().get(1).encodingProperty().get()
                .text().equals("ab cdx ef") && !viewModel.lanes().get(1).busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // chars lane a b ␣ c d x ␣ e f; words still shows "ab cd ef": b, d, f start inside its words; x is the
        // edit, not yet compared
        assertEquals(List.of(false, true, false, false, true, false, false, false, true),
                chips(robot, 1).stream().map(c -> has(c, "boundary-diff")).toList());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !held.isEmpty());
        robot.interact(() -> held.get(held.size() - 1).run());
        settle();
        assertEquals(List.of(false, true, false, false, true, true, false, false, true),
                chips(robot, 1).stream().map(c -> has(c, "boundary-diff")).toList(), "x starts inside \"cdx\"");
    }

    /**
     * The editor's range reaches the session (and so the lanes) once per pulse: a selection replaced within the
     * same event is never drawn, so it neither highlights nor scrolls the lanes; the last one is handed on.
     */
    @Test
    void aSelectionReplacedWithinOneEventIsNotHandedOn(FxRobot robot) throws TimeoutException {
        settle();
        List<IndexRange> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            viewModel.session().editorSelectionProperty().addListener((obs, old, now) -> published.add(now));
            view.editor().selectRange(0, 4);
            view.editor().moveTo(3);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !published.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new IndexRange(3, 3)), published);
    }

    /** The chips the caret covers are scrolled into view, far down a long text and back at its top. */
    @Test
    void caretRevealsItsChipsFarDownALongText(FxRobot robot) throws TimeoutException {
        String text = "ab cd\n".repeat(3000); // a row per line: 3,000 rows
        robot.interact(() -> {
            view.editor().replaceText(text);
            view.editor().moveTo(text.length() - 2); // in the last "cd"
        });
        settle();
        ChipStrip words = ((LaneView) view.lanesBox().getChildren().get(0)).chips();
        Bounds strip = words.localToScene(words.getBoundsInLocal());
        // the strip scrolls after the layout that takes the new rows: wait for that pulse
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> chips(robot, 0).stream().anyMatch(c -> has(c, "covered")));
        List<TokenChip> covered = chips(robot, 0).stream().filter(c -> has(c, "covered")).toList();
        assertEquals(1, covered.size(), "one chip holds the caret");
        Bounds chip = covered.get(0).localToScene(covered.get(0).getBoundsInLocal());
        assertTrue(chip.getMinY() >= strip.getMinY() && chip.getMaxY() <= strip.getMaxY(),
                "the caret's chip is inside the strip: " + chip + " in " + strip);
        assertEquals(tokenAt(viewModel.lanes().get(0).encodingProperty().get(), text.length() - 2),
                covered.get(0).firstToken(), "the chip is the last word's");

        robot.interact(() -> view.editor().moveTo(1));
        settle();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> chips(robot, 0).stream().anyMatch(c -> has(c, "covered") && c.firstToken() <= 2));
        List<TokenChip> top = chips(robot, 0).stream().filter(c -> has(c, "covered")).toList();
        assertEquals(1, top.size());
        assertTrue(top.get(0).firstToken() <= 2, "back at the first word: " + top.get(0).firstToken());
        Bounds first = top.get(0).localToScene(top.get(0).getBoundsInLocal());
        assertTrue(first.getMinY() >= strip.getMinY() && first.getMaxY() <= strip.getMaxY(), first + " in " + strip);
    }

    /** The token whose span holds the offset, found in the encoding itself. */
    private static int tokenAt(org.tokenlens.engine.tokenize.Encoding e, int offset) {
        for (int i = 0; i < e.size(); i++) {
            if (e.starts()[i] <= offset && offset < e.ends()[i]) {
                return i;
            }
        }
        throw new AssertionError("no token at " + offset);
    }

    /** Scrolling one lane scrolls the others to the same place in the text; they do not scroll it back. */
    @Test
    void lanesScrollTogether(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            view.editor().replaceText("ab cd ".repeat(400));
            view.editor().moveTo(0); // the lanes follow the caret to the top
        });
        settle();
        ChipStrip words = ((LaneView) view.lanesBox().getChildren().get(0)).chips();
        ChipStrip chars = ((LaneView) view.lanesBox().getChildren().get(1)).chips();
        robot.moveTo(chars);
        // what the flow's wheel handler does (Monocle's robot delivers no wheel events)
        robot.interact(() -> ((javafx.scene.control.skin.VirtualFlow<?>) chars.lookup(".virtual-flow"))
                .scrollPixels(1500));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(view.editor()); // away from both lanes
        WaitForAsyncUtils.waitForFxEvents();
        int leader = chars.topOffsetProperty().get();
        int follower = words.topOffsetProperty().get();
        assertTrue(leader > 100, "the chars lane scrolled: " + leader);
        // the words lane's top row starts at or before the leader's top offset, and its next row after it
        assertTrue(follower <= leader && leader - follower < 100, "words at " + follower + ", chars at " + leader);
        assertEquals(leader, chars.topOffsetProperty().get(), "the follower did not scroll the leader back");
    }

    @Test
    void themeMenuAndShortcutSwitchTheStylesheet(FxRobot robot) throws TimeoutException {
        settle();
        assertTrue(scene.getStylesheets().get(0).endsWith("light.css"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(List.of(Theme.DARK.stylesheetUrl()), scene.getStylesheets());
        robot.clickOn(".theme-menu").clickOn("Light");
        assertEquals(List.of(Theme.LIGHT.stylesheetUrl()), scene.getStylesheets());
    }

    @Test
    void f11TogglesPresentationMode(FxRobot robot) throws TimeoutException {
        settle();
        double before = chips(robot, 0).get(1).getHeight();
        robot.clickOn(view.editor());
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewModel.presentationProperty().get());
        assertEquals(List.of(Theme.PRESENTATION.stylesheetUrl()), scene.getStylesheets());
        assertFalse(view.statusBar().isVisible());
        assertFalse(robot.lookup(".chip-modes").query().isVisible());
        assertFalse(robot.lookup(".lane-details").query().isVisible());
        assertTrue(chips(robot, 0).get(1).getHeight() > 1.5 * before, "large type");
        assertEquals("ab cd", viewModel.textProperty().get(), "F11 typed nothing");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        assertFalse(viewModel.presentationProperty().get());
        assertTrue(view.statusBar().isVisible());
        assertEquals(List.of(Theme.LIGHT.stylesheetUrl()), scene.getStylesheets());
    }
}
