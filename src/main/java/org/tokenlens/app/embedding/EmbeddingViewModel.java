package org.tokenlens.app.embedding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.map.IdSet;
import org.tokenlens.app.map.MapExport;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.map.SentencePath;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.app.task.TaskRunner.TaskHandle;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.ops.TokenMetadata;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * State of the Embedding map: the projection settings as the form edits them, the projected points with their
 * colours, the typed sentence as a path, selection linked both ways with the session, hover text, a clicked
 * point's neighbour comparison, search matches, and the run state of a (pausable) t-SNE. Every heavy step — model
 * loading, subsets, projections, neighbours, search, exports — goes through the {@link TaskRunner}; only the
 * newest request's result is published. t-SNE frames are handed over through {@link #pollFrame()}, which the view
 * calls from its animation timer (≤ 30 per second), so the FX thread never waits on the optimiser.
 */
public final class EmbeddingViewModel {
    /** The bundled MiniLM's ids are bert-base-uncased's: the lane with this tokenizer is the one linked. */
    public static final String LINKED_TOKENIZER = "bert-base-uncased";

    private final SessionModel session;
    private final ObservableList<LaneViewModel> lanes;
    private final TaskRunner runner;
    private final Supplier<EmbeddingModel> model;
    private volatile EmbeddingSpace space;

    private final ObjectProperty<Projection.Method> method = new SimpleObjectProperty<>(this, "method",
            Projection.Method.PCA);
    private final DoubleProperty perplexity = new SimpleDoubleProperty(this, "perplexity", 30);
    /** null = automatic (n / 48, at least 50). */
    private final ObjectProperty<Double> learningRate = new SimpleObjectProperty<>(this, "learningRate");
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations", 1000);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final DoubleProperty theta = new SimpleDoubleProperty(this, "theta", 0.5);
    private final IntegerProperty umapK = new SimpleIntegerProperty(this, "umapK", 15);
    private final DoubleProperty minDist = new SimpleDoubleProperty(this, "minDist", 0.1);
    private final ObjectProperty<SubsetKind> subsetKind = new SimpleObjectProperty<>(this, "subsetKind", SubsetKind.ALL);
    private final IntegerProperty topN = new SimpleIntegerProperty(this, "topN", 5000);
    private final StringProperty subsetRegex = new SimpleStringProperty(this, "subsetRegex", "^[a-z]+$");
    private final IntegerProperty neighboursK = new SimpleIntegerProperty(this, "neighboursK", 20);
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(this, "colourBy", ColourBy.SPACE);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty followLayout = new SimpleBooleanProperty(this, "followLayout", true);

