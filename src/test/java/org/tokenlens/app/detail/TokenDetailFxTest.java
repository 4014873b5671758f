package org.tokenlens.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * The token detail pane in the real window: click a chip, read its facts; replay a BPE word's merges with the
 * buttons and the keys; read WordPiece's longest-match steps; an inserted [CLS]. Expected values come from jtokkit
 * (cl100k_base), DJL's HF tokenizers (bert) and independent recomputations (BPE by ranks, greedy longest match).
 */
class TokenDetailFxTest {

    private static final String TEXT = "Hello café world, unbelievably tokenization";
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry()
            .getEncoding(EncodingType.CL100K_BASE);
    private static RunningApp app;
    private static FxRobot robot;

    @BeforeAll
    static void start() throws TimeoutException {
        app = RunningApp.start("--tokenizers", "cl100k_base,bert-base-uncased", "--text", TEXT);
        robot = app.robot();
    }

    @AfterAll
    static void stop() throws TimeoutException {
        app.stop();
    }

    private static int[] jtokkitIds(String text) {
        IntArrayList list = CL100K.encodeOrdinary(text);
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = list.get(i);
        }
        return ids;
    }

    private static byte[] bytesOf(int... ids) {
        IntArrayList list = new IntArrayList();
        for (int id : ids) {
            list.add(id);
        }
        return CL100K.decodeBytes(list);
    }

    /** The jtokkit token of {@code ids} that decodes to {@code text}. */
    private static int indexOf(int[] ids, String text) {
        for (int i = 0; i < ids.length; i++) {
            if (new String(bytesOf(ids[i]), StandardCharsets.UTF_8).equals(text)) {
                return i;
            }
        }
        throw new AssertionError("jtokkit has no token '" + text + "'");
    }

    private static void clickChip(int lane, int index) throws TimeoutException {
        robot.clickOn(app.chip(lane, index));
        app.settle();
    }

    /**
     * At presentation's large type the facts need more height than the detail's share: they wrap into columns
     * instead of pushing the divider up (the lanes and the map above shrank to a strip before), and each stays
     * whole inside the pane.
     */
    @Test
    void presentationModeWrapsTheFactsIntoColumnsInsteadOfGrowingThePane() throws TimeoutException {
        clickChip(0, 1);
        Node pane = robot.lookup("#detailPane").query();
        double sceneHeight = pane.getScene().getHeight();
        robot.clickOn(app.view().editor());
        robot.type(KeyCode.F11);
        app.settle();
        try {
            RunningApp.waitUntil(() -> pane.getScene().getStylesheets().get(0).contains("presentation"));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Bounds paneBounds = pane.localToScene(pane.getLayoutBounds());
            // one column of nine facts at large type would take over half of this 780-pixel window
            assertTrue(paneBounds.getHeight() < 0.4 * sceneHeight,
                    "the lanes and the map keep most of the height: the detail takes " + paneBounds.getHeight()
                            + " of " + sceneHeight);
            List<Node> labels = new ArrayList<>(robot.lookup("#detailFacts .fact-label").queryAll());
            List<Node> values = new ArrayList<>(robot.lookup("#detailFacts .fact-value").queryAll());
            assertEquals(9, labels.size(), "every fact is there");
            java.util.Set<Double> columns = new java.util.TreeSet<>();
            for (Node n : labels) {
                javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                assertTrue(paneBounds.contains(b), ((Labeled) n).getText() + " inside the pane: " + b + " in "
                        + paneBounds);
                columns.add(Math.rint(b.getMinX()));
            }
            for (Node n : values) {
                javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                assertTrue(paneBounds.contains(b), ((Labeled) n).getText() + " inside the pane");
                assertEquals(-1, ((Labeled) n).getText().indexOf("..."), "not elided: " + ((Labeled) n).getText());
            }
            assertTrue(columns.size() >= 2, "the facts wrapped into columns: " + columns);
        } finally {
            robot.type(KeyCode.F11);
            app.settle();
        }
    }

    @Test
    void clickingACl100kChipShowsItsIdBytesOffsetsAndSourceAsJtokkitHasThem() throws TimeoutException {
        int[] ids = jtokkitIds(TEXT);
        assertEquals(toList(ids), app.chipIds(0), "the lane's chips are jtokkit's tokens");
        int k = indexOf(ids, " world");
        byte[] before = bytesOf(java.util.Arrays.copyOf(ids, k));
        byte[] own = bytesOf(ids[k]);
        int utf16Start = new String(before, StandardCharsets.UTF_8).length(); // é: 1 UTF-16 unit, 2 UTF-8 bytes
        int utf16End = utf16Start + new String(own, StandardCharsets.UTF_8).length();

        clickChip(0, k);
        assertEquals("Token " + (k + 1) + " of " + ids.length + " · cl100k_base", app.detailHeading());
        assertEquals(Integer.toString(ids[k]), app.fact("id"));
        assertEquals(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(own) + "  (" + own.length + " bytes)",
                app.fact("bytes"));
        assertEquals(String.format(Locale.ROOT, "[%d, %d)", utf16Start, utf16End), app.fact("UTF-16"));
        assertEquals(String.format(Locale.ROOT, "[%d, %d)", before.length, before.length + own.length),
                app.fact("UTF-8"));
        assertEquals(TEXT.substring(utf16Start, utf16End).replace(' ', '·'), app.fact("source"));
        assertEquals("·world", app.fact("decoded"));
        assertEquals("no", app.fact("special"));
    }

    @Test
    void clickingABertChipShowsPieceOffsetsAndWordAsHfTokenizersHasThem() throws TimeoutException {
        OracleEncoding expected;
        try (HfOracle oracle = HfOracle.fromResource(Fixtures.BERT_RESOURCE)) {
            expected = oracle.encode(TEXT, true);
        }
        assertEquals(toList(expected.ids()), app.chipIds(1), "the lane's chips are HF's tokens");
        int k = List.of(expected.tokens()).indexOf("##ization");
        assertTrue(k > 0, expected::toString);

        clickChip(1, k);
        assertEquals("Token " + (k + 1) + " of " + expected.size() + " · bert-base-uncased", app.detailHeading());
        assertEquals(Integer.toString(expected.ids()[k]), app.fact("id"));
        assertEquals(expected.tokens()[k], app.fact("piece"));
        assertEquals(String.format(Locale.ROOT, "[%d, %d)", expected.starts()[k], expected.ends()[k]),
                app.fact("UTF-16"));
        assertEquals(expected.sourceText(k), app.fact("source"));
        assertEquals(Integer.toString(expected.wordIds()[k]), app.fact("word"));
        assertEquals("no", app.fact("special"));
    }

    /** Symbols after each merge of {@code word}: lowest-ranked adjacent pair first, ranks from jtokkit's ids. */
    private static List<List<String>> bpeByRanks(String word) {
        List<String> symbols = new ArrayList<>();
        word.codePoints().forEach(cp -> symbols.add(Character.toString(cp)));
        List<List<String>> steps = new ArrayList<>();
        steps.add(List.copyOf(symbols));
        while (true) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                String pair = symbols.get(i) + symbols.get(i + 1);
                int[] ids = jtokkitIds(pair);
                if (ids.length == 1 && ids[0] < bestRank) {
                    best = i;
                    bestRank = ids[0];
                }
            }
            if (best < 0) {
                return steps;
            }
            symbols.set(best, symbols.get(best) + symbols.remove(best + 1));
            steps.add(List.copyOf(symbols));
        }
    }

    /** The shown symbols, with the byte-level alphabet's Ġ read back as the space it stands for. */
    private static List<String> shownSymbols() {
        return app.boxes(".merge-replay .symbol-box").stream().map(s -> s.replace('Ġ', ' ')).toList();
    }

    private static String stepLabel() {
        return robot.lookup(".replay-step").queryLabeled().getText();
    }

    private static void press(KeyCode key) {
        robot.type(key);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void replayingABpeWordShowsTheSymbolsOfEveryMergeByButtonsAndKeys() throws TimeoutException {
        int[] ids = jtokkitIds(TEXT);
        int k = indexOf(ids, " unbelie"); // cl100k splits " unbelievably" as " unbelie" + "vably"
        List<List<String>> steps = bpeByRanks(" unbelievably");
        int n = steps.size() - 1;
        assertTrue(n >= 5, "a word with many merges");
        assertEquals(List.of(" unbelie", "vably"), steps.get(n));

        clickChip(0, k);
        assertEquals(steps.get(0), shownSymbols(), "starts from single characters");
        assertEquals("0 / " + n, stepLabel());
        robot.clickOn("#replayForward");
        assertEquals(steps.get(1), shownSymbols());
        robot.clickOn("#replayForward");
        assertEquals(steps.get(2), shownSymbols());
        robot.clickOn("#replayBack");
        assertEquals(steps.get(1), shownSymbols());
        assertEquals("1 / " + n, stepLabel());

        robot.clickOn("#detailHeading"); // the pane takes the focus; then the keys drive the replay
        press(KeyCode.RIGHT);
        press(KeyCode.RIGHT);
        press(KeyCode.RIGHT);
        assertEquals(steps.get(4), shownSymbols());
        press(KeyCode.LEFT);
        assertEquals(steps.get(3), shownSymbols());
        assertEquals(fusedIndex(steps.get(2), steps.get(3)), styledBox("fused"), "the box the merge made");
        assertEquals(fusedIndex(steps.get(3), steps.get(4)), styledBox("pair-left"), "the pair merging next");

        robot.clickOn("#replayReset");
        assertEquals(steps.get(0), shownSymbols(), "reset: the initial symbols again");
        assertEquals("0 / " + n, stepLabel());

        setSpeed(MergeReplayViewModel.MAX_SPEED);
        robot.clickOn("#detailHeading");
        press(KeyCode.SPACE); // reaching the last merge on its own proves Space started the replay
        RunningApp.waitUntil(() -> stepLabel().equals(n + " / " + n));
        assertEquals("▶ play", robot.lookup("#replayPlay").queryLabeled().getText(), "stops after the last merge");
        assertEquals(steps.get(n), shownSymbols());

        setSpeed(MergeReplayViewModel.MIN_SPEED); // one merge per 4 s: slow enough to catch it playing
        robot.clickOn("#replayPlay");
        assertEquals("⏸ pause", robot.lookup("#replayPlay").queryLabeled().getText());
        assertTrue(stepLabel().startsWith("0 /") || stepLabel().startsWith("1 /"), "from the end, play starts over");
        robot.clickOn("#detailHeading");
        press(KeyCode.SPACE); // pause wherever it is
        assertEquals("▶ play", robot.lookup("#replayPlay").queryLabeled().getText());
        int at = Integer.parseInt(stepLabel().substring(0, stepLabel().indexOf(' ')));
        assertEquals(steps.get(at), shownSymbols(), "paused at step " + at);
    }

    private static void setSpeed(double mergesPerSecond) {
        robot.interact(() -> robot.lookup("#replaySpeed").queryAs(Slider.class).setValue(mergesPerSecond));
    }

    /** Where {@code after} holds the symbol the merge from {@code before} produced. */
    private static int fusedIndex(List<String> before, List<String> after) {
        for (int i = 0; i < after.size(); i++) {
            if (!after.get(i).equals(before.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no merge between " + before + " and " + after);
    }

    private static int styledBox(String styleClass) {
        List<Node> boxes = new ArrayList<>(robot.lookup("#detailTrace .merge-replay .symbol-box").queryAll());
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).getStyleClass().contains(styleClass)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aBertSubwordShowsTheLongestMatchStepsOfItsWord() throws Exception {
        JsonNode vocab = new ObjectMapper().readTree(Fixtures.bertJson()).get("model").get("vocab");
        OracleEncoding expected;
        try (HfOracle oracle = HfOracle.fromResource(Fixtures.BERT_RESOURCE)) {
            expected = oracle.encode(TEXT, true);
        }
        int k = List.of(expected.tokens()).indexOf("##ization");
        // greedy longest match over "tokenization", by hand from the vocabulary: every candidate tried, longest first
        String word = "tokenization";
        List<String> rows = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (int start = 0; start < word.length(); ) {
            StringBuilder row = new StringBuilder("at " + start + ":");
            int end = word.length();
            for (; end > start; end--) {
                String candidate = (start > 0 ? "##" : "") + word.substring(start, end);
                boolean hit = vocab.has(candidate);
                row.append(' ').append(candidate).append(hit ? "=" + vocab.get(candidate).asInt() : "✗");
                if (hit) {
                    matched.add(candidate);
                    break;
                }
            }
            rows.add(row.toString());
            start = end;
        }
        assertEquals(List.of(expected.tokens()).subList(k - 1, k + 1), matched, "the oracle's pieces of the word");

        clickChip(1, k);
        assertEquals(rows, wordPieceRows());
        assertTrue(robot.lookup("#detailTrace .replay-caption").queryLabeled().getText().contains("‘tokenization’"));
    }

    /** Each row of the WordPiece view as "at N: cand✗ … match=id". */
    private static List<String> wordPieceRows() {
        List<String> rows = new ArrayList<>();
        Parent trace = robot.lookup("#detailTrace .wordpiece-trace").queryAs(Parent.class);
        for (Node child : trace.getChildrenUnmodifiable()) {
            if (child instanceof HBox row) {
                StringBuilder b = new StringBuilder(((Label) row.getChildren().get(0)).getText() + ":");
                for (Node box : row.lookupAll(".symbol-box")) {
                    b.append(' ').append(((Labeled) box.lookup(".symbol-text")).getText());
                    Node caption = box.lookup(".symbol-caption");
                    b.append(box.getStyleClass().contains("matched")
                            ? "=" + ((Labeled) caption).getText().replace("id ", "") : "✗");
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    @Test
    void anInsertedClsShowsItsFactsAndNoSplit() throws TimeoutException {
        OracleEncoding expected;
        try (HfOracle oracle = HfOracle.fromResource(Fixtures.BERT_RESOURCE)) {
            expected = oracle.encode(TEXT, true);
        }
        assertEquals(-1, expected.starts()[0], "HF: [CLS] has no span");
        clickChip(1, 0);
        assertEquals(Integer.toString(expected.ids()[0]), app.fact("id"));
        assertEquals(expected.tokens()[0], app.fact("piece"));
        assertEquals(expected.special()[0] ? "yes" : "no", app.fact("special"));
        assertEquals("— (inserted, no span in the text)", app.fact("source"));
        assertEquals("—", app.fact("UTF-16"));
        assertTrue(app.boxes(".symbol-box").isEmpty(), "no symbols to show");
        assertEquals("Inserted by the post-processor: it has no text, so no split to show.",
                robot.lookup("#detailTrace .trace-status").queryLabeled().getText());
    }

    private static List<Integer> toList(int[] ids) {
        List<Integer> out = new ArrayList<>();
        for (int id : ids) {
            out.add(id);
        }
        return out;
    }
}
