package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.chips.ChipData;
import org.tokenlens.app.chips.TokenMarks;
import org.tokenlens.app.task.FxTaskRunner;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** Typing while the keystroke warm-up runs: the warm-up ends, and every lane shows exactly the typed text's tokens. */
@ExtendWith(ApplicationExtension.class)
class KeystrokeWarmupFxTest {

    private static final String DOC = ("The quick brown fox jumps over the lazy dog; tokenizers split words.\n"
            + "日本語のテキストと中文 🙂 and café naïve.\n").repeat(300);

    private final TokenizerRegistry registry = new TokenizerRegistry();
    private TokenizationViewModel viewModel;
    private TokenizationView view;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner(2);
        viewModel = new TokenizationViewModel(registry::load, runner, List.of(), List.of("bert-base-uncased", "gpt2"),
                DOC);
        view = new TokenizationView(viewModel, message -> { });
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private void settle() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingDuringTheWarmUpStopsItAndEveryLaneShowsTheTypedText(FxRobot robot) throws Exception {
        settle();
        KeystrokeWarmup[] warmup = new KeystrokeWarmup[1];
        robot.interact(() -> warmup[0] = KeystrokeWarmup.whenLanesReady(viewModel, Integer.MAX_VALUE, 600_000));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> warmup[0].edits() >= 3);
        assertEquals("running", warmup[0].ended());
        robot.clickOn(view.editor());
        robot.interact(() -> view.editor().moveTo(DOC.length() / 2 + 3));
        robot.write("tokens é 42.");
        settle();
        assertTrue(warmup[0].join(10_000));
        assertEquals("typing", warmup[0].ended());
        String text = view.editor().getText();
        assertEquals(DOC.length() + "tokens é 42.".length(), text.length(), "every character typed");
        robot.interact(() -> {
            for (LaneViewModel lane : viewModel.lanes()) {
                Tokenizer t = lane.tokenizerProperty().get();
                Encoding fresh = t.encode(text);
                assertEquals(fresh, lane.encodingProperty().get(), lane.tokenizerNameProperty().get());
                ChipData chips = ChipData.of(fresh, TokenMarks.unknownId(t), lane.chipDataProperty().get().mode());
                assertArrayEquals(chips.marks(), lane.chipDataProperty().get().marks());
                assertArrayEquals(chips.clusterStarts(), lane.chipDataProperty().get().clusterStarts());
                assertArrayEquals(chips.widths(), lane.chipDataProperty().get().widths());
                assertArrayEquals(chips.lineEnds(), lane.chipDataProperty().get().lineEnds());
            }
        });
    }
}
