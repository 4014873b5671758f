package org.tokenlens.app.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * Whoever waits for the view model to turn idle (the --screenshot, WhenIdle) acts inside the busy listener, so
 * at that moment the outcome must already be visible: points, status, state, error. The screenshot once caught
 * an empty map still saying "Projecting whole vocabulary (loading the model first)…".
 */
class EmbeddingViewModelIdleTest {
    static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    static EmbeddingModel miniLm;

    @BeforeAll
    static void load() {
        miniLm = new EmbeddingModels(REGISTRY).load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    private static EmbeddingViewModel vm(TaskRunner runner, java.util.function.Supplier<EmbeddingModel> model) {
        SessionModel session = new SessionModel();
        TokenizationViewModel tokens = new TokenizationViewModel(REGISTRY::load, new CurrentThreadTaskRunner(),
                List.of(), List.of("bert-base-uncased"), "the king", session);
        return new EmbeddingViewModel(session, tokens.lanes(), runner, model);
    }

    /** What the view model shows at the moment busy turns false, one line per time it does. */
    private static List<String> seenWhenIdle(EmbeddingViewModel vm) {
        List<String> seen = new ArrayList<>();
        vm.busyProperty().addListener((obs, was, now) -> {
            if (!now) {
                seen.add(vm.stateProperty().get() + " | " + vm.pointsProperty().get().size() + " | "
                        + vm.statusProperty().get() + " | " + vm.errorProperty().get());
            }
        });
        return seen;
    }

    @Test
    void aFinishedProjectionIsOnTheMapWhenBusyTurnsFalse() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner(), () -> miniLm);
        vm.subsetKindProperty().set(SubsetKind.TOP_N);
        vm.topNProperty().set(600);
        List<String> seen = seenWhenIdle(vm);
        vm.project();
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("DONE | 600 | PCA of 600 points"), seen.get(0));
    }

    @Test
    void aFailureIsReportedWhenBusyTurnsFalse() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner(), () -> {
            throw new IllegalStateException("no model here");
        });
        List<String> seen = seenWhenIdle(vm);
        vm.project();
        assertEquals(List.of("FAILED | 0 |  | no model here"), seen);
    }

    @Test
    void aCancelIsReportedWhenBusyTurnsFalse() throws InterruptedException {
        ThreadTaskRunner runner = new ThreadTaskRunner();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        EmbeddingViewModel vm = vm(runner, () -> {
            try {
                release.await(); // the model "loads" until the test has cancelled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return miniLm;
        });
        List<String> seen = seenWhenIdle(vm);
        vm.project();
        assertTrue(vm.busyProperty().get());
        vm.cancel();
        release.countDown();
        runner.last.join(60_000);
        runner.drain(); // the late result of the cancelled run changes nothing
        assertEquals(List.of("CANCELLED | 0 | Cancelled | null"), seen);
    }
}
