package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import javafx.scene.control.IndexRange;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.engine.tokenize.Encoding;

/** Lanes added and removed, boundary diff, stats, linking helpers and selection moves: no stage, no toolkit. */
class LaneComparisonViewModelTest {

    private final FakeLoader loader = new FakeLoader();

    private TokenizationViewModel create(String text, String... lanes) {
        return new TokenizationViewModel(loader, new CurrentThreadTaskRunner(), List.of("words", "chars"),
                List.of(lanes), text);
    }

    private static BitSet bits(int... indices) {
        BitSet b = new BitSet();
        for (int i : indices) {
            b.set(i);
        }
        return b;
    }

    @Test
    void boundariesOneLaneHasAndAnotherLacksAreMarked() {
        // words: [CLS] "ab" " cd"   chars: a b ' ' c d. Moved past whitespace, words has boundaries {0, 3, 5};
        // chars also has 1 (a|b) and 4 (c|d), so chars' tokens "b" (1) and "d" (4) are marked, words' none.
        TokenizationViewModel vm = create("ab cd", "words", "chars");
        assertEquals(new BitSet(), vm.lanes().get(0).boundaryDiffProperty().get());
        assertEquals(bits(1, 4), vm.lanes().get(1).boundaryDiffProperty().get());

        vm.textProperty().set("ab c"); // updates with every edit
        assertEquals(bits(1), vm.lanes().get(1).boundaryDiffProperty().get());
    }

    /**
     * Past {@link TokenizationViewModel#COMPARE_ON_FX_THREAD} tokens the comparison runs as a task of its own:
     * the marks are the same as the small case's pattern, repeated, and a comparison overtaken by an edit is
     * dropped instead of marking the new tokens with the old text's bits.
     */
    @Test
    void bigTextsAreComparedAsATaskAndStaleComparisonsAreDropped() {
        // runs the lanes' encodes at once, but holds the view model's own task (the comparison) until asked
        org.tokenlens.app.task.ManualTaskRunner runner =
                org.tokenlens.app.task.ManualTaskRunner.holding(TokenizationViewModel.class);
        List<org.tokenlens.app.task.ManualTaskRunner.Pending> deferred = runner.pending();
        String unit = "ab cd ";
        int repeats = 40_000; // chars: 240,000 tokens, words 80,001: past the threshold
        TokenizationViewModel vm = new TokenizationViewModel(loader, runner, List.of("words", "chars"),
                List.of("words", "chars"), "ab cd");
        assertTrue(deferred.isEmpty(), "a small text is compared at once");
        vm.textProperty().set(unit.repeat(repeats + 1));
        assertEquals(1, deferred.size(), "the comparison waits as a task");
        assertEquals(bits(1, 4), vm.lanes().get(1).boundaryDiffProperty().get(), "the old marks stay meanwhile");
        vm.textProperty().set(unit.repeat(repeats)); // an edit overtakes it
        assertEquals(2, deferred.size());
        assertTrue(deferred.get(0).cancelled());
        deferred.get(0).complete(); // arrives all the same (a cancel can come too late): nothing applied
        assertEquals(bits(1, 4), vm.lanes().get(1).boundaryDiffProperty().get());
        deferred.get(1).complete();
        BitSet expected = new BitSet();
        for (int k = 0; k < repeats; k++) {
            expected.set(6 * k + 1); // "b" of each "ab"
            expected.set(6 * k + 4); // "d" of each "cd"
        }
        assertEquals(expected, vm.lanes().get(1).boundaryDiffProperty().get());
        assertEquals(new BitSet(), vm.lanes().get(0).boundaryDiffProperty().get());
    }

    @Test
    void aLaneThatNeverLoadedDoesNotHoldBackTheOthersMarks() {
        TokenizationViewModel vm = create("ab cd", "words", "no-such-tokenizer", "chars");
        assertNull(vm.lanes().get(1).encodingProperty().get(), "the bad lane has no result");
        assertEquals(new BitSet(), vm.lanes().get(0).boundaryDiffProperty().get());
        assertEquals(bits(1, 4), vm.lanes().get(2).boundaryDiffProperty().get());

        vm.textProperty().set("ab c"); // the marks keep following the text
        assertEquals(bits(1), vm.lanes().get(2).boundaryDiffProperty().get());
    }

