package org.tokenlens.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.engine.tokenize.Trace;

/** Replay stepping without a stage: forward, back, reset and play reproduce the trace's symbol lists. */
class MergeReplayViewModelTest {

    /** "lower" by hand: l o w e r → lo w e r → low e r → low er → lower. */
    private static Trace.Bpe lower() {
        return new Trace.Bpe("lower", List.of("l", "o", "w", "e", "r"), List.of(
                new Trace.Merge("l", "o", 3, "lo", 10, 0, List.of("lo", "w", "e", "r")),
                new Trace.Merge("lo", "w", 5, "low", 11, 0, List.of("low", "e", "r")),
                new Trace.Merge("e", "r", 7, "er", 12, 1, List.of("low", "er")),
                new Trace.Merge("low", "er", 9, "lower", 13, 0, List.of("lower"))));
    }

    @Test
    void stepsForwardAndBackThroughEverySymbolList() {
        MergeReplayViewModel vm = new MergeReplayViewModel();
        vm.load(lower());
        assertEquals(List.of("l", "o", "w", "e", "r"), vm.symbolsProperty().get());
        assertEquals(0, vm.pairPositionProperty().get());
        assertEquals(-1, vm.fusedPositionProperty().get());
        assertEquals("Merge 1 of 4: ‘l’ + ‘o’ → ‘lo’  (rank 3, id 10)", vm.captionProperty().get());

        vm.stepForward();
        vm.stepForward();
        assertEquals(List.of("low", "e", "r"), vm.symbolsProperty().get());
        assertEquals(0, vm.fusedPositionProperty().get());
        assertEquals(1, vm.pairPositionProperty().get()); // next: e + r
        vm.stepForward();
        vm.stepForward();
        vm.stepForward(); // past the end: stays
        assertEquals(List.of("lower"), vm.symbolsProperty().get());
        assertEquals(4, vm.stepProperty().get());
        assertEquals(-1, vm.pairPositionProperty().get());
        assertTrue(vm.atEnd());

        vm.stepBack();
        assertEquals(List.of("low", "er"), vm.symbolsProperty().get());
        assertEquals(1, vm.fusedPositionProperty().get());
        vm.reset();
        assertEquals(List.of("l", "o", "w", "e", "r"), vm.symbolsProperty().get());
        vm.stepBack(); // before the start: stays
        assertEquals(0, vm.stepProperty().get());
    }

    @Test
    void playTicksToTheEndThenStopsAndPlayAgainRestarts() {
        MergeReplayViewModel vm = new MergeReplayViewModel();
        vm.load(lower());
        vm.tick(); // not playing: no effect
        assertEquals(0, vm.stepProperty().get());
        vm.togglePlay();
        for (int i = 0; i < 10; i++) {
            vm.tick();
        }
        assertEquals(4, vm.stepProperty().get());
        assertFalse(vm.playingProperty().get());
        vm.togglePlay();
        assertTrue(vm.playingProperty().get());
        assertEquals(0, vm.stepProperty().get()); // from the end, play starts over
        vm.stepBack(); // stepping by hand pauses
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void realCl100kTraceReplaysToTheTokensTiktokenGives() {
        Tokenizer cl100k = new TokenizerRegistry().load("cl100k_base");
        String word = " unbelievably";
        Trace.Bpe trace = (Trace.Bpe) cl100k.trace(word, 0).orElseThrow();
        MergeReplayViewModel vm = new MergeReplayViewModel();
        vm.load(trace);
        assertEquals(trace.initial(), vm.symbolsProperty().get());
        List<List<String>> seen = new ArrayList<>();
        while (!vm.atEnd()) {
            vm.stepForward();
            seen.add(vm.symbolsProperty().get());
        }
        for (int k = 0; k < trace.merges().size(); k++) {
            assertEquals(trace.merges().get(k).after(), seen.get(k), "after merge " + (k + 1));
        }
        // The final symbols are the pieces of the ids tiktoken (jtokkit) gives for the word.
        List<String> expected = new ArrayList<>();
        for (int id : Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE)
                .encodeOrdinary(word).toArray()) {
            expected.add(cl100k.idToToken(id));
        }
        assertEquals(expected, vm.symbolsProperty().get());
        for (int k = trace.merges().size(); k > 0; k--) {
            vm.stepBack();
            assertEquals(k == 1 ? trace.initial() : trace.merges().get(k - 2).after(), vm.symbolsProperty().get());
        }
    }
}
