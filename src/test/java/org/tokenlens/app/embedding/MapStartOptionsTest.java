package org.tokenlens.app.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.AppOptions;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.task.CurrentThreadTaskRunner;

/** The window's --map-subset/--map-top/--map-k/--map-iterations reach the map's form (for screenshots). */
class MapStartOptionsTest {

    @Test
    void optionsParseAndSetTheForm() {
        AppOptions o = AppOptions.parse("--map-subset", "typed", "--map-k", "500", "--map-iterations", "300");
        assertEquals(SubsetKind.TYPED_NEIGHBOURS, o.mapSubset());
        assertEquals(500, o.mapNeighbours());
        assertEquals(300, o.mapIterations());
        assertNull(o.mapTop());
        assertEquals(SubsetKind.TOP_N, AppOptions.parse("--map-subset", "TOP", "--map-top", "7000").mapSubset());
        SessionModel session = new SessionModel();
        TokenizationViewModel tokens = new TokenizationViewModel(name -> {
            throw new AssertionError("no tokenizer is loaded here");
        }, new CurrentThreadTaskRunner(), List.of(), List.of(), "", session);
        EmbeddingViewModel vm = new EmbeddingViewModel(session, tokens.lanes(), new CurrentThreadTaskRunner(), () -> {
            throw new AssertionError("no model is loaded here");
        });
        int topBefore = vm.topNProperty().get();
        vm.applyStartOptions(o.mapSubset(), o.mapTop(), o.mapNeighbours(), o.mapIterations());
        assertEquals(SubsetKind.TYPED_NEIGHBOURS, vm.subsetKindProperty().get());
        assertEquals(500, vm.neighboursKProperty().get());
        assertEquals(300, vm.iterationsProperty().get());
        assertEquals(topBefore, vm.topNProperty().get(), "an option not given leaves its setting");
    }

    @Test
    void anUnknownSubsetIsAOneLineUsageError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse("--map-subset", "sample"));
        assertTrue(e.getMessage().contains("expected all, top, regex or typed: sample"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
