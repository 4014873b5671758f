package org.tokenlens.app.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.map.IdSet;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** The view model without a stage, on the bundled MiniLM: projections, linking, isolate, t-SNE control, exports. */
class EmbeddingViewModelTest {
    static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    static EmbeddingModel miniLm;

    private final SessionModel session = new SessionModel();
    private TokenizationViewModel tokens;

    @BeforeAll
    static void load() {
        miniLm = new EmbeddingModels(REGISTRY).load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    private EmbeddingViewModel vm(TaskRunner runner) {
        // lane 1 is gpt2 so that following "the bert lane" is not the same as following the first lane
        tokens = new TokenizationViewModel(REGISTRY::load, new CurrentThreadTaskRunner(), List.of(),
                List.of("gpt2", "bert-base-uncased"), "the king and the queen met a man", session);
        return new EmbeddingViewModel(session, tokens.lanes(), runner, () -> miniLm);
    }

    private LaneViewModel bertLane() {
        return tokens.lanes().get(1);
    }

    private static int[] ids(MapPoints p) {
        return IntStream.range(0, p.size()).map(p::id).toArray();
    }

    @Test
    void pcaOfTopNHasThoseIdsInOrderWithFiniteCoordinates() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner());
        vm.subsetKindProperty().set(SubsetKind.TOP_N);
        vm.topNProperty().set(1500);
        vm.project();
        MapPoints p = vm.pointsProperty().get();
        assertEquals(TsneState.DONE, vm.stateProperty().get());
        assertNull(vm.errorProperty().get());
        assertArrayEquals(IntStream.range(0, 1500).toArray(), ids(p));
        for (int i = 0; i < p.size(); i++) {
            assertTrue(Float.isFinite(p.x(i)) && Float.isFinite(p.y(i)), "point " + i);
        }
        assertTrue(vm.statusProperty().get().startsWith("PCA of 1,500 points (top 1,500 ids) — PC1 "),
                vm.statusProperty().get());
        // "[CLS] the king and the queen met a man [SEP]": [CLS] 101 and [SEP] 102 are in the top 1,500 ids; the
        // words looked up in bert's vocabulary ("a" is 1037): those at 1,500 and above are off the map
        long off = java.util.stream.Stream.of("the", "king", "and", "the", "queen", "met", "a", "man")
                .mapToInt(miniLm.tokenizer()::tokenToId).filter(id -> id >= 1500).count();
        assertEquals(7, off);
        assertTrue(vm.statusProperty().get().endsWith(" — " + off + " of 10 typed tokens are not on the map"),
                vm.statusProperty().get());
    }

    /** A map over a bert lane typing "a queen" whose tokenizer load and encoding wait on {@code laneRunner}. */
    private EmbeddingViewModel withLaneOn(org.tokenlens.app.task.ManualTaskRunner laneRunner) {
        tokens = new TokenizationViewModel(REGISTRY::load, laneRunner, List.of(), List.of("bert-base-uncased"),
                "a queen", session);
        return new EmbeddingViewModel(session, tokens.lanes(), new CurrentThreadTaskRunner(), () -> miniLm);
    }

    @Test
    void typedNeighboursAskedBeforeTheLaneHasTokensWaitsBusyAndThenProjects() {
        // the window's first moments: the lane's tokenizer still loading when the map tab asks for a projection
        org.tokenlens.app.task.ManualTaskRunner laneRunner = new org.tokenlens.app.task.ManualTaskRunner();
        EmbeddingViewModel vm = withLaneOn(laneRunner);
        vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
        vm.neighboursKProperty().set(5);
        vm.project();
        assertTrue(vm.busyProperty().get(), "busy while waiting, so a screenshot waits too");
        assertNull(vm.errorProperty().get());
        assertEquals(0, vm.pointsProperty().get().size());
        for (int done = 0; done < laneRunner.pending().size(); done++) { // the tokenizer load, then the encoding
            laneRunner.pending().get(done).complete();
        }
        assertFalse(vm.busyProperty().get());
        assertNull(vm.errorProperty().get());
        // [CLS] a queen [SEP] and 5 cosine neighbours of each, independently looked up
        int queen = miniLm.tokenizer().tokenToId("queen");
        MapPoints p = vm.pointsProperty().get();
        assertTrue(p.indexOf(queen) >= 0);
        for (int id : cosineNeighbours(queen, 5)) {
            assertTrue(p.indexOf(id) >= 0, "neighbour " + id + " of queen");
        }
    }

    @Test
    void aWaitingTypedProjectionEndsWhenItsLaneIsRemoved() {
        org.tokenlens.app.task.ManualTaskRunner laneRunner = new org.tokenlens.app.task.ManualTaskRunner();
        EmbeddingViewModel vm = withLaneOn(laneRunner);
        vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
        vm.project();
        assertTrue(vm.busyProperty().get());
        tokens.removeLane(tokens.lanes().get(0));
        assertFalse(vm.busyProperty().get(), "not busy for ever");
        assertTrue(vm.errorProperty().get().startsWith("No bert-base-uncased lane"), vm.errorProperty().get());
    }

    /** Brute-force cosine neighbours over every row, the row itself left out. */
    private static int[] cosineNeighbours(int of, int k) {
        float[] q = miniLm.input().row(of);
        int rows = miniLm.input().rows();
        double[] score = new double[rows];
        for (int r = 0; r < rows; r++) {
            float[] v = miniLm.input().row(r);
            double dot = 0;
            double nq = 0;
            double nv = 0;
            for (int c = 0; c < q.length; c++) {
                dot += q[c] * v[c];
                nq += q[c] * q[c];
                nv += v[c] * v[c];
            }
            score[r] = r == of ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(nq * nv);
        }
        return IntStream.range(0, rows).boxed().sorted((a, b) -> Double.compare(score[b], score[a]))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void umapStatusSaysHowManyOfTheSubsetsPointsItKept() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner());
        vm.methodProperty().set(Projection.Method.UMAP);
        vm.subsetKindProperty().set(SubsetKind.TOP_N);
        vm.topNProperty().set(600);
        vm.project();
        assertNull(vm.errorProperty().get());
        int shown = vm.pointsProperty().get().size();
        String status = vm.statusProperty().get();
        // the map must not look like the whole subset when UMAP dropped points: "UMAP of 450 of 600 points (…)"
        String expected = shown < 600 ? String.format("UMAP of %,d of 600 points (top 600 ids) — ", shown)
                : "UMAP of 600 points (top 600 ids)";
        assertTrue(status.startsWith(expected), status);
    }

    @Test
    void followsTheBertLaneAndItsSentenceAsThePath() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner());
        assertEquals(bertLane(), vm.laneProperty().get());
        assertTrue(vm.laneNoteProperty().get().contains("lane 2"), vm.laneNoteProperty().get());
        Encoding e = bertLane().encodingProperty().get();
        // independent: bert-base-uncased ids of the words, looked up in its vocabulary
        assertEquals(miniLm.tokenizer().tokenToId("queen"), e.ids()[5]);
        assertArrayEquals(e.ids(), vm.pathProperty().get().ids());
        tokens.textProperty().set("a queen");
        assertArrayEquals(new int[] {101, miniLm.tokenizer().tokenToId("a"), miniLm.tokenizer().tokenToId("queen"),
                102}, vm.pathProperty().get().ids());
        tokens.removeLane(bertLane());
        assertNull(vm.laneProperty().get());
        assertEquals(0, vm.pathProperty().get().size());
        assertTrue(vm.laneNoteProperty().get().startsWith("No bert-base-uncased lane"));
    }

    @Test
    void selectionLinksBothWaysAndOpensTheNeighbourComparison() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner());
        vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
        vm.neighboursKProperty().set(15);
        vm.project();
        Encoding e = bertLane().encodingProperty().get();
        int king = miniLm.tokenizer().tokenToId("king");
        session.selectedTokenProperty().set(new TokenRef(bertLane(), 2)); // [CLS] the king
        assertEquals(IdSet.of(king), vm.selectedProperty().get());
        NeighbourComparison d = vm.detailProperty().get();
        assertNotNull(d);
        assertEquals(king, d.id());
        assertEquals(NeighbourComparison.K, d.originalIds().length);
        // the king's 15 nearest are all on the map, so its 10 nearest among the map's points are the global ones
        int[] global = java.util.Arrays.copyOf(org.tokenlens.engine.embed.ops.NearestNeighbours.of(miniLm.input())
                .ofId(king, 10, org.tokenlens.engine.embed.ops.Metric.COSINE, true).ids(), 10);
        assertArrayEquals(global, d.originalIds());
        int shared = (int) IntStream.of(d.originalIds()).filter(a -> IntStream.of(d.projectedIds()).anyMatch(b -> a == b))
                .count();
        assertEquals(shared, d.kept());

        // map → chips: the first occurrence of "the" is token 1, not 4
        int the = miniLm.tokenizer().tokenToId("the");
        vm.selectPoints(IdSet.of(the));
        assertEquals(new TokenRef(bertLane(), 1), session.selectedTokenProperty().get());
        // a point that was not typed clears the chip selection
        int notTyped = IntStream.of(ids(vm.pointsProperty().get())).filter(id -> IntStream.of(e.ids())
                .noneMatch(t -> t == id)).findFirst().orElseThrow();
        vm.selectPoints(IdSet.of(notTyped));
        assertNull(session.selectedTokenProperty().get());
        assertEquals(IdSet.of(notTyped), vm.selectedProperty().get());
    }

    /**
     * The neighbour comparison runs as a task: pending while it runs (the screenshot waits for it), and a
     * comparison overtaken by a selection of several points is dropped on arrival instead of reopening.
     */
    @Test
    void neighbourComparisonIsPendingWhileItRunsAndAStaleOneIsDropped() {
        org.tokenlens.app.task.ManualTaskRunner runner =
                org.tokenlens.app.task.ManualTaskRunner.holding(LinkedSelection.class);
        List<org.tokenlens.app.task.ManualTaskRunner.Pending> held = runner.pending();
        EmbeddingViewModel vm = vm(runner);
        vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
        vm.project();
        int king = miniLm.tokenizer().tokenToId("king");
        int the = miniLm.tokenizer().tokenToId("the");
        vm.selectPoints(IdSet.of(king));
        assertTrue(vm.detailPendingProperty().get());
        assertNull(vm.detailProperty().get());
        vm.selectPoints(IdSet.of(king, the)); // two points: no detail
        assertFalse(vm.detailPendingProperty().get());
        held.get(0).complete(); // the king's comparison arrives late
        assertNull(vm.detailProperty().get(), "a stale comparison does not reopen the detail");
        vm.selectPoints(IdSet.of(the));
        assertTrue(vm.detailPendingProperty().get());
        held.get(held.size() - 1).complete();
        assertFalse(vm.detailPendingProperty().get());
        assertEquals(the, vm.detailProperty().get().id());
    }

    @Test
    void searchHighlightsMatchesAndIsolateReprojectsOnlyThem() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner());
        vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
        vm.project();
        int before = vm.pointsProperty().get().size();
        vm.searchProperty().set("^(king|queen|man|the)$");
        IdSet expected = IdSet.of(miniLm.tokenizer().tokenToId("king"), miniLm.tokenizer().tokenToId("queen"),
                miniLm.tokenizer().tokenToId("man"), miniLm.tokenizer().tokenToId("the"));
        assertEquals(expected, vm.highlightedProperty().get());
        vm.isolateSelection();
        assertTrue(vm.isolatedProperty().get());
        assertArrayEquals(expected.toArray(), java.util.Arrays.stream(ids(vm.pointsProperty().get())).sorted().toArray());
        assertTrue(before > 4);
        vm.searchProperty().set("[");
        assertTrue(vm.errorProperty().get().startsWith("search:"), vm.errorProperty().get());
    }

    @Test
    void tsnePausesStepsResumesAndCancels() throws Exception {
        ThreadTaskRunner runner = new ThreadTaskRunner();
        EmbeddingViewModel vm = vm(runner);
        vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
        vm.neighboursKProperty().set(20);
        vm.methodProperty().set(Projection.Method.TSNE);
        vm.perplexityProperty().set(10);
        vm.iterationsProperty().set(100_000); // long enough that it is still running when we pause
        vm.project();
        assertEquals(TsneState.RUNNING, vm.stateProperty().get());
        assertTrue(vm.busyProperty().get());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!vm.pollFrame()) {
            assertTrue(System.nanoTime() < deadline, "no t-SNE frame within a minute");
            Thread.sleep(10);
        }
        vm.pause();
        assertEquals(TsneState.PAUSED, vm.stateProperty().get());
        Thread.sleep(300); // the iteration in flight finishes and reports
        vm.pollFrame();
        int held = vm.iterationProperty().get();
        Thread.sleep(300);
        assertFalse(vm.pollFrame(), "a paused t-SNE computes nothing");
        assertEquals(held, vm.iterationProperty().get());

        vm.step();
        deadline = System.nanoTime() + 10_000_000_000L;
        while (!vm.pollFrame()) {
            assertTrue(System.nanoTime() < deadline);
            Thread.sleep(5);
        }
        assertEquals(held + 1, vm.iterationProperty().get(), "a step is one iteration");
        Thread.sleep(200);
        assertFalse(vm.pollFrame());
        assertEquals(TsneState.PAUSED, vm.stateProperty().get());

        vm.resume();
        assertEquals(TsneState.RUNNING, vm.stateProperty().get());
        Thread.sleep(300);
        vm.pollFrame();
        assertTrue(vm.iterationProperty().get() > held + 1, "resumed: " + vm.iterationProperty().get());
        assertTrue(Double.isFinite(vm.klProperty().get()));
        assertTrue(vm.progressProperty().get() > 0 && vm.progressProperty().get() < 1);

        vm.pause();
        vm.cancel(); // also while paused: the waiting worker is woken and stops
        assertEquals(TsneState.CANCELLED, vm.stateProperty().get());
        assertFalse(vm.busyProperty().get());
        runner.last.join(10_000);
        assertFalse(runner.last.isAlive(), "the worker stopped");
        runner.drain(); // the engine's CancellationException arrives and is ignored
        assertEquals(TsneState.CANCELLED, vm.stateProperty().get());
        assertFalse(vm.pollFrame());
    }

    @Test
    void aShortTsneFinishesWithItsKl() {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner());
        vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
        vm.methodProperty().set(Projection.Method.TSNE);
        vm.perplexityProperty().set(10);
        vm.iterationsProperty().set(300);
        vm.project();
        assertEquals(TsneState.DONE, vm.stateProperty().get());
        assertEquals(300, vm.iterationProperty().get());
        assertTrue(vm.klProperty().get() > 0, "KL " + vm.klProperty().get());
        vm.perplexityProperty().set(0.5);
        vm.project();
        assertTrue(vm.errorProperty().get().startsWith("perplexity must be in (1, n/3)"), vm.errorProperty().get());
    }

    @Test
    void exportsParseBack(@TempDir Path dir) throws IOException {
        EmbeddingViewModel vm = vm(new CurrentThreadTaskRunner());
        vm.subsetKindProperty().set(SubsetKind.REGEX);
        vm.subsetRegexProperty().set("^##[a-z]$");
        vm.colourByProperty().set(ColourBy.SPACE);
        vm.project();
        MapPoints p = vm.pointsProperty().get();
        assertEquals(26, p.size(), "##a … ##z");
        vm.exportProjector(dir);
        List<String> vectors = Files.readAllLines(dir.resolve("vectors.tsv"), StandardCharsets.UTF_8);
        List<String> meta = Files.readAllLines(dir.resolve("metadata.tsv"), StandardCharsets.UTF_8);
        assertEquals(26, vectors.size());
        assertEquals("token\tid\tcategory", meta.get(0));
        assertEquals(27, meta.size());
        for (int i = 0; i < 26; i++) {
            int id = p.id(i);
            String[] cols = vectors.get(i).split("\t");
            float[] row = miniLm.input().row(id);
            assertEquals(row.length, cols.length);
            for (int c = 0; c < row.length; c++) {
                assertEquals(row[c], Float.parseFloat(cols[c]), "row " + id + " col " + c);
            }
            String[] m = meta.get(i + 1).split("\t");
            assertEquals(miniLm.tokenizer().idToToken(id), m[0]);
            assertEquals(id, Integer.parseInt(m[1]));
            assertEquals("continuation (##)", m[2]);
        }
        Path csv = dir.resolve("coords.csv");
        vm.exportCoordinates(csv);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("id,token,x,y", rows.get(0));
        String[] first = rows.get(1).split(",");
        assertEquals(p.id(0), Integer.parseInt(first[0]));
        assertEquals(p.x(0), Float.parseFloat(first[2]));
        assertEquals(p.y(0), Float.parseFloat(first[3]));
    }
}
