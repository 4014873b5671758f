package org.tokenlens.app;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.IndexRange;
import org.tokenlens.app.chips.ChipData;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.chips.ColourMode;
import org.tokenlens.app.chips.TokenSearch;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * The tokenization view's state: the text, one lane per tokenizer, how chips look, the theme and presentation
 * mode, and the linking between editor and chips through the shared {@link SessionModel}. Knows no controls; a
 * test drives it with {@link org.tokenlens.app.task.CurrentThreadTaskRunner} and a fake loader, without a stage.
 */
public final class TokenizationViewModel {

    public static final String DEFAULT_TEXT = "This is a input.";

    private final Function<String, Tokenizer> loader;
    private final TaskRunner runner;
    private final SessionModel session;
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final ObservableList<LaneViewModel> lanes = FXCollections.observableArrayList();
    private final ObservableList<LaneViewModel> lanesView = FXCollections.unmodifiableObservableList(lanes);
    private final ObservableList<String> choices;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObjectProperty<ChipMode> chipMode = new SimpleObjectProperty<>(this, "chipMode", ChipMode.TEXT);
    private final ObjectProperty<ColourMode> colourMode =
            new SimpleObjectProperty<>(this, "colourMode", ColourMode.POSITION);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final InvalidationListener laneChanged = obs -> laneUpdated();
    private ResultQueue results = ResultQueue.IMMEDIATE;
    /** The lanes' boundary comparison on a worker (big encodings only); live while {@link #comparePending}. */
    private TaskRunner.TaskHandle pendingCompare;
    private boolean comparePending;
    /** The encodings last compared (or being compared): the same lanes and results are not compared twice. */
    private List<Encoding> comparing = List.of();
    /** Up to this many tokens over all lanes, lanes are compared on the FX thread (a keystroke's: ~0.2 ms). */
    static final long COMPARE_ON_FX_THREAD = 200_000;

    public TokenizationViewModel(Function<String, Tokenizer> loader, TaskRunner runner, List<String> choices,
                                 List<String> tokenizers, String initialText) {
        this(loader, runner, choices, tokenizers, initialText, new SessionModel());
    }

