package org.tokenlens.app.embedding;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.map.IdSet;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.map.SentencePath;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * The map linked to the typed text: follows the first {@value EmbeddingViewModel#LINKED_TOKENIZER} lane, draws
 * its sentence as the path, keeps the map's selection and the session's chip selection in step both ways, and
 * computes a selected point's neighbour comparison off the FX thread (newest request wins).
 */
final class LinkedSelection {
    private final SessionModel session;
    private final ObservableList<LaneViewModel> lanes;
    private final TaskRunner runner;
    private final Supplier<EmbeddingSpace> space;
    private final ObservableValue<MapPoints> points;
    private final ReadOnlyStringWrapper error;
    final ReadOnlyObjectWrapper<SentencePath> path;
    final ReadOnlyObjectWrapper<IdSet> selected;
    final ReadOnlyObjectWrapper<NeighbourComparison> detail;
    /** A neighbour comparison is being computed (the screenshot waits for it). */
    final javafx.beans.property.ReadOnlyBooleanWrapper detailPending;
    final ReadOnlyObjectWrapper<LaneViewModel> lane;
    final ReadOnlyStringWrapper laneNote;

    private final InvalidationListener encodingChanged = obs -> rebuildPath();
    private final InvalidationListener lanesChanged = obs -> trackLane();
    private final Set<LaneViewModel> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private long latestDetail;
    private boolean linking;

    LinkedSelection(Object bean, SessionModel session, ObservableList<LaneViewModel> lanes, TaskRunner runner,
                    Supplier<EmbeddingSpace> space, ObservableValue<MapPoints> points, ReadOnlyStringWrapper error) {
        this.session = session;
        this.lanes = lanes;
        this.runner = runner;
        this.space = space;
        this.points = points;
        this.error = error;
        path = new ReadOnlyObjectWrapper<>(bean, "path", SentencePath.empty());
        selected = new ReadOnlyObjectWrapper<>(bean, "selected", IdSet.empty());
        detail = new ReadOnlyObjectWrapper<>(bean, "detail");
        detailPending = new javafx.beans.property.ReadOnlyBooleanWrapper(bean, "detailPending");
        lane = new ReadOnlyObjectWrapper<>(bean, "lane");
        laneNote = new ReadOnlyStringWrapper(bean, "laneNote", "");
        lanes.addListener(lanesChanged);
        session.selectedTokenProperty().addListener(obs -> selectionFromSession());
        trackLane();
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
            if (EmbeddingViewModel.LINKED_TOKENIZER.equalsIgnoreCase(lanes.get(i).tokenizerNameProperty().get())) {
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
        laneNote.set(next == null
                ? "No " + EmbeddingViewModel.LINKED_TOKENIZER + " lane: add one to see the typed tokens on the map"
                : "Typed tokens from lane " + number + " (" + EmbeddingViewModel.LINKED_TOKENIZER + ")");
        rebuildPath();
    }

    private Encoding encoding() {
        LaneViewModel l = lane.get();
        return l == null ? null : l.encodingProperty().get();
    }

    /** How many of the path's tokens have no point on the map. */
    int typedOffMap() {
        SentencePath p = path.get();
        MapPoints onMap = points.getValue();
        int missing = 0;
        for (int k = 0; k < p.size(); k++) {
            if (onMap.indexOf(p.id(k)) < 0) {
                missing++;
            }
        }
        return missing;
    }

    /** A linked lane is there but has not tokenized its text yet (the window's first moments). */
    boolean awaitingEncoding() {
        return lane.get() != null && encoding() == null;
    }

    /** The linked lane's ids (a copy), empty without one. */
    int[] typedIds() {
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

    void selectPoints(IdSet ids) {
        if (ids.equals(selected.get())) {
            return;
        }
        selected.set(ids);
        if (ids.size() != 1) {
            closeDetail();
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

    /** New points on the map: the open detail is recomputed against them, or closed if its point left. */
    void pointsChanged() {
        IdSet sel = selected.get();
        if (sel.size() == 1 && points.getValue().indexOf(sel.toArray()[0]) >= 0) {
            openDetail(sel.toArray()[0]);
        } else {
            closeDetail();
        }
    }

    /** No detail, and none on its way: a comparison still running for the old point is dropped on arrival. */
    private void closeDetail() {
        latestDetail++;
        detail.set(null);
        detailPending.set(false);
    }

    private void openDetail(int id) {
        MapPoints p = points.getValue();
        EmbeddingSpace s = space.get();
        long request = ++latestDetail;
        if (s == null || p.indexOf(id) < 0 || p.size() < 2) {
            detail.set(null);
            detailPending.set(false);
            return;
        }
        detailPending.set(true);
        runner.run(() -> NeighbourComparison.of(s, p, id), d -> {
            if (request == latestDetail) {
                detail.set(d);
                detailPending.set(false);
            }
        }, e -> {
            if (request == latestDetail) {
                error.set(e.getMessage());
                detailPending.set(false);
            }
        });
    }
}
