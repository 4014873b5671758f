package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;

/** The window's lanes on the real bundled tokenizers; expected ids from jtokkit and HF tokenizers (DJL). */
class RealTokenizerViewModelTest {

    private static TokenizationViewModel create(String... lanes) {
        TokenizerRegistry registry = new TokenizerRegistry();
        return new TokenizationViewModel(registry::load, new CurrentThreadTaskRunner(),
                List.copyOf(TokenizerRegistry.bundled().keySet()), List.of(lanes), TokenizationViewModel.DEFAULT_TEXT);
    }

    @Test
    void cl100kLaneMatchesTiktoken() {
        TokenizationViewModel vm = create("cl100k_base");
        LaneViewModel lane = vm.lanes().get(0);
        String text = "Grüße, 世界!\n\tindent  two";
        vm.textProperty().set(text);
        assertNull(lane.errorProperty().get());
        int[] expected = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE)
                .encodeOrdinary(text).toArray();
        assertArrayEquals(expected, lane.encodingProperty().get().ids());
    }

    @Test
    void bertLaneMatchesHfTokenizersOnTheDefaultText() {
        LaneViewModel lane = create("bert-base-uncased").lanes().get(0);
        assertNull(lane.errorProperty().get(), () -> "bert failed to load: " + lane.errorProperty().get());
        try (HfOracle oracle = HfOracle.fromResource(Fixtures.BERT_RESOURCE)) {
            assertArrayEquals(oracle.encode(TokenizationViewModel.DEFAULT_TEXT, true).ids(),
                    lane.encodingProperty().get().ids());
        }
        assertArrayEquals(new int[] {101, 2023, 2003, 1037, 7953, 1012, 102}, lane.encodingProperty().get().ids());
        assertEquals("7 tokens · 2.29 chars/token", lane.summaryProperty().get()); // 16 / 7
    }
}
