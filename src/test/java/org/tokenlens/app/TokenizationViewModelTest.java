package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.task.ManualTaskRunner;
import org.tokenlens.engine.tokenize.Encoding;

/** The view model without a stage or FX toolkit: fake tokenizers, tasks run on the test thread or by hand. */
class TokenizationViewModelTest {

    private static final List<String> CHOICES = List.of("words", "chars");
    private final FakeLoader loader = new FakeLoader();

    private TokenizationViewModel create(List<String> lanes) {
        return new TokenizationViewModel(loader, new CurrentThreadTaskRunner(), CHOICES, lanes,
                TokenizationViewModel.DEFAULT_TEXT);
    }

    private static List<String> tokens(Encoding e) {
        return List.of(e.tokens());
    }

    @Test
    void encodesTheInitialTextAtOnce() {
        LaneViewModel lane = create(List.of("words")).lanes().get(0);
        Encoding e = lane.encodingProperty().get();
        assertEquals(List.of("[CLS]", "This", " is", " a", " input."), tokens(e));
        assertArrayEquals(new int[] {1, 'T', ' ', ' ', ' '}, e.ids());
        assertEquals("5 tokens · 3.20 chars/token", lane.summaryProperty().get()); // 16 chars / 5 tokens
        assertFalse(lane.busyProperty().get());
    }

    @Test
    void everyEditReEncodesEveryLane() {
        TokenizationViewModel vm = create(List.of("words", "chars"));
        vm.textProperty().set("ab c");
        assertEquals(List.of("[CLS]", "ab", " c"), tokens(vm.lanes().get(0).encodingProperty().get()));
        assertEquals(List.of("a", "b", " ", "c"), tokens(vm.lanes().get(1).encodingProperty().get()));
        assertEquals("4 tokens · 1.00 chars/token", vm.lanes().get(1).summaryProperty().get());
        vm.textProperty().set("");
        assertEquals("0 tokens", vm.lanes().get(1).summaryProperty().get());
    }

    @Test
    void charsPerTokenCountsCodePointsNotUtf16Units() {
        TokenizationViewModel vm = create(List.of("words"));
        vm.textProperty().set("🙂🙂"); // 2 code points, 4 UTF-16 units, one word + [CLS]
        assertEquals("2 tokens · 1.00 chars/token", vm.lanes().get(0).summaryProperty().get());
    }

    @Test
    void switchingTokenizerReEncodesTheSameText() {
        TokenizationViewModel vm = create(List.of("words"));
        LaneViewModel lane = vm.lanes().get(0);
        vm.textProperty().set("hi there");
        lane.tokenizerNameProperty().set("chars");
        assertEquals(List.of("h", "i", " ", "t", "h", "e", "r", "e"), tokens(lane.encodingProperty().get()));
        assertEquals("hi there", vm.textProperty().get());
    }

    @Test
    void aTokenizerThatFailsToLoadReportsOneLineAndFallsBack() {
        TokenizationViewModel vm = create(List.of("words"));
        LaneViewModel lane = vm.lanes().get(0);
        List<String> errors = new ArrayList<>();
        lane.errorProperty().addListener((obs, old, msg) -> {
            if (msg != null) {
                errors.add(msg);
                lane.acknowledgeError();
            }
        });
        Encoding before = lane.encodingProperty().get();
        lane.tokenizerNameProperty().set("/no/such/tokenizer.json");

        assertEquals(List.of("unknown tokenizer '/no/such/tokenizer.json': no such file"), errors);
        assertNull(lane.errorProperty().get());
        assertEquals("words", lane.tokenizerNameProperty().get(), "falls back to the last tokenizer that loaded");
        assertEquals(before, lane.encodingProperty().get());
        assertEquals(TokenizationViewModel.DEFAULT_TEXT, vm.textProperty().get(), "the text stays");

        // the same bad choice again is reported again
        lane.tokenizerNameProperty().set("/no/such/tokenizer.json");
        assertEquals(2, errors.size());
    }

    @Test
    void aFailedFirstTokenizerIsNotRetriedOnEveryKeystroke() {
        TokenizationViewModel vm = create(List.of("missing"));
        LaneViewModel lane = vm.lanes().get(0);
        assertTrue(lane.errorProperty().get().contains("missing"));
        assertNull(lane.encodingProperty().get());
        assertEquals("not loaded", lane.summaryProperty().get());
        int attempts = loader.loaded.size();
        vm.textProperty().set("typing");
        vm.textProperty().set("typing on");
        assertEquals(attempts, loader.loaded.size());
        lane.tokenizerNameProperty().set("chars"); // a new choice works again
        assertEquals("typing on".length(), lane.encodingProperty().get().size());
    }

    @Test
    void latestResultWinsOverStaleOnes() {
        ManualTaskRunner runner = new ManualTaskRunner();
        TokenizationViewModel vm = new TokenizationViewModel(loader, runner, CHOICES, List.of("chars"), "x");
        LaneViewModel lane = vm.lanes().get(0);
        vm.textProperty().set("xy");
        vm.textProperty().set("xyz");
        List<ManualTaskRunner.Pending> tasks = runner.pending();
        assertEquals(3, tasks.size());
        assertTrue(lane.busyProperty().get());
        assertTrue(tasks.get(0).cancelled() && tasks.get(1).cancelled() && !tasks.get(2).cancelled());

        tasks.get(2).complete();
        assertEquals("xyz", lane.encodingProperty().get().text());
        assertFalse(lane.busyProperty().get());
        // older keystrokes finish late (their cancel came too late): dropped
        tasks.get(0).complete();
        tasks.get(1).complete();
        assertEquals("xyz", lane.encodingProperty().get().text());
        assertFalse(lane.busyProperty().get());
    }

    @Test
    void staleFailureDoesNotOverrideANewerResult() {
        ManualTaskRunner runner = new ManualTaskRunner();
        TokenizationViewModel vm = new TokenizationViewModel(loader, runner, CHOICES, List.of("chars"), "a");
        LaneViewModel lane = vm.lanes().get(0);
        runner.pending().get(0).complete();
        lane.tokenizerNameProperty().set("broken");
        lane.tokenizerNameProperty().set("words");
        runner.pending().get(2).complete();
        runner.pending().get(1).complete(); // the failure of "broken" arrives last
        assertNull(lane.errorProperty().get());
        assertEquals("words", lane.tokenizerNameProperty().get());
        assertEquals(List.of("[CLS]", "a"), tokens(lane.encodingProperty().get()));
    }

    @Test
    void busyWhileAnyLaneWaits() {
        ManualTaskRunner runner = new ManualTaskRunner();
        TokenizationViewModel vm = new TokenizationViewModel(loader, runner, CHOICES, List.of("chars", "words"), "a");
        assertTrue(vm.busyProperty().get());
        runner.pending().get(0).complete();
        assertTrue(vm.busyProperty().get());
        runner.pending().get(1).complete();
        assertFalse(vm.busyProperty().get());
    }
}
