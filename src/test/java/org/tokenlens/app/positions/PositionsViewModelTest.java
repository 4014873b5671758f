package org.tokenlens.app.positions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.heatmap.RowMarker;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.task.ManualTaskRunner;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.positions.PositionSimilarity;
import org.tokenlens.engine.positions.SinusoidalEncoding;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * The view model without a stage: work runs on the calling thread. Expected tables are the formulas evaluated
 * here (or the model's weights read through its own matrix), tokens come from the real bert-base-uncased.
 */
class PositionsViewModelTest {

    static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    static EmbeddingModel miniLm;

    private final SessionModel session = new SessionModel();
    private final TokenizationViewModel tokens = new TokenizationViewModel(REGISTRY::load,
            new CurrentThreadTaskRunner(), List.of(), List.of("bert-base-uncased"), "the quick fox", session);
    private final PositionsViewModel vm = new PositionsViewModel(session, tokens.lanes(),
            new CurrentThreadTaskRunner(), () -> miniLm);

    @BeforeAll
    static void loadModel() {
        miniLm = new EmbeddingModels(REGISTRY).load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void closeModel() {
        miniLm.close();
    }

    private LaneViewModel lane() {
        return tokens.lanes().get(0);
    }

    @Test
    void sinusoidalTablesInBothLayoutsMatchTheFormula() {
        vm.positionsProperty().set(100);
        vm.dimProperty().set(64);
        vm.baseProperty().set(10000.0);
        PositionsResult r = vm.resultProperty().get();
        assertEquals(100, r.main().rows());
        assertEquals(64, r.main().cols());
        assertTrue(r.mainLabel().contains("interleaved"), r.mainLabel());
        for (int pos : new int[] {0, 1, 37, 99}) {
            for (int i : new int[] {0, 5, 31}) {
                double angle = pos / Math.pow(10000, 2.0 * i / 64);
                assertEquals(Math.sin(angle), r.main().get(pos, 2 * i), 1e-6);
                assertEquals(Math.cos(angle), r.main().get(pos, 2 * i + 1), 1e-6);
            }
        }
        vm.layoutProperty().set(SinusoidalEncoding.Layout.CONCATENATED);
        r = vm.resultProperty().get();
        assertTrue(r.mainLabel().contains("tensor2tensor"), r.mainLabel());
        double angle = 37 / Math.pow(10000, 2.0 * 5 / 64);
        assertEquals(Math.sin(angle), r.main().get(37, 5), 1e-6);
        assertEquals(Math.cos(angle), r.main().get(37, 32 + 5), 1e-6);
        // a sinusoidal row has norm √(d/2), so the cosine similarity of a position with itself is 1
        assertEquals(100, r.similarity().rows());
        assertEquals(1.0, r.similarity().get(42, 42), 1e-5);
        assertEquals(32, r.spectrum().get(0).y().length);
        assertEquals(2 * Math.PI * Math.pow(10000, 2.0 * 3 / 64), r.spectrum().get(0).y()[3], 1e-6);
    }

    @Test
    void learnedKindShowsMiniLmWeightsLabelledAsLearned() {
        vm.kindProperty().set(PositionKind.LEARNED);
        PositionsResult r = vm.resultProperty().get();
        assertNull(vm.errorProperty().get());
        assertEquals(512, r.main().rows());
        assertEquals(384, r.main().cols());
        assertTrue(r.mainLabel().startsWith("learned (BERT/MiniLM) — not sinusoidal"), r.mainLabel());
        for (int[] rc : new int[][] {{0, 0}, {3, 100}, {511, 383}}) {
            assertEquals(miniLm.positions().get(rc[0], rc[1]), r.main().get(rc[0], rc[1]));
        }
        assertTrue(r.spectrum().isEmpty());
        assertNotNull(r.spectrumNote());
        vm.positionsProperty().set(600);
        assertTrue(vm.errorProperty().get().contains("[1, 512]"), vm.errorProperty().get());
        assertSame(r, vm.resultProperty().get(), "the last good table stays");
    }

    @Test
    void ropeAnglesFollowThetaAndScaling() {
        vm.kindProperty().set(PositionKind.ROPE);
        vm.positionsProperty().set(300);
        vm.headDimProperty().set(64);
        vm.ropeBaseProperty().set(500000.0);
        vm.wrapAnglesProperty().set(false);
        PositionsResult r = vm.resultProperty().get();
        assertEquals(300, r.main().rows());
        assertEquals(32, r.main().cols());
        assertEquals(250 * Math.pow(500000, -2.0 * 7 / 64), r.main().get(250, 7), 1e-4);
        vm.wrapAnglesProperty().set(true);
        double raw = 250 * Math.pow(500000, -2.0 * 0 / 64);
        double wrapped = raw - 2 * Math.PI * Math.round(raw / (2 * Math.PI));
        assertEquals(wrapped, vm.resultProperty().get().main().get(250, 0), 1e-5);

        vm.wrapAnglesProperty().set(false);
        vm.scalingProperty().set(RopeScalingType.LINEAR);
        vm.factorProperty().set(4.0);
        r = vm.resultProperty().get();
        assertEquals(250 * Math.pow(500000, -2.0 * 7 / 64) / 4, r.main().get(250, 7), 1e-4);
        assertEquals(2, r.distance().size(), "scaled and unscaled decay curves");
        // the decay of all-ones q, k: at distance k, Σ 2cos(k·θ_i) over pairs, normalised by its value at 0
        double[] curve = r.distance().get(0).y();
        assertEquals(1.0, curve[0], 1e-12);
        double expect = 0;
        for (int i = 0; i < 32; i++) {
            expect += Math.cos(17 * Math.pow(500000, -2.0 * i / 64) / 4);
        }
        assertEquals(expect / 32, curve[17], 1e-9);
        assertEquals(r.similarity().get(20, 3), (float) curve[17], 1e-6, "similarity depends on m − n only");

        vm.partialRotaryProperty().set(0.25);
        assertEquals(8, vm.resultProperty().get().main().cols(), "a quarter of 64 is rotated: 8 pairs");
    }

    @Test
    void alibiBiasPerHead() {
        vm.kindProperty().set(PositionKind.ALIBI);
        vm.positionsProperty().set(64);
        vm.headsProperty().set(8);
        vm.headProperty().set(2);
        PositionsResult r = vm.resultProperty().get();
        assertEquals(64, r.main().rows());
        assertEquals(64, r.main().cols());
        assertEquals(-(10 - 3) / 8.0, r.main().get(10, 3), 1e-7, "slope of head 2 of 8 is 1/8");
        assertTrue(Float.isNaN(r.main().get(3, 10)), "a future key is masked");
        assertNull(r.similarity(), "no position vectors to compare");
        assertArrayEquals(new double[] {1 / 2.0, 1 / 4.0, 1 / 8.0, 1 / 16.0, 1 / 32.0, 1 / 64.0, 1 / 128.0,
            1 / 256.0}, r.spectrum().get(0).y(), 1e-15);
        vm.causalProperty().set(false);
        assertEquals(-(10 - 3) / 8.0, vm.resultProperty().get().main().get(3, 10), 1e-7);
    }

    @Test
    void invalidParametersShowTheEngineMessageAndRecover() {
        PositionsResult good = vm.resultProperty().get();
        vm.dimProperty().set(7);
        assertEquals("dim must be even and ≥ 2: 7", vm.errorProperty().get());
        assertSame(good, vm.resultProperty().get());
        vm.dimProperty().set(8);
        assertNull(vm.errorProperty().get());
        assertEquals(8, vm.resultProperty().get().main().cols());

        vm.kindProperty().set(PositionKind.ROPE);
        vm.headDimProperty().set(10);
        vm.partialRotaryProperty().set(0.5);
        assertTrue(vm.errorProperty().get().startsWith("rotary dim (head dim × partial rotary factor) must be even"),
                vm.errorProperty().get());
        vm.partialRotaryProperty().set(1.0);
        vm.scalingProperty().set(RopeScalingType.LLAMA3);
        vm.lowFreqFactorProperty().set(4.0);
        assertEquals("high_freq_factor must be > low_freq_factor: 4.0 ≤ 4.0", vm.errorProperty().get());
        vm.highFreqFactorProperty().set(8.0);
        assertNull(vm.errorProperty().get());

        vm.kindProperty().set(PositionKind.ALIBI);
        vm.positionsProperty().set(32);
        vm.headProperty().set(8);
        assertEquals("head must be in [0, 8): 8", vm.errorProperty().get());
    }

    @Test
    void markersFollowEveryKeystroke() {
        assertEquals(List.of(new RowMarker(0, "[CLS]"), new RowMarker(1, "the"), new RowMarker(2, "quick"),
                new RowMarker(3, "fox"), new RowMarker(4, "[SEP]")), vm.markers());
        tokens.textProperty().set("the quick tokenization"); // bert: token ##ization
        assertEquals(List.of("[CLS]", "the", "quick", "token", "ization", "[SEP]"),
                vm.markers().stream().map(RowMarker::label).toList());
        vm.positionsProperty().set(3);
        assertEquals(3, vm.markers().size(), "tokens beyond the positions shown have no row");
    }

    @Test
    void selectionLinksBothWays() {
        assertEquals(-1, vm.selectedPositionProperty().get());
        session.selectedTokenProperty().set(new TokenRef(lane(), 2));
        assertEquals(2, vm.selectedPositionProperty().get());
        vm.selectPosition(3);
        assertEquals(new TokenRef(lane(), 3), session.selectedTokenProperty().get());
        assertEquals(3, vm.selectedPositionProperty().get());
        vm.selectPosition(40); // no token typed there
        assertEquals(new TokenRef(lane(), 3), session.selectedTokenProperty().get());
        assertEquals(40, vm.selectedPositionProperty().get());
        session.selectedTokenProperty().set(null);
        assertEquals(-1, vm.selectedPositionProperty().get());
    }

    @Test
    void axisFollowsTheLaneOfTheSelectedToken() {
        LaneViewModel gpt = tokens.addLane("cl100k_base");
        assertSame(lane(), vm.laneProperty().get(), "the first lane until another is selected");
        session.selectedTokenProperty().set(new TokenRef(gpt, 1));
        assertSame(gpt, vm.laneProperty().get());
        assertEquals(List.of("the", "·quick", "·fox"), vm.markers().stream().map(RowMarker::label).toList());
        assertEquals(1, vm.selectedPositionProperty().get());
    }

    @Test
    void tokenPlusPositionIsTheSumOfMiniLmRows() {
        vm.kindProperty().set(PositionKind.LEARNED);
        session.selectedTokenProperty().set(new TokenRef(lane(), 2)); // "quick"
        InputRows rows = vm.inputRowsProperty().get();
        assertTrue(rows.available(), rows.note());
        int id = lane().encodingProperty().get().ids()[2];
        float[] tokenVec = miniLm.input().row(id);
        float[] posVec = miniLm.positions().row(2);
        assertArrayEquals(tokenVec, rows.tokenVec());
        assertArrayEquals(posVec, rows.posVec());
        for (int i = 0; i < 384; i++) {
            assertEquals(tokenVec[i] + posVec[i], rows.sum()[i], 0f);
        }
        assertTrue(rows.label().contains("quick"), rows.label());

        vm.kindProperty().set(PositionKind.SINUSOIDAL);
        vm.dimProperty().set(128);
        assertFalse(vm.inputRowsProperty().get().available());
        assertTrue(vm.inputRowsProperty().get().note().contains("384"), vm.inputRowsProperty().get().note());
        vm.dimProperty().set(384);
        rows = vm.inputRowsProperty().get();
        assertTrue(rows.available(), rows.note());
        assertEquals(tokenVec[1] + Math.cos(2.0), rows.sum()[1], 1e-6, "dim 1 of position 2 is cos(2)");

        vm.kindProperty().set(PositionKind.ROPE);
        assertTrue(vm.inputRowsProperty().get().note().startsWith("RoPE adds nothing"));
    }

    @Test
    void otherVocabulariesGetANoteNotAWrongSum() {
        vm.kindProperty().set(PositionKind.LEARNED);
        LaneViewModel gpt = tokens.addLane("cl100k_base");
        session.selectedTokenProperty().set(new TokenRef(gpt, 1));
        InputRows rows = vm.inputRowsProperty().get();
        assertFalse(rows.available());
        assertTrue(rows.note().contains("not all-MiniLM-L6-v2's vocabulary"), rows.note());
    }

    @Test
    void onlyTheNewestRequestIsPublished() {
        ManualTaskRunner manual = new ManualTaskRunner();
        PositionsViewModel slow = new PositionsViewModel(session, tokens.lanes(), manual, () -> miniLm);
        slow.dimProperty().set(16);
        slow.dimProperty().set(32);
        assertTrue(slow.busyProperty().get());
        List<ManualTaskRunner.Pending> p = manual.pending();
        assertTrue(p.get(0).cancelled() && p.get(1).cancelled() && !p.get(2).cancelled());
        p.get(2).complete();
        assertEquals(32, slow.resultProperty().get().main().cols());
        assertFalse(slow.busyProperty().get());
        p.get(1).complete(); // a stale result arriving late is dropped
        assertEquals(32, slow.resultProperty().get().main().cols());
    }
}