    @Test
    void addingAndRemovingLanes() {
        TokenizationViewModel vm = create("ab cd", "words");
        assertEquals(new BitSet(), vm.lanes().get(0).boundaryDiffProperty().get(), "one lane: nothing differs");
        LaneViewModel chars = vm.addLane("chars");
        assertEquals(2, vm.lanes().size());
        assertEquals(5, chars.encodingProperty().get().size(), "a new lane encodes the current text at once");
        vm.session().selectedTokenProperty().set(new TokenRef(chars, 2));
        vm.removeLane(chars);
        assertEquals(1, vm.lanes().size());
        assertNull(vm.session().selectedTokenProperty().get(), "the selection went with its lane");
        assertEquals(new BitSet(), vm.lanes().get(0).boundaryDiffProperty().get());
    }

    @Test
    void statsCountTokensCharactersBytesUnknownAndFallback() {
        TokenizationViewModel vm = create("é🙂 x", "chars");
        LaneStats stats = vm.lanes().get(0).statsProperty().get();
        // chars gives one token per UTF-16 unit: é, two surrogates, space, x = 5 tokens; 4 code points; 2+4+1+1 bytes
        assertEquals(new LaneStats(5, 4, 8, 0, 0), stats);
        assertEquals("5 tokens · 0.80 chars/token", stats.summary());
        assertEquals("1.60 bytes/token · 0 unknown · 0 byte-fallback", stats.details());
    }

    @Test
    void theCaretCoversTheTokenItIsInAndASelectionEveryTokenItTouches() {
        TokenizationViewModel vm = create("This is a input.", "words");
        Encoding e = vm.lanes().get(0).encodingProperty().get(); // [CLS] This | is| a| input.
        assertEquals(new IndexRange(1, 2), TokenizationViewModel.coveredTokens(e, new IndexRange(2, 2)));
        assertEquals(new IndexRange(2, 3), TokenizationViewModel.coveredTokens(e, new IndexRange(4, 4)));
        assertEquals(new IndexRange(4, 5), TokenizationViewModel.coveredTokens(e, new IndexRange(16, 16)),
                "at the very end: the token that ends there");
        assertEquals(new IndexRange(1, 4), TokenizationViewModel.coveredTokens(e, new IndexRange(3, 8)));
        assertNull(TokenizationViewModel.coveredTokens(e, null));
    }

    @Test
    void aTokensSourceSpanIsItsOffsetsAndAnInsertedTokenHasNone() {
        TokenizationViewModel vm = create("This is a input.", "words");
        LaneViewModel lane = vm.lanes().get(0);
        assertEquals(new IndexRange(9, 16), TokenizationViewModel.sourceSpan(new TokenRef(lane, 4)));
        assertEquals(" input.", "This is a input.".substring(9, 16));
        assertNull(TokenizationViewModel.sourceSpan(new TokenRef(lane, 0)));
    }

    @Test
    void tabMovesTheSelectionWithinItsLane() {
        TokenizationViewModel vm = create("a b c", "words", "chars");
        vm.moveSelection(1);
        assertEquals(new TokenRef(vm.lanes().get(0), 0), vm.session().selectedTokenProperty().get());
        vm.session().selectedTokenProperty().set(new TokenRef(vm.lanes().get(1), 3));
        vm.moveSelection(1);
        vm.moveSelection(1);
        vm.moveSelection(1);
        assertEquals(new TokenRef(vm.lanes().get(1), 4), vm.session().selectedTokenProperty().get(), "stops at the end");
        vm.moveSelection(-1);
        assertEquals(3, vm.session().selectedTokenProperty().get().index());
    }

    @Test
    void aSelectionPastTheEndIsDroppedWhenTheTextShrinks() {
        TokenizationViewModel vm = create("a b c", "chars");
        vm.session().selectedTokenProperty().set(new TokenRef(vm.lanes().get(0), 4));
        vm.textProperty().set("a");
        assertNull(vm.session().selectedTokenProperty().get());
    }

    @Test
    void switchingTheChipModeReestimatesWidths() {
        TokenizationViewModel vm = create("ab", "chars");
        float textWidth = vm.lanes().get(0).chipDataProperty().get().widths()[0];
        vm.chipModeProperty().set(ChipMode.HEX);
        assertEquals(ChipMode.HEX, vm.lanes().get(0).chipDataProperty().get().mode());
        assertTrue(vm.lanes().get(0).chipDataProperty().get().widths()[0] != textWidth);
    }

    @Test
    void presentationOverridesTheTheme() {
        TokenizationViewModel vm = create("a", "chars");
        vm.themeProperty().set(Theme.DARK);
        assertEquals(Theme.DARK, vm.effectiveTheme());
        vm.presentationProperty().set(true);
        assertEquals(Theme.PRESENTATION, vm.effectiveTheme());
        vm.presentationProperty().set(false);
        assertEquals(Theme.DARK, vm.effectiveTheme());
    }
}