    private final ReadOnlyObjectWrapper<MapPoints> points = new ReadOnlyObjectWrapper<>(this, "points", MapPoints.empty());
    private final ReadOnlyObjectWrapper<SentencePath> path = new ReadOnlyObjectWrapper<>(this, "path",
            SentencePath.empty());
    private final ReadOnlyObjectWrapper<IdSet> selected = new ReadOnlyObjectWrapper<>(this, "selected", IdSet.empty());
    private final ReadOnlyObjectWrapper<IdSet> highlighted = new ReadOnlyObjectWrapper<>(this, "highlighted",
            IdSet.empty());
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyObjectWrapper<NeighbourComparison> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<TsneState> state = new ReadOnlyObjectWrapper<>(this, "state", TsneState.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyIntegerWrapper iteration = new ReadOnlyIntegerWrapper(this, "iteration", 0);
    private final ReadOnlyDoubleWrapper kl = new ReadOnlyDoubleWrapper(this, "kl", Double.NaN);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper isolated = new ReadOnlyBooleanWrapper(this, "isolated");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<LaneViewModel> lane = new ReadOnlyObjectWrapper<>(this, "lane");
    private final ReadOnlyStringWrapper laneNote = new ReadOnlyStringWrapper(this, "laneNote", "");

    private final InvalidationListener encodingChanged = obs -> rebuildPath();
    private final InvalidationListener lanesChanged = obs -> trackLane();
    private final Set<LaneViewModel> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final AtomicReference<TaggedFrame> latestFrame = new AtomicReference<>();
    private MapPoints basePoints;
    private int[] baseIds;
    private long latestRun;
    private TaskHandle pendingRun;
    private TsneControl control = new TsneControl();
    private int runIterations;
    private long latestDetail;
    private long latestSearch;
    private boolean linking;

    private record TaggedFrame(long run, ProjectionJob.Frame frame) {
    }

    /**
     * @param model loads the model whose input embeddings are mapped (the bundled MiniLM); called at most once,
     *              on the runner's thread
     */
    public EmbeddingViewModel(SessionModel session, ObservableList<LaneViewModel> lanes, TaskRunner runner,
                              Supplier<EmbeddingModel> model) {
        this.session = Objects.requireNonNull(session);
        this.lanes = Objects.requireNonNull(lanes);
        this.runner = Objects.requireNonNull(runner);
        this.model = Objects.requireNonNull(model);
        lanes.addListener(lanesChanged);
        session.selectedTokenProperty().addListener(obs -> selectionFromSession());
        colourBy.addListener(obs -> recolour());
        search.addListener(obs -> runSearch());
        trackLane();
    }

    // ---- projection runs

    /** Projects the chosen subset with the chosen method (replacing any run in progress). */
    public void project() {
        isolated.set(false);
        start(null, "Projecting " + subsetKind.get());
    }

    /**
     * Re-projects only the selected points (shift-click adds to the selection) or, when fewer than two are
     * selected, the search matches on the map.
     */
    public void isolateSelection() {
        IdSet ids = selected.get().size() >= 2 ? selected.get() : highlighted.get();
        int[] onMap = onMap(ids);
        if (onMap.length < 3) {
            error.set("select at least 3 points (shift-click) or search for them to isolate them");
            return;
        }
        isolated.set(true);
        start(onMap, "Isolating " + onMap.length + " points");
    }

    private void start(int[] fixedIds, String message) {
        stopRun();
        ProjectionParams p;
        try {
            p = params();
            if (p.method() == Projection.Method.TSNE) {
                p.tsneOptions();
            } else if (p.method() == Projection.Method.UMAP) {
                p.umapOptions();
            }
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        SubsetKind kind = subsetKind.get();
        int n = topN.get();
        String regex = subsetRegex.get();
        int k = neighboursK.get();
        int[] typed = typedIds();
        long run = ++latestRun;
        TsneControl c = new TsneControl();
        control = c;
        runIterations = p.iterations();
        error.set(null);
        busy.set(true);
        state.set(TsneState.RUNNING);
        progress.set(-1);
        iteration.set(0);
        kl.set(Double.NaN);
        status.set(message + (space == null ? " (loading " + "the model first)…" : "…"));
        pendingRun = runner.run(() -> {
            EmbeddingSpace s = space();
            int[] ids = fixedIds != null ? fixedIds : ProjectionJob.subsetIds(s, kind, n, regex, typed, k);
            return ProjectionJob.run(s, ids, p, f -> latestFrame.set(new TaggedFrame(run, f)), c);
        }, r -> finished(run, r), e -> failed(run, e));
    }

    private void finished(long run, Projection r) {
        if (run != latestRun) {
            return;
        }
        latestFrame.set(null); // the worker is done: no frame can be newer than the result
        pendingRun = null;
        state.set(TsneState.DONE);
        progress.set(1);
        if (!Double.isNaN(r.klDivergence())) {
            kl.set(r.klDivergence());
            iteration.set(runIterations);
        }
        setPoints(r.ids(), r.x(), r.y());
        StringBuilder s = new StringBuilder().append(r.method()).append(" of ").append(r.size()).append(" points");
        if (r.explainedVariance().length >= 2) {
            s.append(String.format(Locale.ROOT, " — PC1 %.1f%%, PC2 %.1f%% of the variance",
                    100 * r.explainedVariance()[0], 100 * r.explainedVariance()[1]));
        }
        if (!Double.isNaN(r.klDivergence())) {
            s.append(String.format(Locale.ROOT, " — KL %.3f", r.klDivergence()));
        }
        if (!r.note().isEmpty()) {
            s.append(" — ").append(r.note());
        }
        status.set(s.toString());
        afterPointsChanged();
        idle();
    }

    /**
     * Busy turns false last: whoever waits for idle (the --screenshot, a test) reacts inside this call, so the
     * points, status and state must already be final — they were not, and the screenshot showed an empty map
     * still "Projecting…".
     */
    private void idle() {
        busy.set(false);
    }

    private void failed(long run, Throwable e) {
        if (run != latestRun) {
            return;
        }
        pendingRun = null;
        progress.set(0);
        if (e instanceof CancellationException) {
            state.set(TsneState.CANCELLED);
            status.set("Cancelled");
        } else {
            state.set(TsneState.FAILED);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            status.set("");
        }
        idle();
    }

    /** Stops the running computation (model load, subset, projection); the last layout stays on the map. */
    public void cancel() {
        if (!busy.get()) {
            return;
        }
        stopRun();
        latestRun++; // stale frames and callbacks are ignored from here on
        progress.set(0);
        state.set(TsneState.CANCELLED);
        status.set("Cancelled");
        idle();
    }

    private void stopRun() {
        control.cancel();
        if (pendingRun != null) {
            pendingRun.cancel();
            pendingRun = null;
        }
    }

    /** Holds a running t-SNE after its current iteration. */
    public void pause() {
        if (state.get() == TsneState.RUNNING && method.get() == Projection.Method.TSNE) {
            control.pause();
            state.set(TsneState.PAUSED);
        }
    }

    public void resume() {
        if (state.get() == TsneState.PAUSED) {
            control.resume();
            state.set(TsneState.RUNNING);
        }
    }

    /** Space on the map: pause a running t-SNE, resume a paused one; otherwise nothing. */
    public void togglePause() {
        if (state.get() == TsneState.PAUSED) {
            resume();
        } else {
            pause();
        }
    }

    /** One more iteration of a paused t-SNE. */
    public void step() {
        if (state.get() == TsneState.PAUSED) {
            control.step();
        }
    }

    /**
     * Shows the newest t-SNE iteration, if one arrived since the last call; the view calls this at most ~30 times
     * a second. Returns whether the map changed.
     */
    public boolean pollFrame() {
        TaggedFrame t = latestFrame.getAndSet(null);
        if (t == null || t.run() != latestRun) {
            return false;
        }
        ProjectionJob.Frame f = t.frame();
        if (basePoints == null || baseIds != f.ids()) {
            basePoints = build(f.ids(), f.x(), f.y());
            baseIds = f.ids();
            points.set(basePoints);
        } else {
            points.set(basePoints.withCoordinates(f.x(), f.y()));
        }
        iteration.set(f.iteration());
        kl.set(f.kl());
        progress.set(runIterations == 0 ? -1 : f.iteration() / (double) runIterations);
        return true;
    }

    private void setPoints(int[] ids, float[] x, float[] y) {
        basePoints = build(ids, x, y);
        baseIds = ids;
        points.set(basePoints);
    }

    private MapPoints build(int[] ids, float[] x, float[] y) {
        EmbeddingSpace s = space;
        ColourBy.Categories c = colourBy.get().categorise(ids, s.metadata());
        return MapPoints.of(ids, x, y, c.categories(), c.names(), s::piece);
    }

    private void recolour() {
        MapPoints p = points.get();
        if (space == null || p.size() == 0) {
            return;
        }
        int[] ids = new int[p.size()];
        float[] x = new float[p.size()];
        float[] y = new float[p.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = p.id(i);
            x[i] = p.x(i);
            y[i] = p.y(i);
        }
        basePoints = build(ids, x, y);
        baseIds = null; // a running t-SNE's next frame rebuilds from its own ids with the new colours
        points.set(basePoints);
    }

    /** Re-runs what depends on the points: search matches, the open detail, the selection's presence. */
    private void afterPointsChanged() {
        runSearch();
        IdSet sel = selected.get();
        if (sel.size() == 1 && points.get().indexOf(sel.toArray()[0]) >= 0) {
            openDetail(sel.toArray()[0]);
        } else {
            detail.set(null);
        }
    }

    private synchronized EmbeddingSpace space() {
        if (space == null) {
            space = EmbeddingSpace.of(model.get());
        }
        return space;
    }

    ProjectionParams params() {
        Double lr = learningRate.get();
        return new ProjectionParams(method.get(), perplexity.get(), lr == null ? Double.NaN : lr, iterations.get(),
                seed.get(), theta.get(), umapK.get(), minDist.get());
    }

    // ---- the linked lane and the sentence path

    private void trackLane() {
        for (LaneViewModel l : lanes) {
            if (watched.add(l)) {
                l.tokenizerNameProperty().addListener(lanesChanged);
            }
        }
        LaneViewModel next = null;
        int number = 0;
        for (int i = 0; i < lanes.size() && next == null; i++) {
            if (LINKED_TOKENIZER.equalsIgnoreCase(lanes.get(i).tokenizerNameProperty().get())) {
                next = lanes.get(i);
                number = i + 1;
            }
        }
        LaneViewModel current = lane.get();
        if (next != current) {
            if (current != null) {
                current.encodingProperty().removeListener(encodingChanged);
            }
            if (next != null) {
                next.encodingProperty().addListener(encodingChanged);
            }
            lane.set(next);
        }
        laneNote.set(next == null ? "No " + LINKED_TOKENIZER + " lane: add one to see the typed tokens on the map"
                : "Typed tokens from lane " + number + " (" + LINKED_TOKENIZER + ")");
        rebuildPath();
    }

    private Encoding encoding() {
        LaneViewModel l = lane.get();
        return l == null ? null : l.encodingProperty().get();
    }

    private int[] typedIds() {
        Encoding e = encoding();
        return e == null ? new int[0] : e.ids().clone();
    }

    private void rebuildPath() {
        Encoding e = encoding();
        path.set(e == null ? SentencePath.empty() : new SentencePath(e.ids(), e.tokens()));
        selectionFromSession();
    }

    // ---- selection, both ways

    private void selectionFromSession() {
        if (linking) {
            return;
        }
        TokenRef ref = session.selectedTokenProperty().get();
        Encoding e = encoding();
        if (ref == null || ref.lane() != lane.get() || e == null || ref.index() < 0 || ref.index() >= e.size()) {
            return;
        }
        int id = e.ids()[ref.index()];
        selected.set(IdSet.of(id));
        openDetail(id);
    }

    /**
     * The map's selection changed (click, shift-click). A single point selects its first occurrence in the linked
     * lane (or clears the chip selection when it was not typed) and opens its neighbour comparison.
     */
    public void selectPoints(IdSet ids) {
        if (ids.equals(selected.get())) {
            return;
        }
        selected.set(ids);
        if (ids.size() != 1) {
            detail.set(null);
            return;
        }
        int id = ids.toArray()[0];
        openDetail(id);
        Encoding e = encoding();
        int first = -1;
        for (int i = 0; e != null && i < e.size() && first < 0; i++) {
            if (e.ids()[i] == id) {
                first = i;
            }
        }
        linking = true;
        try {
            session.selectedTokenProperty().set(first < 0 ? null : new TokenRef(lane.get(), first));
        } finally {
            linking = false;
        }
    }

    private void openDetail(int id) {
        MapPoints p = points.get();
        EmbeddingSpace s = space;
        long request = ++latestDetail;
        if (s == null || p.indexOf(id) < 0 || p.size() < 2) {
            detail.set(null);
            return;
        }
        runner.run(() -> NeighbourComparison.of(s, p, id), d -> {
            if (request == latestDetail) {
                detail.set(d);
            }
        }, e -> {
            if (request == latestDetail) {
                error.set(e.getMessage());
            }
        });
    }

    // ---- hover and search

    /** The map's hovered id changed (-1: none). */
    public void hover(int id) {
        hoverText.set(id < 0 || space == null ? "" : space.piece(id) + "   #" + id + "   " + describe(id));
    }

    /** One line of metadata for an id: flags, script, length, and the category it is coloured by. */
    public String describe(int id) {
        EmbeddingSpace s = space;
        if (s == null || id < 0 || id >= s.metadata().size()) {
            return "";
        }
        TokenMetadata m = s.metadata();
        List<String> parts = new ArrayList<>();
        if (m.isSpecial(id)) {
            parts.add("special");
        }
        if (m.isByte(id)) {
            parts.add("byte");
        }
        if (m.hasLeadingSpace(id)) {
            parts.add("leading space");
        }
        if (m.isContinuation(id)) {
            parts.add("continuation");
        }
        if (m.script(id) != null) {
            parts.add(ColourBy.scriptName(m.script(id)));
        }
        parts.add(m.length(id) + (m.length(id) == 1 ? " char" : " chars"));
        return String.join(" · ", parts);
    }

    private void runSearch() {
        String q = search.get();
        long request = ++latestSearch;
        if (q == null || q.isEmpty()) {
            highlighted.set(IdSet.empty());
            return;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(q);
        } catch (PatternSyntaxException e) {
            error.set("search: " + e.getDescription() + " in " + q);
            return;
        }
        MapPoints p = points.get();
        EmbeddingSpace s = space;
        if (s == null) {
            return;
        }
        error.set(null);
        runner.run(() -> {
            int[] out = new int[p.size()];
            int count = 0;
            for (int i = 0; i < p.size(); i++) {
                if (pattern.matcher(s.piece(p.id(i))).find()) {
                    out[count++] = p.id(i);
                }
            }
            return IdSet.of(java.util.Arrays.copyOf(out, count));
        }, ids -> {
            if (request == latestSearch) {
                highlighted.set(ids);
            }
        }, e -> error.set(e.getMessage()));
    }

    private int[] onMap(IdSet ids) {
        MapPoints p = points.get();
        return java.util.Arrays.stream(ids.toArray()).filter(id -> p.indexOf(id) >= 0).toArray();
    }

    // ---- exports (paths chosen by the view; the writing is here, testable without dialogs)

    /** {@code id,token,x,y} of every point. */
    public void exportCoordinates(Path file) {
        MapPoints p = points.get();
        export(() -> MapExport.writeCsv(p, file), "Wrote " + p.size() + " coordinates to " + file);
    }

    /** {@code vectors.tsv} + {@code metadata.tsv} in {@code folder}, for the TensorFlow Embedding Projector. */
    public void exportProjector(Path folder) {
        MapPoints p = points.get();
        EmbeddingSpace s = space;
        if (s == null) {
            error.set("nothing projected yet");
            return;
        }
        export(() -> ProjectorExport.write(folder, p, s.matrix()), "Wrote " + p.size() + " vectors to "
                + folder.resolve(ProjectorExport.VECTORS) + " and " + ProjectorExport.METADATA);
    }

    private interface Write {
        void run() throws java.io.IOException;
    }

    private void export(Write write, String done) {
        runner.run(() -> {
            write.run();
            return done;
        }, status::set, e -> error.set("export failed: " + e.getMessage()));
    }

    // ---- properties

    public ObjectProperty<Projection.Method> methodProperty() {
        return method;
    }

    public DoubleProperty perplexityProperty() {
        return perplexity;
    }

    /** null = automatic. */
    public ObjectProperty<Double> learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public DoubleProperty thetaProperty() {
        return theta;
    }

    public IntegerProperty umapKProperty() {
        return umapK;
    }

    public DoubleProperty minDistProperty() {
        return minDist;
    }

    public ObjectProperty<SubsetKind> subsetKindProperty() {
        return subsetKind;
    }

    public IntegerProperty topNProperty() {
        return topN;
    }

    public StringProperty subsetRegexProperty() {
        return subsetRegex;
    }

    public IntegerProperty neighboursKProperty() {
        return neighboursK;
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    /** Regex over pieces; matches are outlined on the map and the rest dimmed. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Whether the view refits the map to every new layout (t-SNE frames included). */
    public BooleanProperty followLayoutProperty() {
        return followLayout;
    }

    public ReadOnlyObjectProperty<MapPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SentencePath> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IdSet> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IdSet> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The clicked point's neighbours in both spaces, or null. */
    public ReadOnlyObjectProperty<NeighbourComparison> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TsneState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown (loading, PCA, UMAP). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    /** t-SNE's KL(P‖Q) at the shown iteration, NaN for other methods. */
    public ReadOnlyDoubleProperty klProperty() {
        return kl.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isolatedProperty() {
        return isolated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The lane whose typed tokens are drawn, or null. */
    public ReadOnlyObjectProperty<LaneViewModel> laneProperty() {
        return lane.getReadOnlyProperty();
    }

    /** Says which lane the map follows, or that there is none. */
    public ReadOnlyStringProperty laneNoteProperty() {
        return laneNote.getReadOnlyProperty();
    }

    /** The id's vocabulary piece ("" before the model is loaded). */
    public String piece(int id) {
        EmbeddingSpace s = space;
        return s == null ? "" : s.piece(id);
    }
}
