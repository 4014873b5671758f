package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
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
import org.tokenlens.app.chips.TokenChip;
import org.tokenlens.app.task.FxTaskRunner;

/** The window driven like a user (headless Monocle): type, see chips follow; switch tokenizer; bad tokenizer. */
@ExtendWith(ApplicationExtension.class)
class TokenizationViewFxTest {

    private TokenizationViewModel viewModel;
    private FxTaskRunner runner;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner(2); // the real seam: work off the FX thread, results back on it
        viewModel = new TokenizationViewModel(new FakeLoader(), runner, List.of("words", "chars"),
                List.of("words"), TokenizationViewModel.DEFAULT_TEXT);
        Scene scene = new Scene(new TokenizationView(viewModel, errors::add), 1000, 700);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
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

    /** What the chips show, as the user reads them: label runs and whitespace glyphs joined, then the id. */
    private static List<String> chips(FxRobot robot) {
        return robot.lookup(".token-chip").queryAllAs(TokenChip.class).stream()
                .filter(Node::isVisible)
                .filter(chip -> chip.getParent() != null)
                .map(chip -> shownLabel(chip) + "|" + ((Text) chip.lookup(".chip-id")).getText())
                .toList();
    }

    private static String shownLabel(Parent chip) {
        StringBuilder sb = new StringBuilder();
        for (Node t : chip.getChildrenUnmodifiable()) { // label runs, then ids and badges
            if (t.getStyleClass().contains("chip-run")) {
                sb.append(((Text) t).getText());
            }
        }
        return sb.toString();
    }

    @Test
    void showsTheChipsOfThePreloadedText(FxRobot robot) throws TimeoutException {
        settle();
        assertEquals(List.of("[CLS]|1", "This|84", "·is|32", "·a|32", "·input.|32"), chips(robot));
        assertTrue(robot.lookup(".lane-summary").queryLabeled().getText().startsWith("5 tokens"));
    }

    @Test
    void typingUpdatesTheChipsOnEveryKeystroke(FxRobot robot) throws TimeoutException {
        settle();
        robot.clickOn(".editor");
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write(" Ok");
        settle();
        assertEquals("This is a input. Ok", viewModel.textProperty().get());
        assertEquals(List.of("[CLS]|1", "This|84", "·is|32", "·a|32", "·input.|32", "·Ok|32"), chips(robot));
        robot.type(KeyCode.ENTER).write("x");
        settle();
        assertEquals("·Ok↵x|32", chips(robot).get(5));
        robot.type(KeyCode.BACK_SPACE, 4);
        settle();
        assertEquals(List.of("[CLS]|1", "This|84", "·is|32", "·a|32", "·input.|32", "·|32"), chips(robot));
        assertEquals("6 tokens · 2.83 chars/token", robot.lookup(".lane-summary").queryLabeled().getText());
    }

    /** The text the lanes get is the editor's, edit after edit: inserts, replacements, deletions, undo, redo. */
    @Test
    void theLanesGetTheEditorsTextAfterEveryKindOfEdit(FxRobot robot) {
        robot.interact(() -> { });
        TokenEditor editor = robot.lookup(".editor").queryAs(TokenEditor.class);
        java.util.Random random = new java.util.Random(7);
        String alphabet = "ab \n\r\n\t日本😀é\u0301";
        for (int step = 0; step < 200; step++) {
            int kind = random.nextInt(5);
            robot.interact(() -> {
                int length = editor.getLength();
                int from = random.nextInt(length + 1);
                int to = Math.min(length, from + random.nextInt(4));
                StringBuilder insert = new StringBuilder();
                for (int k = random.nextInt(4); k > 0; k--) {
                    insert.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                switch (kind) {
                    case 0 -> editor.insertText(from, insert.toString());
                    case 1 -> editor.replaceText(from, to, insert.toString());
                    case 2 -> editor.deleteText(from, to);
                    case 3 -> editor.undo();
                    default -> editor.redo();
                }
            });
            String[] shown = new String[2];
            robot.interact(() -> {
                shown[0] = editor.getText();
                shown[1] = viewModel.textProperty().get();
            });
            assertEquals(shown[0], shown[1], "after step " + step);
        }
    }

    @Test
    void switchingTokenizerInThePicker(FxRobot robot) throws TimeoutException {
        settle();
        robot.clickOn(".tokenizer-picker .arrow-button");
        robot.clickOn(robot.lookup(".list-cell").match(n -> "chars".equals(((javafx.scene.control.ListCell<?>) n)
                .getText())).queryAs(Node.class));
        settle();
        List<String> shown = chips(robot);
        assertEquals(TokenizationViewModel.DEFAULT_TEXT.length(), shown.size());
        assertEquals(List.of("T|84", "h|104", "i|105", "s|115", "·|32"), shown.subList(0, 5));
        assertEquals("16 tokens · 1.00 chars/token", robot.lookup(".lane-summary").queryLabeled().getText());
    }

    @Test
    void aTokenizerThatFailsReportsOnceAndKeepsTextAndChips(FxRobot robot) throws TimeoutException {
        settle();
        List<String> before = chips(robot);
        ComboBox<?> picker = robot.lookup(".tokenizer-picker").queryAs(ComboBox.class);
        robot.clickOn(picker.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("nope.json").type(KeyCode.ENTER);
        settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !errors.isEmpty());
        settle();
        assertEquals(List.of("unknown tokenizer 'nope.json': no such file"), errors);
        assertEquals("words", picker.getValue());
        assertEquals(TokenizationViewModel.DEFAULT_TEXT, viewModel.textProperty().get());
        assertEquals(before, chips(robot));
    }
}
