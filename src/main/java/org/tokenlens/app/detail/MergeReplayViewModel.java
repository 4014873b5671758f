package org.tokenlens.app.detail;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.tokenlens.engine.tokenize.Trace;

/**
 * Replays a BPE trace one merge at a time. Step {@code k} shows the symbols after {@code k} merges, marks the box
 * the last merge produced ({@link #fusedPositionProperty()}) and the pair the next merge will join
 * ({@link #pairPositionProperty()}), so each merge is seen first as a highlighted pair, then as its fused box.
 * Playing is a flag plus {@link #tick()}; the view's timeline calls tick at {@link #speedProperty()} steps per
 * second, so the stepping logic is tested without a clock.
 */
public final class MergeReplayViewModel {

    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 8;

    private Trace.Bpe trace;
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step");
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(this, "stepCount");
    private final ReadOnlyObjectWrapper<List<String>> symbols =
            new ReadOnlyObjectWrapper<>(this, "symbols", List.of());
    private final ReadOnlyIntegerWrapper pairPosition = new ReadOnlyIntegerWrapper(this, "pairPosition", -1);
    private final ReadOnlyIntegerWrapper fusedPosition = new ReadOnlyIntegerWrapper(this, "fusedPosition", -1);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 2);

    public MergeReplayViewModel() {
        playing.addListener((obs, was, now) -> {
            if (now && (trace == null || atEnd())) {
                if (trace != null && stepCount.get() > 0) {
                    goTo(0); // play from the end starts over, as a media player does
                } else {
                    playing.set(false);
                }
            }
        });
    }

    /** Show {@code bpe} from its initial symbols (null clears); stops playing. */
    public void load(Trace.Bpe bpe) {
        playing.set(false);
        trace = bpe;
        stepCount.set(bpe == null ? 0 : bpe.merges().size());
        goTo(0);
    }

    public void stepForward() {
        if (trace != null && !atEnd()) {
            goTo(step.get() + 1);
        }
    }

    public void stepBack() {
        playing.set(false);
        if (trace != null && step.get() > 0) {
            goTo(step.get() - 1);
        }
    }

    public void reset() {
        playing.set(false);
        goTo(0);
    }

    public void togglePlay() {
        playing.set(!playing.get());
    }

    /** One timeline beat while playing: the next merge; stops after the last. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        stepForward();
        if (atEnd()) {
            playing.set(false);
        }
    }

    public boolean atEnd() {
        return step.get() >= stepCount.get();
    }

    private void goTo(int k) {
        step.set(k);
        if (trace == null) {
            symbols.set(List.of());
            pairPosition.set(-1);
            fusedPosition.set(-1);
            caption.set("");
            return;
        }
        List<Trace.Merge> merges = trace.merges();
        symbols.set(k == 0 ? trace.initial() : merges.get(k - 1).after());
        fusedPosition.set(k == 0 ? -1 : merges.get(k - 1).position());
        pairPosition.set(k < merges.size() ? merges.get(k).position() : -1);
        caption.set(describe(k));
    }

    private String describe(int k) {
        List<Trace.Merge> merges = trace.merges();
        if (merges.isEmpty()) {
            return "No merges: each symbol is already a token";
        }
        if (k < merges.size()) {
            Trace.Merge m = merges.get(k);
            return "Merge " + (k + 1) + " of " + merges.size() + ": " + quote(m.left()) + " + " + quote(m.right())
                    + " → " + quote(m.result()) + rank(m);
        }
        return "Done: " + symbols.get().size() + (symbols.get().size() == 1 ? " token" : " tokens")
                + " after " + merges.size() + (merges.size() == 1 ? " merge" : " merges");
    }

    private static String rank(Trace.Merge m) {
        return m.rank() >= 0 ? "  (rank " + m.rank() + ", id " + m.id() + ")" : "  (id " + m.id() + ")";
    }

    private static String quote(String s) {
        return "‘" + s + "’";
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    /** The symbols after {@link #stepProperty()} merges. */
    public ReadOnlyObjectProperty<List<String>> symbolsProperty() {
        return symbols.getReadOnlyProperty();
    }

    /** Index of the left symbol of the pair the next merge joins, -1 after the last merge. */
    public ReadOnlyIntegerProperty pairPositionProperty() {
        return pairPosition.getReadOnlyProperty();
    }

    /** Index of the symbol the last merge produced, -1 before the first. */
    public ReadOnlyIntegerProperty fusedPositionProperty() {
        return fusedPosition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Merges per second while playing, in [{@value #MIN_SPEED}, {@value #MAX_SPEED}]. */
    public DoubleProperty speedProperty() {
        return speed;
    }
}
