package org.tokenlens.app.embedding;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
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
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.map.SentencePath;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.project.Projection;

/**
 * State of the Embedding map: the projection settings as the form edits them, the projected points with their
 * colours, the typed sentence as a path, selection linked both ways with the session, hover text, a clicked
 * point's neighbour comparison, search matches, and the run state of a (pausable) t-SNE. Every heavy step — model
 * loading, subsets, projections, neighbours, search, exports — goes through the {@link TaskRunner}; only the
 * newest request's result is published. t-SNE frames are handed over through {@link #pollFrame()}, which the view
 * calls from its animation timer (≤ 30 per second), so the FX thread never waits on the optimiser.
 *
 * <p>This class holds the form and wires the parts: {@link ProjectionRuns} (runs, t-SNE control, points and
 * colours), {@link LinkedSelection} (linked lane, path, selection both ways, neighbour detail), {@link MapSearch}
 * (search, hover) and {@link EmbeddingExports}.
 */
public final class EmbeddingViewModel {
    /** The bundled MiniLM's ids are bert-base-uncased's: the lane with this tokenizer is the one linked. */
    public static final String LINKED_TOKENIZER = "bert-base-uncased";

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
    private final ReadOnlyBooleanWrapper isolated = new ReadOnlyBooleanWrapper(this, "isolated");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private final ProjectionRuns runs;
    /** A typed-neighbours projection waits for the linked lane's first encoding. */
    private boolean awaitingTyped;
    private final LinkedSelection linked;
    private final MapSearch searcher;
    private final EmbeddingExports exports;

    /**
     * @param model loads the model whose input embeddings are mapped (the bundled MiniLM); called at most once,
     *              on the runner's thread
     */
    public EmbeddingViewModel(SessionModel session, ObservableList<LaneViewModel> lanes, TaskRunner runner,
                              Supplier<EmbeddingModel> model) {
        Objects.requireNonNull(session);
        Objects.requireNonNull(lanes);
        Objects.requireNonNull(runner);
        this.model = Objects.requireNonNull(model);
        Supplier<EmbeddingSpace> loaded = () -> space;
        linked = new LinkedSelection(this, session, lanes, runner, loaded, points, error);
        searcher = new MapSearch(this, runner, loaded, points, error);
        runs = new ProjectionRuns(this, runner, loaded, colourBy::get,
                () -> method.get() == Projection.Method.TSNE, points, status, error, this::afterPointsChanged);
        exports = new EmbeddingExports(runner, loaded, points, status, error);
        colourBy.addListener(obs -> runs.recolour());
        linked.path.addListener(obs -> typedArrived());
        linked.laneNote.addListener(obs -> typedArrived()); // set after the lane: the note is current
        search.addListener(obs -> searcher.run(search.get()));
    }

    /** The window's --map-subset, --map-top, --map-k and --map-iterations; null leaves a setting as it is. */
    public void applyStartOptions(SubsetKind subset, Integer topN, Integer neighbours, Integer iterations) {
        if (subset != null) {
            subsetKind.set(subset);
        }
        if (topN != null) {
            this.topN.set(topN);
        }
        if (neighbours != null) {
            neighboursK.set(neighbours);
        }
        if (iterations != null) {
            this.iterations.set(iterations);
        }
    }

    /** A projection waiting for the typed tokens runs once they are there, or ends if the lane went away. */
    private void typedArrived() {
        if (!awaitingTyped) {
            return;
        }
        if (linked.typedIds().length > 0) {
            project();
        } else if (!linked.awaitingEncoding()) {
            awaitingTyped = false;
            runs.release();
            error.set(linked.laneNote.get());
        }
    }

    // ---- projection runs (ProjectionRuns)

    /** Projects the chosen subset with the chosen method (replacing any run in progress). */
    public void project() {
        isolated.set(false);
        if (subsetKind.get() == SubsetKind.TYPED_NEIGHBOURS && linked.typedIds().length == 0
                && linked.awaitingEncoding()) {
            // at start (--map-subset typed) the tab projected before the lane had tokens and failed with "no typed
            // tokens"; hold, busy, until the path arrives
            awaitingTyped = true;
            runs.hold("Waiting for the linked lane's tokens");
            return;
        }
        awaitingTyped = false;
        String slow = method.get() == Projection.Method.UMAP && subsetKind.get() == SubsetKind.ALL
                ? " with UMAP: its neighbour search (Smile) is brute force on one core, about 10 minutes of CPU for"
                + " 30,522 points; typed tokens + neighbours is a subset that takes seconds" : "";
        start(null, "Projecting " + subsetKind.get() + slow, subsetKind.get().describe(topN.get(), subsetRegex.get(), neighboursK.get()));
    }

    /**
     * Re-projects only the selected points (shift-click adds to the selection) or, when fewer than two are
     * selected, the search matches on the map.
     */
    public void isolateSelection() {
        IdSet ids = linked.selected.get().size() >= 2 ? linked.selected.get() : searcher.highlighted.get();
        int[] onMap = onMap(ids);
        if (onMap.length < 3) {
            error.set("select at least 3 points (shift-click) or search for them to isolate them");
            return;
        }
        isolated.set(true);
        start(onMap, "Isolating " + onMap.length + " points", "isolated selection");
    }

