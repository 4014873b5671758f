package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.scene.control.IndexRange;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.task.CurrentThreadTaskRunner;

/**
 * A paste over the chunking threshold goes in over several pulses: read-only with progress meanwhile, the view
 * model hears the text once, at the end, exactly as pasted (surrogate pairs and CR LF across chunk ends), and one
 * undo brings the previous text back. And the paste warm-up ({@link PasteWarmUp}) leaves all that alone.
 */
@ExtendWith(ApplicationExtension.class)
class ChunkedPasteFxTest {

    private TokenizationViewModel viewModel;
    private TokenizationView view;
    private final List<String> handedOver = new CopyOnWriteArrayList<>();
    private final CountDownLatch warmedUp = new CountDownLatch(1);
    /** JavaFX's CSS warnings (e.g. a looked-up colour that does not resolve), logged while the window runs. */
    private final List<String> cssWarnings = new CopyOnWriteArrayList<>();
    private final Handler cssLog = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue() && r.getLoggerName() != null
                    && r.getLoggerName().startsWith("javafx.css")) {
                cssWarnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Start
    void start(Stage stage) {
        Logger.getLogger("").addHandler(cssLog);
        viewModel = new TokenizationViewModel(new FakeLoader(), new CurrentThreadTaskRunner(), List.of("words"),
                List.of("words"), "before");
        view = new TokenizationView(viewModel, message -> { });
        PasteWarmUp.whenShown(view, warmedUp::countDown);
        viewModel.textProperty().addListener((obs, old, now) -> handedOver.add(now));
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    /** Chunk ends fall inside surrogate pairs and between CR and LF somewhere in here. */
    private static String big() {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (sb.length() < 3 * TokenEditor.CHUNK + TokenEditor.CHUNKED_ABOVE) {
            sb.append(k++ % 7 == 0 ? "🙂" : "ab").append(k % 11 == 0 ? "\r\n" : " ");
        }
        return sb.toString();
    }

    @Test
    void aLargePasteGoesInByChunksAndIsHandedOverOnce(FxRobot robot) throws TimeoutException {
        String pasted = big();
        boolean[] duringFirstPulse = new boolean[4];
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(pasted);
            Clipboard.getSystemClipboard().setContent(content);
            view.editor().selectRange(2, 4); // "before" → "be" + paste + "re"
            view.editor().paste();
            duringFirstPulse[0] = view.editor().isInsertingChunks();
            duringFirstPulse[1] = view.editor().isEditable();
            duringFirstPulse[2] = view.statusBar().getProgress() > 0 && view.statusBar().getProgress() < 1;
            duringFirstPulse[3] = handedOver.isEmpty();
        });
        assertTrue(duringFirstPulse[0], "still inserting after the first chunk");
        assertFalse(duringFirstPulse[1], "read-only while inserting");
        assertTrue(duringFirstPulse[2], "progress in the status bar");
        assertTrue(duringFirstPulse[3], "nothing handed over before the end");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.editor().isInsertingChunks());
        WaitForAsyncUtils.waitForFxEvents();
        StyleClassedTextArea unchunked = new StyleClassedTextArea(); // the same library in one go (it turns CR LF into LF)
        unchunked.replaceText("be" + pasted + "re");
        String expected = unchunked.getText();
        assertTrue(expected.length() < 4 + pasted.length() && expected.contains("🙂"));
        assertEquals(1, handedOver.size(), "the view model hears the paste once");
        assertEquals(expected, handedOver.get(0));
        assertEquals(expected, view.editor().getText());
        assertEquals(expected, viewModel.lanes().get(0).encodingProperty().get().text(), "the lane encoded it");
        assertTrue(view.editor().isEditable());
        assertEquals(expected.length() - 2, view.editor().getCaretPosition(), "caret after the paste");
        assertEquals(0, view.statusBar().getProgress());

        robot.interact(() -> view.editor().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("before", view.editor().getText(), "one undo restores the text before the paste");
        assertEquals("before", viewModel.textProperty().get());
    }

    /**
     * The paste's end is on screen, caret there, before the text is handed on: the pulse that shows it does not
     * also start the lanes (their workers would take the cores from that frame's layout and drawing).
     */
    @Test
    void theEndIsShownBeforeTheTextIsHandedOver(FxRobot robot) throws TimeoutException {
        String pasted = big();
        boolean[] atHandOver = new boolean[2];
        robot.interact(() -> {
            viewModel.textProperty().addListener((obs, old, now) -> {
                int last = view.editor().getParagraphs().size() - 1;
                atHandOver[0] = view.editor().getCaretPosition() == view.editor().getLength();
                atHandOver[1] = view.editor().lastVisibleParToAllParIndex() == last;
            });
            view.editor().selectAll();
            view.editor().replaceSelection(pasted);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.editor().isInsertingChunks());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, handedOver.size());
        assertTrue(atHandOver[0], "caret at the paste's end when the text is handed on");
        assertTrue(atHandOver[1], "the paste's last line on screen when the text is handed on");
    }

    /**
     * While a paste goes in, the editor's offsets are not the lanes' text: the session's editor range (the lanes
     * highlight and scroll to the tokens it covers) stays as it was, and takes the caret at the paste's end with
     * the text.
     */
    @Test
    void theCaretIsHandedOnWithTheText(FxRobot robot) throws TimeoutException {
        String pasted = big();
        List<IndexRange> published = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            view.editor().selectRange(2, 4);
            viewModel.session().editorSelectionProperty().addListener((obs, old, now) -> published.add(now));
            view.editor().replaceSelection(pasted);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.editor().isInsertingChunks());
        WaitForAsyncUtils.waitForFxEvents();
        int end = view.editor().getLength() - 2; // "be" + paste + "re"
        assertEquals(List.of(new IndexRange(end, end)), published);
    }

    /** The paste warm-up runs once the window is shown, to its end, and leaves the user's editor and text alone. */
    @Test
    void theWarmUpRunsOffScreenAndTouchesNothingOfTheUsers(FxRobot robot) throws InterruptedException {
        assertTrue(warmedUp.await(20, TimeUnit.SECONDS), "the warm-up's chunked insert came to its end");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("before", view.editor().getText());
        assertFalse(view.editor().isUndoAvailable(), "nothing to undo");
        assertTrue(view.editor().isEditable());
        assertEquals(-1, view.editor().insertProgressProperty().get());
        assertEquals(List.of(), handedOver, "the view model heard nothing");
        assertEquals(0, view.statusBar().getProgress(), "no progress shown");
        assertEquals(List.of(), cssWarnings, "no CSS warning on the console");
    }

    @AfterEach
    void removeLogHandler() {
        Logger.getLogger("").removeHandler(cssLog);
    }

    @Test
    void aSmallPasteGoesInAtOnce(FxRobot robot) {
        robot.interact(() -> {
            view.editor().selectRange(0, 6);
            view.editor().replaceSelection("small");
            assertFalse(view.editor().isInsertingChunks());
        });
        assertEquals(List.of("small"), handedOver);
    }
}
