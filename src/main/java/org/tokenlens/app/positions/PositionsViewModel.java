package org.tokenlens.app.positions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.heatmap.RowMarker;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.app.task.TaskRunner.TaskHandle;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.positions.LearnedPositions;
import org.tokenlens.engine.positions.PositionSimilarity;
import org.tokenlens.engine.positions.SinusoidalEncoding;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * State of the Positions view: the kind and its parameters (as the form edits them), the computed tables, the
 * typed tokens on the position axis and the selected position, linked both ways with the session's selected
 * token. Every parameter change validates at once (the engine's message goes to {@link #errorProperty()}) and
 * submits one task; only the newest request's result is published. Knows no controls.
 */
public final class PositionsViewModel {

    private final SessionModel session;
    private final ObservableList<LaneViewModel> lanes;
    private final TaskRunner runner;
    private final Supplier<EmbeddingModel> model;

    private final ObjectProperty<PositionKind> kind = new SimpleObjectProperty<>(this, "kind", PositionKind.SINUSOIDAL);
    private final ObjectProperty<Integer> positions = new SimpleObjectProperty<>(this, "positions", 512);
    private final ObjectProperty<Integer> dim = new SimpleObjectProperty<>(this, "dim", 384);
    private final ObjectProperty<Double> base = new SimpleObjectProperty<>(this, "base", 10000.0);
    private final ObjectProperty<SinusoidalEncoding.Layout> layout =
            new SimpleObjectProperty<>(this, "layout", SinusoidalEncoding.Layout.INTERLEAVED);
    private final ObjectProperty<Double> ropeBase = new SimpleObjectProperty<>(this, "ropeBase", 10000.0);
    private final ObjectProperty<Integer> headDim = new SimpleObjectProperty<>(this, "headDim", 128);
    private final ObjectProperty<Double> partialRotary = new SimpleObjectProperty<>(this, "partialRotary", 1.0);
    private final ObjectProperty<RopeScalingType> scaling =
            new SimpleObjectProperty<>(this, "scaling", RopeScalingType.DEFAULT);
    private final ObjectProperty<Double> factor = new SimpleObjectProperty<>(this, "factor", 8.0);
    private final ObjectProperty<Double> lowFreqFactor = new SimpleObjectProperty<>(this, "lowFreqFactor", 1.0);
    private final ObjectProperty<Double> highFreqFactor = new SimpleObjectProperty<>(this, "highFreqFactor", 4.0);
    private final ObjectProperty<Double> betaFast = new SimpleObjectProperty<>(this, "betaFast", 32.0);
    private final ObjectProperty<Double> betaSlow = new SimpleObjectProperty<>(this, "betaSlow", 1.0);
    private final ObjectProperty<Integer> context = new SimpleObjectProperty<>(this, "context", 2048);
    private final BooleanProperty wrapAngles = new SimpleBooleanProperty(this, "wrapAngles", true);
    private final ObjectProperty<Integer> heads = new SimpleObjectProperty<>(this, "heads", 8);
    private final ObjectProperty<Integer> head = new SimpleObjectProperty<>(this, "head", 0);
    private final BooleanProperty causal = new SimpleBooleanProperty(this, "causal", true);
    private final ObjectProperty<PositionSimilarity.Measure> measure =
            new SimpleObjectProperty<>(this, "measure", PositionSimilarity.Measure.COSINE);

    private final ReadOnlyObjectWrapper<PositionsResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<RowMarker> markers = FXCollections.observableArrayList();
    private final ObservableList<RowMarker> markersView = FXCollections.unmodifiableObservableList(markers);
    private final ReadOnlyIntegerWrapper selectedPosition = new ReadOnlyIntegerWrapper(this, "selectedPosition", -1);
    private final ReadOnlyObjectWrapper<InputRows> inputRows = new ReadOnlyObjectWrapper<>(this, "inputRows");
    private final ReadOnlyObjectWrapper<LaneViewModel> lane = new ReadOnlyObjectWrapper<>(this, "lane");

    private final InvalidationListener encodingChanged = obs -> encodingChanged();
    private long latestRequest;
    private TaskHandle pending;
    private long latestInput;
    private TaskHandle pendingInput;

    /**
     * @param model loads the embedding model whose learned positions and token vectors are shown (the bundled
     *              MiniLM in the app); called at most once, on the runner's thread
     */
    public PositionsViewModel(SessionModel session, ObservableList<LaneViewModel> lanes, TaskRunner runner,
                              Supplier<EmbeddingModel> model) {
        this.session = Objects.requireNonNull(session);
        this.lanes = Objects.requireNonNull(lanes);
        this.runner = Objects.requireNonNull(runner);
        this.model = memoize(Objects.requireNonNull(model));
        for (Observable p : List.of(kind, positions, dim, base, layout, ropeBase, headDim, partialRotary, scaling,
                factor, lowFreqFactor, highFreqFactor, betaFast, betaSlow, context, wrapAngles, heads, head, causal,
                measure)) {
            p.addListener(obs -> request());
        }
        session.selectedTokenProperty().addListener(obs -> selectionChanged());
        lanes.addListener((InvalidationListener) obs -> trackLane());
        trackLane();
        request();
    }

    /** The form's values now. */
    public PositionsParams params() {
        return new PositionsParams(kind.get(), val(positions), val(dim), val(base), layout.get(), val(ropeBase),
                val(headDim), val(partialRotary), scaling.get(), val(factor), val(lowFreqFactor),
                val(highFreqFactor), val(betaFast), val(betaSlow), val(context), wrapAngles.get(), val(heads),
                val(head), causal.get(), measure.get());
    }

    private void request() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        long request = ++latestRequest;
        PositionsParams p;
        try {
            p = params();
            p.validate();
        } catch (IllegalArgumentException | NullPointerException e) {
            busy.set(false);
            error.set(message(e)); // the last good tables stay on screen
            return;
        }
        busy.set(true);
        pending = runner.run(() -> PositionsComputation.compute(p, this::learnedTable),
                r -> {
                    if (request == latestRequest) {
                        busy.set(false);
                        error.set(null);
                        result.set(r);
                        rebuildMarkers();
                        requestInputRows();
                    }
                },
                failure -> {
                    if (request == latestRequest) {
                        busy.set(false);
                        error.set(message(failure));
                    }
                });
    }

    private EmbeddingMatrix learnedTable() {
        return LearnedPositions.of(model.get());
    }

    /** Which lane's tokens sit on the axis: the selected token's, else the one shown last while it exists, else the first. */
    private void trackLane() {
        TokenRef selected = session.selectedTokenProperty().get();
        LaneViewModel current = lane.get();
        LaneViewModel next = selected != null ? selected.lane()
                : current != null && lanes.contains(current) ? current : lanes.isEmpty() ? null : lanes.get(0);
        if (next != current) {
            if (current != null) {
                current.encodingProperty().removeListener(encodingChanged);
            }
            lane.set(next);
            if (next != null) {
                next.encodingProperty().addListener(encodingChanged);
            }
        }
        encodingChanged();
    }

    private void encodingChanged() {
        rebuildMarkers();
        syncSelection();
        requestInputRows();
    }

    private void selectionChanged() {
        trackLane(); // also re-syncs the selection and the input rows
    }

    private void syncSelection() {
        TokenRef selected = session.selectedTokenProperty().get();
        selectedPosition.set(selected != null && selected.lane() == lane.get() ? selected.index() : -1);
    }

    /** A click on a row: selects the token at that position in the session, if one was typed there. */
    public void selectPosition(int row) {
        LaneViewModel l = lane.get();
        Encoding e = l == null ? null : l.encodingProperty().get();
        if (e != null && row >= 0 && row < e.size()) {
            session.selectedTokenProperty().set(new TokenRef(l, row));
        } else {
            selectedPosition.set(row); // a position with no typed token: highlighted here only
        }
    }

    private void rebuildMarkers() {
        LaneViewModel l = lane.get();
        Encoding e = l == null ? null : l.encodingProperty().get();
        PositionsResult r = result.get();
        List<RowMarker> next = new ArrayList<>();
        if (e != null) {
            int rows = r == null ? e.size() : r.main().rows();
            for (int i = 0; i < Math.min(e.size(), rows); i++) {
                next.add(new RowMarker(i, label(e, i)));
            }
        }
        if (!next.equals(markers)) {
            markers.setAll(next);
        }
    }

    /** What the chip shows: the typed text with whitespace made visible; inserted tokens by their piece. */
    static String label(Encoding e, int i) {
        String s = e.sourceText(i);
        if (s == null || s.isEmpty()) {
            return e.tokens()[i];
        }
        return s.replace(' ', '·').replace('\t', '→').replace('\n', '↵').replace('\u00a0', '⍽');
    }

    private void requestInputRows() {
        if (pendingInput != null) {
            pendingInput.cancel();
            pendingInput = null;
        }
        long request = ++latestInput;
        PositionsResult r = result.get();
        LaneViewModel l = lane.get();
        Encoding e = l == null ? null : l.encodingProperty().get();
        TokenRef selected = session.selectedTokenProperty().get();
        int index = selected != null && selected.lane() == l ? selected.index() : -1;
        if (r == null) {
            inputRows.set(null);
            return;
        }
        if (r.vectors() == null || e == null || index < 0) {
            inputRows.set(TokenPlusPosition.compute(r, null, null, e, index)); // a note; needs no model
            return;
        }
        var tokenizer = l.tokenizerProperty().get();
        pendingInput = runner.run(() -> TokenPlusPosition.compute(r, model.get(), tokenizer, e, index),
                rows -> {
                    if (request == latestInput) {
                        inputRows.set(rows);
                    }
                },
                failure -> {
                    if (request == latestInput) {
                        inputRows.set(InputRows.unavailable(message(failure)));
                    }
                });
    }

    /** Drop pending work (the view is closing). */
    public void cancel() {
        if (pending != null) {
            pending.cancel();
        }
        if (pendingInput != null) {
            pendingInput.cancel();
        }
        busy.set(false);
    }

    private static Supplier<EmbeddingModel> memoize(Supplier<EmbeddingModel> loader) {
        return new Supplier<>() {
            private EmbeddingModel loaded;

            @Override
            public synchronized EmbeddingModel get() {
                if (loaded == null) {
                    loaded = loader.get();
                }
                return loaded;
            }
        };
    }

    private static String message(Throwable t) {
        String m = t.getMessage() != null ? t.getMessage() : t.toString();
        return m.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static <T> T val(ObjectProperty<T> p) {
        return Objects.requireNonNull(p.get(), () -> p.getName() + " must be given");
    }

    public ObjectProperty<PositionKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Integer> positionsProperty() {
        return positions;
    }

    public ObjectProperty<Integer> dimProperty() {
        return dim;
    }

    public ObjectProperty<Double> baseProperty() {
        return base;
    }

    public ObjectProperty<SinusoidalEncoding.Layout> layoutProperty() {
        return layout;
    }

    public ObjectProperty<Double> ropeBaseProperty() {
        return ropeBase;
    }

    public ObjectProperty<Integer> headDimProperty() {
        return headDim;
    }

    public ObjectProperty<Double> partialRotaryProperty() {
        return partialRotary;
    }

    public ObjectProperty<RopeScalingType> scalingProperty() {
        return scaling;
    }

    public ObjectProperty<Double> factorProperty() {
        return factor;
    }

    public ObjectProperty<Double> lowFreqFactorProperty() {
        return lowFreqFactor;
    }

    public ObjectProperty<Double> highFreqFactorProperty() {
        return highFreqFactor;
    }

    public ObjectProperty<Double> betaFastProperty() {
        return betaFast;
    }

    public ObjectProperty<Double> betaSlowProperty() {
        return betaSlow;
    }

    /** {@code max_position_embeddings}, the original context of YaRN and llama3. */
    public ObjectProperty<Integer> contextProperty() {
        return context;
    }

    public BooleanProperty wrapAnglesProperty() {
        return wrapAngles;
    }

    public ObjectProperty<Integer> headsProperty() {
        return heads;
    }

    public ObjectProperty<Integer> headProperty() {
        return head;
    }

    public BooleanProperty causalProperty() {
        return causal;
    }

    public ObjectProperty<PositionSimilarity.Measure> measureProperty() {
        return measure;
    }

    /** The tables of the newest valid parameters; null until the first computation finishes. */
    public ReadOnlyObjectProperty<PositionsResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The engine's message for the current parameters, or null when they are valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The typed tokens of the shown lane, one per position (token i at position i). */
    public ObservableList<RowMarker> markers() {
        return markersView;
    }

    /** The lane whose tokens are on the axis. */
    public ReadOnlyObjectProperty<LaneViewModel> laneProperty() {
        return lane.getReadOnlyProperty();
    }

    /** The highlighted row: the selected token's position, or a clicked row without a token; −1 for none. */
    public ReadOnlyIntegerProperty selectedPositionProperty() {
        return selectedPosition.getReadOnlyProperty();
    }

    /** Token + position = input for the selected token, or a note why not; null before the first result. */
    public ReadOnlyObjectProperty<InputRows> inputRowsProperty() {
        return inputRows.getReadOnlyProperty();
    }
}