    private void start(int[] fixedIds, String message, String subsetText) {
        runs.stop();
        ProjectionParams p;
        try {
            p = params();
            if (p.method() == Projection.Method.TSNE) {
                p.tsneOptions();
            } else if (p.method() == Projection.Method.UMAP) {
                p.umapOptions();
            }
        } catch (IllegalArgumentException e) {
            runs.release();
            error.set(e.getMessage());
            return;
        }
        SubsetKind kind = subsetKind.get();
        int n = topN.get();
        String regex = subsetRegex.get();
        int k = neighboursK.get();
        int[] typed = linked.typedIds();
        runs.start(p, message, subsetText, (control, frames) -> {
            EmbeddingSpace s = space();
            int[] ids = fixedIds != null ? fixedIds : ProjectionJob.subsetIds(s, kind, n, regex, typed, k);
            return ProjectionJob.run(s, ids, p, frames, control);
        });
    }

    /** Stops the running computation (model load, subset, projection); the last layout stays on the map. */
    public void cancel() {
        awaitingTyped = false;
        runs.cancel();
    }

    /** Holds a running t-SNE after its current iteration. */
    public void pause() {
        runs.pause();
    }

    public void resume() {
        runs.resume();
    }

    /** Space on the map: pause a running t-SNE, resume a paused one; otherwise nothing. */
    public void togglePause() {
        runs.togglePause();
    }

    /** One more iteration of a paused t-SNE. */
    public void step() {
        runs.step();
    }

    /**
     * Shows the newest t-SNE iteration, if one arrived since the last call; the view calls this at most ~30 times
     * a second. Returns whether the map changed.
     */
    public boolean pollFrame() {
        return runs.pollFrame();
    }

    /** Re-runs what depends on the points: search matches, the open detail, the selection's presence. */
    private void afterPointsChanged() {
        searcher.run(search.get());
        linked.pointsChanged();
        // a path that lost tokens (a subset, UMAP's dropped points) would otherwise just look shorter
        int missing = linked.typedOffMap();
        if (missing > 0 && points.get().size() > 0) {
            status.set(status.get() + " — " + missing + " of " + linked.path.get().size()
                    + " typed tokens are not on the map");
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

    // ---- selection, both ways (LinkedSelection)

    /**
     * The map's selection changed (click, shift-click). A single point selects its first occurrence in the linked
     * lane (or clears the chip selection when it was not typed) and opens its neighbour comparison.
     */
    public void selectPoints(IdSet ids) {
        linked.selectPoints(ids);
    }

    // ---- hover and search (MapSearch)

    /** The map's hovered id changed (-1: none). */
    public void hover(int id) {
        searcher.hover(id);
    }

    /** One line of metadata for an id: flags, script, length, and the category it is coloured by. */
    public String describe(int id) {
        return searcher.describe(id);
    }

    private int[] onMap(IdSet ids) {
        MapPoints p = points.get();
        return java.util.Arrays.stream(ids.toArray()).filter(id -> p.indexOf(id) >= 0).toArray();
    }

    // ---- exports (EmbeddingExports; paths chosen by the view, the writing testable without dialogs)

    /** {@code id,token,x,y} of every point. */
    public void exportCoordinates(Path file) {
        exports.coordinates(file);
    }

    /** {@code vectors.tsv} + {@code metadata.tsv} in {@code folder}, for the TensorFlow Embedding Projector. */
    public void exportProjector(Path folder) {
        exports.projector(folder);
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
        return linked.path.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IdSet> selectedProperty() {
        return linked.selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IdSet> highlightedProperty() {
        return searcher.highlighted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return searcher.hoverText.getReadOnlyProperty();
    }

    /** The clicked point's neighbours in both spaces, or null. */
    public ReadOnlyObjectProperty<NeighbourComparison> detailProperty() {
        return linked.detail.getReadOnlyProperty();
    }

    /** The clicked point's neighbour comparison is being computed (off the FX thread). */
    public ReadOnlyBooleanProperty detailPendingProperty() {
        return linked.detailPending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TsneState> stateProperty() {
        return runs.state.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown (loading, PCA, UMAP). */
    public ReadOnlyDoubleProperty progressProperty() {
        return runs.progress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty iterationProperty() {
        return runs.iteration.getReadOnlyProperty();
    }

    /** t-SNE's KL(P‖Q) at the shown iteration, NaN for other methods. */
    public ReadOnlyDoubleProperty klProperty() {
        return runs.kl.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return runs.busy.getReadOnlyProperty();
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
        return linked.lane.getReadOnlyProperty();
    }

    /** Says which lane the map follows, or that there is none. */
    public ReadOnlyStringProperty laneNoteProperty() {
        return linked.laneNote.getReadOnlyProperty();
    }

    /** The id's vocabulary piece ("" before the model is loaded). */
    public String piece(int id) {
        EmbeddingSpace s = space;
        return s == null ? "" : s.piece(id);
    }
}
