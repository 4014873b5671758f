package org.tokenlens.app.detail;

import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.app.task.TaskRunner.TaskHandle;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.Trace;

/**
 * The detail pane's state: the facts of the selected token (a chip from the session's selection, or a bare
 * vocabulary entry) and how its word was split. The trace is computed through the {@link TaskRunner} (it
 * re-encodes the text), and a result for an older selection is dropped. Whichever selection changed last wins.
 */
public final class TokenDetailViewModel {

    private final SessionModel session;
    private final TaskRunner runner;

    private final ObjectProperty<VocabularyToken> vocabularyToken =
            new SimpleObjectProperty<>(this, "vocabularyToken");
    private final ReadOnlyObjectWrapper<TokenFacts> facts = new ReadOnlyObjectWrapper<>(this, "facts");
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper traceStatus = new ReadOnlyStringWrapper(this, "traceStatus", "");
    private final MergeReplayViewModel replay = new MergeReplayViewModel();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** The lane whose encoding the shown chip belongs to; its new encodings refresh the pane. */
    private LaneViewModel watchedLane;
    private final ChangeListener<Encoding> encodingListener = (obs, old, now) -> showSelection();
    private long latestRequest;
    private TaskHandle pending;

    public TokenDetailViewModel(SessionModel session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        session.selectedTokenProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vocabularyToken.set(null);
            }
            showSelection();
        });
        vocabularyToken.addListener((obs, old, now) -> {
            if (now != null) {
                session.selectedTokenProperty().set(null);
            }
            showSelection();
        });
        showSelection();
    }

    private void showSelection() {
        VocabularyToken vocab = vocabularyToken.get();
        if (vocab != null) {
            watch(null);
            facts.set(TokenFacts.of(vocab));
            requestTrace(() -> VocabularyTrace.of(vocab.tokenizer(), vocab.id()), "");
            return;
        }
        TokenRef ref = session.selectedTokenProperty().get();
        watch(ref == null ? null : ref.lane());
        Encoding e = ref == null ? null : ref.lane().encodingProperty().get();
        Tokenizer t = ref == null ? null : ref.lane().tokenizerProperty().get();
        if (e == null || t == null || ref.index() < 0 || ref.index() >= e.size()) {
            clear(ref == null ? "Click a token to see its id, bytes, offsets and how it was split." : "");
            return;
        }
        int i = ref.index();
        facts.set(TokenFacts.of(t, e, i));
        if (e.wordIndex()[i] < 0) {
            cancelPending();
            setTrace(null, "Inserted by the post-processor: it has no text, so no split to show.");
            return;
        }
        String text = e.text();
        requestTrace(() -> t.trace(text, i), e.special()[i] ? "Special token: matched whole, never split." : "");
    }

    private void clear(String status) {
        cancelPending();
        facts.set(null);
        setTrace(null, status);
    }

    private void watch(LaneViewModel lane) {
        if (watchedLane == lane) {
            return;
        }
        if (watchedLane != null) {
            watchedLane.encodingProperty().removeListener(encodingListener);
        }
        watchedLane = lane;
        if (lane != null) {
            lane.encodingProperty().addListener(encodingListener);
        }
    }

    private void requestTrace(Callable<Optional<Trace>> work, String emptyStatus) {
        cancelPending();
        long request = ++latestRequest;
        setTrace(null, "Tracing…");
        busy.set(true);
        pending = runner.run(work, result -> {
            if (request == latestRequest) {
                setTrace(result.orElse(null), result.isPresent() ? "" : emptyStatus.isEmpty()
                        ? "No split to show for this token." : emptyStatus);
                busy.set(false); // last, so a listener waiting for idle sees the trace
            }
        }, failure -> {
            if (request == latestRequest) {
                busy.set(false);
                setTrace(null, "Cannot trace: " + failure.getMessage());
            }
        });
    }

    private void cancelPending() {
        latestRequest++;
        busy.set(false);
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void setTrace(Trace value, String status) {
        trace.set(value);
        traceStatus.set(status);
        replay.load(value instanceof Trace.Bpe bpe ? bpe : null);
    }

    /** Set by the vocabulary browser (a bare id); setting it clears the chip selection and vice versa. */
    public ObjectProperty<VocabularyToken> vocabularyTokenProperty() {
        return vocabularyToken;
    }

    /** The shown token's facts, null when nothing is selected. */
    public ReadOnlyObjectProperty<TokenFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** How the token's word was split; null while tracing or when there is nothing to show. */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** Why there is no trace (or that one is being computed); empty when a trace is shown. */
    public ReadOnlyStringProperty traceStatusProperty() {
        return traceStatus.getReadOnlyProperty();
    }

    /** True while a trace is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Step-by-step replay of a BPE trace (empty for other traces). */
    public MergeReplayViewModel replay() {
        return replay;
    }
}