    /**
     * @param loader     loads a tokenizer by spec (the registry's {@code load}); called off the UI thread
     * @param choices    names offered in the tokenizer pickers (the bundled names)
     * @param tokenizers one lane per name, in order
     * @param session    the selection shared with the other views
     */
    public TokenizationViewModel(Function<String, Tokenizer> loader, TaskRunner runner, List<String> choices,
                                 List<String> tokenizers, String initialText, SessionModel session) {
        this.loader = Objects.requireNonNull(loader);
        this.runner = Objects.requireNonNull(runner);
        this.session = Objects.requireNonNull(session);
        this.choices = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(choices));
        text.set(initialText);
        text.addListener((obs, old, now) -> {
            // lanes that re-encode a keystroke at once publish inside setText: compare them once, after all of them
            settingText = true;
            try {
                lanes.forEach(lane -> lane.setText(now == null ? "" : now));
            } finally {
                settingText = false;
            }
            laneUpdated();
        });
        chipMode.addListener((obs, old, mode) -> lanes.forEach(lane -> lane.setChipMode(mode)));
        for (String name : tokenizers) {
            addLane(name);
        }
    }

    /** A new lane for a tokenizer spec (bundled name, tokenizer.json, folder, .tiktoken); it encodes at once. */
    public LaneViewModel addLane(String spec) {
        LaneViewModel lane = new LaneViewModel(loader, runner, spec, text.get() == null ? "" : text.get());
        lane.setChipMode(chipMode.get());
        lane.setResultQueue(results);
        lane.busyProperty().addListener(laneChanged);
        lane.encodingProperty().addListener(laneChanged);
        lanes.add(lane);
        laneUpdated();
        return lane;
    }

    /** Removes a lane; the selection or hover pointing into it is cleared. */
    public void removeLane(LaneViewModel lane) {
        if (!lanes.remove(lane)) {
            return;
        }
        lane.busyProperty().removeListener(laneChanged);
        lane.encodingProperty().removeListener(laneChanged);
        clearIfIn(session.selectedTokenProperty(), lane);
        clearIfIn(session.hoveredTokenProperty(), lane);
        laneUpdated();
    }

    /** Whether two lists hold the same encodings, by identity (a result is never rebuilt). */
    private static boolean sameEncodings(List<Encoding> a, List<Encoding> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k) != b.get(k)) {
                return false;
            }
        }
        return true;
    }

    private static void setDiffs(List<LaneViewModel> lanes, List<BitSet> diffs) {
        for (int k = 0; k < lanes.size(); k++) {
            lanes.get(k).setBoundaryDiff(diffs.get(k));
        }
    }

    private static void clearIfIn(ObjectProperty<TokenRef> ref, LaneViewModel lane) {
        if (ref.get() != null && ref.get().lane() == lane) {
            ref.set(null);
        }
    }

    /** While the text is handed to the lanes: their results are compared once all have it. */
    private boolean settingText;

    /** After any lane's result: busy flag, boundary diff, and selection indices that fell off the end. */
    private void laneUpdated() {
        if (settingText) {
            return;
        }
        busy.set(lanes.stream().anyMatch(l -> l.busyProperty().get()));
        // Compare the lanes that have a result for this text once none is still working. A lane that is idle
        // without one (a tokenizer that failed to load) sits out, instead of holding every other lane's marks back.
        List<LaneViewModel> ready = new ArrayList<>();
        List<BoundaryDiff.Boundaries> boundaries = new ArrayList<>();
        boolean working = false;
        boolean allBoundaries = true;
        for (LaneViewModel lane : lanes) {
            Encoding e = lane.encodingProperty().get();
            if (e != null && e.text().equals(text.get())) {
                ready.add(lane);
                boundaries.add(lane.boundaries()); // null for a keystroke's result: worked out with the comparison
                allBoundaries &= lane.boundaries() != null;
            } else if (lane.busyProperty().get()) {
                working = true;
            }
        }
        List<Encoding> shown = new ArrayList<>();
        ready.forEach(lane -> shown.add(lane.encodingProperty().get()));
        if (comparePending && !sameEncodings(comparing, shown)) {
            pendingCompare.cancel(); // the lanes moved on: its marks would be for encodings no longer shown
            comparePending = false;
        }
        if (!working && !ready.isEmpty() && !sameEncodings(comparing, shown)) {
            long tokens = 0;
            for (Encoding e : shown) {
                tokens += e.size();
            }
            comparing = shown;
            if (ready.size() < 2 || (allBoundaries && tokens <= COMPARE_ON_FX_THREAD)) {
                // one lane differs from nothing; else word-wide ANDs: the scans ran off the FX thread
                setDiffs(ready, BoundaryDiff.compare(boundaries));
            } else {
                // after a big paste a pass over every lane's tokens costs milliseconds per lane, and a keystroke's
                // results come without boundaries (their scan is a pass over the text): a worker does it and the
                // marks follow an event later (the strips read the old marks through the shared tokens)
                comparePending = true;
                pendingCompare = runner.run(() -> {
                    List<BoundaryDiff.Boundaries> all = new ArrayList<>(boundaries);
                    for (int k = 0; k < all.size(); k++) {
                        if (all.get(k) == null) {
                            all.set(k, BoundaryDiff.of(shown.get(k)));
                        }
                    }
                    return BoundaryDiff.compare(all);
                }, diffs -> {
                    // a cancel can come too late to stop delivery: marks only for the encodings still shown
                    List<Encoding> now = new ArrayList<>();
                    ready.forEach(lane -> now.add(lane.encodingProperty().get()));
                    if (lanes.containsAll(ready) && sameEncodings(shown, now)) {
                        comparePending = false;
                        setDiffs(ready, diffs);
                    }
                }, failure -> {
                    if (comparing == shown) {
                        comparePending = false;
                    }
                });
            }
        }
        dropIfStale(session.selectedTokenProperty());
        dropIfStale(session.hoveredTokenProperty());
    }

    private static void dropIfStale(ObjectProperty<TokenRef> ref) {
        TokenRef r = ref.get();
        if (r != null) {
            Encoding e = r.lane().encodingProperty().get();
            if (e == null || r.index() >= e.size()) {
                ref.set(null);
            }
        }
    }

    /**
     * The tokens of {@code lane} that the editor range covers, as a token index range, or null. A caret (empty
     * range) covers the token it is in, or else the token that ends at it.
     * <p>
     * Runs on every caret move, so it binary-searches: the real tokens' starts and ends never decrease along the
     * encoding (tokens follow the text), and inserted tokens (start -1) are stepped over.
     */
    public static IndexRange coveredTokens(Encoding e, IndexRange editor) {
        if (e == null || editor == null) {
            return null;
        }
        int from = editor.getStart();
        int to = editor.getEnd();
        int[] starts = e.starts();
        int[] ends = e.ends();
        // first real token ending after `from`, and first real token starting after the range (or the caret)
        int lo = TokenSearch.firstReal(starts, ends, from);
        int hi = TokenSearch.firstReal(starts, starts, from == to ? from : to - 1);
        int first = TokenSearch.nextReal(starts, lo, hi);
        if (first >= 0) {
            int last = hi - 1;
            while (starts[last] < 0) {
                last--;
            }
            return new IndexRange(first, last + 1);
        }
        if (from == to) {
            // no token contains the caret: the token ending at it (the last one, if several)
            for (int i = lo - 1; i >= 0 && (starts[i] < 0 || ends[i] >= from); i--) {
                if (starts[i] >= 0 && ends[i] == from && starts[i] < from) {
                    return new IndexRange(i, i + 1);
                }
            }
        }
        return null;
    }

    /**
     * The editor span to highlight for a token: its cluster's UTF-16 span (a partial character's token stands for
     * the whole character), or null for an inserted token.
     */
    public static IndexRange sourceSpan(TokenRef ref) {
        if (ref == null) {
            return null;
        }
        ChipData data = ref.lane().chipDataProperty().get();
        if (data == null || ref.index() < 0 || ref.index() >= data.encoding().size()) {
            return null;
        }
        Encoding e = data.encoding();
        int cluster = data.clusterOf(ref.index());
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int i = data.clusterStarts()[cluster]; i < data.clusterStarts()[cluster + 1]; i++) {
            if (e.starts()[i] >= 0) {
                start = Math.min(start, e.starts()[i]);
                end = Math.max(end, e.ends()[i]);
            }
        }
        return end < 0 ? null : new IndexRange(start, end);
    }

    /**
     * Move the selection by {@code delta} tokens (Tab / Shift+Tab), staying in its lane; with nothing selected,
     * start at the first lane's first (or last) token.
     */
    public void moveSelection(int delta) {
        TokenRef current = session.selectedTokenProperty().get();
        LaneViewModel lane = current != null ? current.lane() : lanes.isEmpty() ? null : lanes.get(0);
        Encoding e = lane == null ? null : lane.encodingProperty().get();
        if (e == null || e.size() == 0) {
            return;
        }
        int index = current == null ? (delta > 0 ? 0 : e.size() - 1)
                : Math.max(0, Math.min(e.size() - 1, current.index() + delta));
        session.selectedTokenProperty().set(new TokenRef(lane, index));
    }

    /** How lanes apply their results; the view sets a {@link PulseResultQueue}. Default: at once. */
    public void setResultQueue(ResultQueue queue) {
        results = Objects.requireNonNull(queue);
        lanes.forEach(lane -> lane.setResultQueue(queue));
    }

    public SessionModel session() {
        return session;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The lanes, in order; change them with {@link #addLane} and {@link #removeLane}. */
    public ObservableList<LaneViewModel> lanes() {
        return lanesView;
    }

    public ObservableList<String> tokenizerChoices() {
        return choices;
    }

    /** True while any lane waits for a result; the screenshot mode waits for it to turn false. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Text, raw pieces or hex bytes. */
    public ObjectProperty<ChipMode> chipModeProperty() {
        return chipMode;
    }

    /** Colour by position or by id. */
    public ObjectProperty<ColourMode> colourModeProperty() {
        return colourMode;
    }

    /** The theme chosen in the menu; presentation mode overrides it while on. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Large type, high contrast, full screen, secondary chrome hidden. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The stylesheet the scene should use now. */
    public Theme effectiveTheme() {
        return presentation.get() ? Theme.PRESENTATION : theme.get();
    }
}
