package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.task.CurrentThreadTaskRunner;

/** The paste warm-up runs once the window is shown, to its end, and leaves the user's editor and text alone. */
@ExtendWith(ApplicationExtension.class)
class PasteWarmUpFxTest {

    private TokenizationViewModel viewModel;
    private TokenizationView view;
    private final CountDownLatch warmedUp = new CountDownLatch(1);
    private final List<String> handedOver = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        viewModel = new TokenizationViewModel(new FakeLoader(), new CurrentThreadTaskRunner(), List.of("words"),
                List.of("words"), "before");
        view = new TokenizationView(viewModel, message -> { });
        PasteWarmUp.whenShown(view, warmedUp::countDown);
        viewModel.textProperty().addListener((obs, old, now) -> handedOver.add(now));
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    @Test
    void runsOffScreenAndTouchesNothingOfTheUsers(FxRobot robot) throws InterruptedException {
        assertTrue(warmedUp.await(20, TimeUnit.SECONDS), "the warm-up's chunked insert came to its end");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("before", view.editor().getText());
        assertFalse(view.editor().isUndoAvailable(), "nothing to undo");
        assertTrue(view.editor().isEditable());
        assertEquals(-1, view.editor().insertProgressProperty().get());
        assertEquals(List.of(), handedOver, "the view model heard nothing");
        assertEquals(0, view.statusBar().getProgress(), "no progress shown");
    }
}
