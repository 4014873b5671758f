package org.tokenlens.app.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.tokenlens.app.detail.RunningApp;
import org.tokenlens.testing.Fixtures;

/**
 * The Vocabulary tab of the real window on bert-base-uncased: regex search against a brute-force filter over the
 * tokenizer.json's own vocabulary (read with Jackson, not through the engine), the invalid-regex state, sorting by
 * length, and opening a row in the detail pane by double-click and by Enter.
 */
class VocabularyBrowserFxTest {

    private static RunningApp app;
    private static FxRobot robot;
    /** id → piece, straight from the file. */
    private static final Map<Integer, String> VOCAB = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        JsonNode vocab = new ObjectMapper().readTree(Fixtures.bertJson()).get("model").get("vocab");
        vocab.fields().forEachRemaining(e -> VOCAB.put(e.getValue().asInt(), e.getKey()));
        app = RunningApp.start("--tokenizers", "bert-base-uncased", "--text", "unbelievable tokenization");
        robot = app.robot();
    }

    @AfterAll
    static void stop() throws TimeoutException {
        app.stop();
    }

    @BeforeEach
    void idOrder() throws TimeoutException {
        robot.interact(() -> sortBox().setValue(VocabularySearch.Sort.ID));
        app.settle();
    }

    @SuppressWarnings("unchecked")
    private static TableView<VocabularyEntry> table() {
        return robot.lookup("#vocabTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<VocabularySearch.Sort> sortBox() {
        return robot.lookup("#vocabSort").queryAs(ChoiceBox.class);
    }

    private static String status() {
        return robot.lookup("#vocabStatus").queryLabeled().getText();
    }

    private static void search(String regex) throws TimeoutException {
        TextField field = robot.lookup("#vocabSearch").queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE);
        robot.write(regex);
        app.settle();
    }

    private static List<Integer> brute(String regex) {
        Pattern p = Pattern.compile(regex);
        List<Integer> ids = new ArrayList<>();
        VOCAB.forEach((id, piece) -> {
            if (p.matcher(piece).find()) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static List<Integer> shownIds() {
        return table().getItems().stream().map(VocabularyEntry::id).toList();
    }

    /** The id cells of the rows the table actually draws, top down. */
    private static List<String> drawnIds() {
        List<TableRow<?>> rows = new ArrayList<>();
        for (Node n : robot.from(table()).lookup(".table-row-cell").queryAll()) {
            TableRow<?> row = (TableRow<?>) n;
            if (row.isVisible() && !row.isEmpty() && row.getItem() != null) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingInt(TableRow::getIndex));
        return rows.stream().map(r -> ((javafx.scene.control.Labeled) r.lookup(".table-cell")).getText()).toList();
    }

    @Test
    void aRegexShowsExactlyTheMatchingEntriesAndTheirCount() throws TimeoutException {
        String regex = "^##iz|^unbel";
        List<Integer> expected = brute(regex);
        assertTrue(expected.size() > 3, "a search with several hits");
        search(regex);
        assertEquals(expected, shownIds());
        assertEquals(String.format(Locale.ROOT, "%,d of %,d entries", expected.size(), VOCAB.size()), status());
        assertEquals(expected.stream().map(String::valueOf).toList().subList(0, drawnIds().size()), drawnIds(),
                "the rows on screen");
        for (VocabularyEntry e : table().getItems()) {
            assertEquals(VOCAB.get(e.id()), e.piece());
        }
    }

    @Test
    void anInvalidRegexShowsTheErrorStateAndAFixClearsIt() throws TimeoutException {
        search("(ab");
        TextField field = robot.lookup("#vocabSearch").queryAs(TextField.class);
        assertTrue(status().startsWith("Invalid regex: "), status());
        assertTrue(field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")));
        robot.write(")");
        app.settle();
        assertTrue(!field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")));
        assertEquals(brute("(ab)").size(), table().getItems().size());
        assertEquals(String.format(Locale.ROOT, "%,d of %,d entries", brute("(ab)").size(), VOCAB.size()),
                status());
    }

    @Test
    void sortingByLengthOrdersByTheBytesEachPieceStandsFor() throws TimeoutException {
        String regex = "^##(ab|iz)";
        search(regex);
        robot.clickOn("#vocabSort");
        robot.clickOn("length");
        app.settle();
        // a ## piece continues a word: it stands for its text without the ##
        List<Integer> expected = brute(regex).stream().sorted(Comparator
                .comparingInt((Integer id) -> VOCAB.get(id).substring(2).getBytes(StandardCharsets.UTF_8).length)
                .thenComparingInt(id -> id)).toList();
        assertEquals(VocabularySearch.Sort.LENGTH, sortBox().getValue());
        assertEquals(expected, shownIds());
    }

    @Test
    void doubleClickAndEnterOpenARowInTheDetailPane() throws TimeoutException {
        String regex = "^##iz";
        List<Integer> expected = brute(regex);
        search(regex);
        TableRow<?> second = visibleRow(1);
        robot.doubleClickOn(second);
        app.settle();
        assertEquals("Vocabulary entry " + expected.get(1) + " · bert-base-uncased", app.detailHeading());
        assertEquals(Integer.toString(expected.get(1)), app.fact("id"));
        assertEquals(VOCAB.get(expected.get(1)), app.fact("piece"));

        robot.clickOn(visibleRow(0));
        robot.type(KeyCode.DOWN, 2).type(KeyCode.ENTER);
        app.settle();
        assertEquals(Integer.toString(expected.get(2)), app.fact("id"));
        assertEquals(VOCAB.get(expected.get(2)), app.fact("piece"));

        // Ctrl+F from anywhere, then Enter in the search field moves into the table on the first row
        robot.clickOn(".editor");
        robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        app.settle();
        assertEquals(Integer.toString(expected.get(0)), app.fact("id"));
    }

    private static TableRow<?> visibleRow(int index) {
        for (Node n : robot.from(table()).lookup(".table-row-cell").queryAll()) {
            TableRow<?> row = (TableRow<?>) n;
            if (row.isVisible() && row.getIndex() == index && !row.isEmpty()) {
                return row;
            }
        }
        throw new AssertionError("row " + index + " is not drawn");
    }
}
