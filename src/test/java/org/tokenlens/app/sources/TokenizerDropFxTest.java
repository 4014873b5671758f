package org.tokenlens.app.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.tokenlens.app.detail.RunningApp;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;

/**
 * Dropping tokenizer files on the real window. The drop goes through the handler the app installed (a Dragboard
 * cannot be built through the public API); everything after it is the app's own: lanes, chips, the error dialog.
 * Expected chips come from DJL's HF tokenizers.
 */
class TokenizerDropFxTest {

    private static final String TEXT = "Hello café world";
    private static RunningApp app;
    private static FxRobot robot;
    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws TimeoutException {
        app = RunningApp.start("--tokenizers", "bert-base-uncased", "--text", TEXT);
        robot = app.robot();
    }

    @AfterAll
    static void stop() throws TimeoutException {
        app.stop();
    }

    private static void drop(Path... files) throws TimeoutException {
        TokenizerDropHandler handler = TokenizerDropHandler.installedOn(app.view())
                .orElseThrow(() -> new AssertionError("the window has no drop handler"));
        List<File> list = new ArrayList<>();
        for (Path p : files) {
            list.add(p.toFile());
        }
        boolean[] accepted = new boolean[1];
        robot.interact(() -> accepted[0] = handler.drop(list));
        assertTrue(accepted[0], "the drop is accepted");
        app.settle();
    }

    private static List<Integer> oracleIds(HfOracle oracle, String text) {
        List<Integer> ids = new ArrayList<>();
        for (int id : oracle.encode(text, true).ids()) {
            ids.add(id);
        }
        return ids;
    }

    @Test
    void aDroppedTokenizerJsonBecomesALaneWithItsChips() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("dropped-llama3"));
        Path file = Files.copy(Fixtures.tokenizerJson("llama3"), folder.resolve("tokenizer.json"));
        int before = app.lanes().size();
        drop(file, temp.resolve("notes.txt")); // a non-tokenizer file in the same drop is ignored
        assertEquals(before + 1, app.lanes().size());
        assertEquals(oracleIds(HfOracle.shared(file), TEXT), app.chipIds(before));

        // The lane's box shows the file by a short name, the full path in its tooltip; committing the box's
        // text as it stands keeps the lane on that file.
        @SuppressWarnings("unchecked")
        ComboBox<String> picker = (ComboBox<String>) robot.lookup(".tokenizer-picker").queryAll().stream()
                .skip(before).findFirst().orElseThrow();
        assertEquals("dropped-llama3/tokenizer.json", picker.getEditor().getText());
        assertEquals(file.toString(), picker.getTooltip().getText());
        robot.clickOn(picker.getEditor()).type(KeyCode.END).type(KeyCode.ENTER);
        app.settle();
        assertEquals(file.toString(), picker.getValue());
        assertTrue(RunningApp.dialogs().isEmpty(), "no error: " + RunningApp.dialogs());
        assertEquals(oracleIds(HfOracle.shared(file), TEXT), app.chipIds(before));
    }

    @Test
    void aMalformedTokenizerJsonGivesOneOneLineDialogAndKeepsTextAndLanes() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("broken-model"));
        Path broken = Files.writeString(folder.resolve("tokenizer.json"),
                "{\"version\": \"1.0\", \"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0, ");
        robot.clickOn(app.view().editor());
        robot.write(" again");
        app.settle();
        String typed = TEXT + " again";
        assertEquals(typed, app.view().editor().getText());
        List<List<Integer>> chipsBefore = new ArrayList<>();
        int lanesBefore = app.lanes().size();
        for (int lane = 0; lane < lanesBefore; lane++) {
            chipsBefore.add(app.chipIds(lane));
        }

        drop(broken);
        RunningApp.waitUntil(() -> !RunningApp.dialogs().isEmpty());
        List<DialogPane> dialogs = RunningApp.dialogs();
        assertEquals(1, dialogs.size(), "one dialog");
        String message = dialogs.get(0).getContentText();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.contains(broken.toString()), "names the file: " + message);
        assertEquals(typed, app.view().editor().getText(), "the typed text stays");
        for (int lane = 0; lane < lanesBefore; lane++) {
            assertEquals(chipsBefore.get(lane), app.chipIds(lane), "lane " + lane + " keeps its chips");
        }

        robot.clickOn(dialogs.get(0).lookupButton(ButtonType.OK));
        RunningApp.waitUntil(() -> RunningApp.dialogs().isEmpty());
        robot.clickOn(app.view().editor()).press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write("!");
        app.settle();
        assertTrue(RunningApp.dialogs().isEmpty(), "typing on does not report the broken file again");
        try (HfOracle bert = HfOracle.fromResource(Fixtures.BERT_RESOURCE)) {
            assertEquals(oracleIds(bert, typed + "!"), app.chipIds(0), "the other lanes follow the typing");
        }
    }
}
