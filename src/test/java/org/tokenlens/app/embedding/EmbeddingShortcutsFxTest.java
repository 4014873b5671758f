package org.tokenlens.app.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.Shortcuts;
import org.tokenlens.app.Theme;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.map.MapTransform;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** The map's keys through the window's {@link Shortcuts}: Space pauses / resumes t-SNE on the map, Ctrl+0 fits. */
@ExtendWith(ApplicationExtension.class)
class EmbeddingShortcutsFxTest {
    static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    static EmbeddingModel miniLm;

    /** Runs work at once, or — while {@code hold} — never: a run then stays RUNNING for as long as the test wants. */
    private static final class HoldingRunner implements TaskRunner {
        boolean hold;

        @Override
        public <T> TaskHandle run(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> failed) {
            return hold ? () -> { } : new CurrentThreadTaskRunner().run(work, ok, failed);
        }
    }

    private final HoldingRunner runner = new HoldingRunner();
    private EmbeddingViewModel vm;
    private EmbeddingView view;
    private Shortcuts shortcuts;

    @BeforeAll
    static void load() {
        miniLm = new EmbeddingModels(REGISTRY).load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    @Start
    void start(Stage stage) {
        SessionModel session = new SessionModel();
        TokenizationViewModel tokens = new TokenizationViewModel(REGISTRY::load, new CurrentThreadTaskRunner(),
                List.of(), List.of("bert-base-uncased"), TokenizationViewModel.DEFAULT_TEXT, session);
        vm = new EmbeddingViewModel(session, tokens.lanes(), runner, () -> miniLm);
        view = new EmbeddingView(vm);
        Scene scene = new Scene(view, 1000, 700);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        shortcuts = new Shortcuts().forEmbeddingMap(view, vm);
        shortcuts.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void spaceOnTheMapPausesAndResumesTsneButTypesInAField(FxRobot robot) {
        robot.interact(() -> {
            vm.methodProperty().set(Projection.Method.TSNE);
            runner.hold = true;
            vm.project();
            view.map().requestFocus();
        });
        assertEquals(TsneState.RUNNING, vm.stateProperty().get());
        robot.type(KeyCode.SPACE);
        assertEquals(TsneState.PAUSED, vm.stateProperty().get());
        robot.type(KeyCode.SPACE);
        assertEquals(TsneState.RUNNING, vm.stateProperty().get());

        TextField search = robot.lookup("#search").queryAs(TextField.class);
        robot.interact(search::requestFocus);
        robot.type(KeyCode.SPACE);
        assertEquals(TsneState.RUNNING, vm.stateProperty().get(), "Space in the search field is a space");
        assertEquals(" ", search.getText());
        assertTrue(shortcuts.entries().stream().anyMatch(e -> e.description().contains("pause / resume t-SNE")),
                "listed for the F1 cheat sheet");
    }

    @Test
    void ctrlZeroFitsTheMap(FxRobot robot) {
        robot.interact(() -> {
            vm.subsetKindProperty().set(SubsetKind.TOP_N);
            vm.topNProperty().set(400);
            vm.project();
        });
        WaitForAsyncUtils.waitForFxEvents();
        MapTransform fitted = view.map().getTransform();
        robot.interact(() -> view.map().setTransform(new MapTransform(fitted.scale() * 3, fitted.tx() + 120,
                fitted.ty() - 80)));
        assertNotEquals(fitted, view.map().getTransform());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        MapTransform after = view.map().getTransform();
        assertEquals(fitted.scale(), after.scale(), 1e-9 * fitted.scale());
        assertEquals(fitted.tx(), after.tx(), 1e-6);
        assertEquals(fitted.ty(), after.ty(), 1e-6);
    }

    @Test
    void spaceReachingTheMapItselfAlsoToggles(FxRobot robot) {
        robot.interact(() -> {
            vm.methodProperty().set(Projection.Method.TSNE);
            runner.hold = true;
            vm.project();
        });
        // not focused, so the scene's shortcut passes it on: the map's own handler (the window without the
        // Shortcuts entry) pauses
        robot.interact(() -> javafx.event.Event.fireEvent(view.map(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, " ", " ", KeyCode.SPACE, false, false, false, false)));
        assertEquals(TsneState.PAUSED, vm.stateProperty().get());
    }
}
