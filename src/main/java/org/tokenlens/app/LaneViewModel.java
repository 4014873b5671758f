package org.tokenlens.app;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.app.task.TaskRunner.TaskHandle;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * One tokenizer lane: which tokenizer, and the latest encoding of the text with it. Every change (text or
 * tokenizer) submits one task; only the newest request's result is published, so a slow encode of an older
 * keystroke can never overwrite a newer one.
 */
public final class LaneViewModel {

    private final Function<String, Tokenizer> loader;
    private final TaskRunner runner;

    private final StringProperty tokenizerName = new SimpleStringProperty(this, "tokenizerName");
    private final ReadOnlyObjectWrapper<Encoding> encoding = new ReadOnlyObjectWrapper<>(this, "encoding");
    private final ReadOnlyObjectWrapper<Tokenizer> tokenizer = new ReadOnlyObjectWrapper<>(this, "tokenizer");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private String text;
    /** Sequence number of the newest request; results carrying an older one are stale. */
    private long latestRequest;
    private TaskHandle pending;
    /** The last tokenizer that loaded, to fall back to when the user picks one that does not. */
    private String lastGoodName;
    /** A tokenizer that failed to load; not retried on every keystroke (one error dialog, not one per key). */
    private String failedName;

    /**
     * @param loader loads a tokenizer by spec, throwing {@code TokenizerException} with a one-line message;
     *               called on the runner's thread, so it must be thread-safe (the registry is)
     */
    public LaneViewModel(Function<String, Tokenizer> loader, TaskRunner runner, String initialTokenizer,
                         String initialText) {
        this.loader = Objects.requireNonNull(loader);
        this.runner = Objects.requireNonNull(runner);
        this.text = Objects.requireNonNull(initialText);
        tokenizerName.set(initialTokenizer);
        tokenizerName.addListener((obs, old, name) -> {
            failedName = null;
            request();
        });
        request();
    }

    /** Called by the owner for every edit of the text. */
    void setText(String newText) {
        text = Objects.requireNonNull(newText);
        if (!Objects.equals(tokenizerName.get(), failedName)) {
            request();
        }
    }

    private void request() {
        String name = tokenizerName.get();
        if (pending != null) {
            pending.cancel();
        }
        if (name == null || name.isBlank()) {
            pending = null;
            busy.set(false);
            publish(null);
            return;
        }
        long request = ++latestRequest;
        String snapshot = text;
        busy.set(true);
        pending = runner.run(() -> {
                    Tokenizer t = loader.apply(name);
                    return new Loaded(t, t.encode(snapshot));
                },
                result -> {
                    if (request == latestRequest) {
                        lastGoodName = name;
                        busy.set(false);
                        tokenizer.set(result.tokenizer());
                        publish(result.encoding());
                    }
                },
                failure -> {
                    if (request == latestRequest) {
                        busy.set(false);
                        fail(name, failure);
                    }
                });
    }

    /** A tokenizer and its encoding of the text, handed from the worker to the FX thread together. */
    private record Loaded(Tokenizer tokenizer, Encoding encoding) {
    }

    private void fail(String name, Throwable failure) {
        failedName = name;
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        error.set(message.strip().replaceAll("\\s*\\R\\s*", "; "));
        if (lastGoodName != null && !lastGoodName.equals(name)) {
            tokenizerName.set(lastGoodName); // the text and the old tokens stay; the listener re-encodes
        } else {
            encoding.set(null);
            summary.set("not loaded");
        }
    }

    private void publish(Encoding result) {
        encoding.set(result);
        summary.set(result == null ? "" : summarize(result));
    }

    /** "7 tokens · 2.29 chars/token"; characters are code points, as a user counts them. */
    static String summarize(Encoding e) {
        int tokens = e.size();
        String count = tokens + (tokens == 1 ? " token" : " tokens");
        if (tokens == 0) {
            return count;
        }
        double perToken = (double) e.text().codePointCount(0, e.text().length()) / tokens;
        return count + String.format(Locale.ROOT, " · %.2f chars/token", perToken);
    }

    /** The view calls this once it has shown the error, so the same message can be reported again later. */
    public void acknowledgeError() {
        error.set(null);
    }

    public StringProperty tokenizerNameProperty() {
        return tokenizerName;
    }

    public ReadOnlyObjectProperty<Encoding> encodingProperty() {
        return encoding.getReadOnlyProperty();
    }

    /** The tokenizer that produced {@link #encodingProperty()}; null before the first result. */
    public ReadOnlyObjectProperty<Tokenizer> tokenizerProperty() {
        return tokenizer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The latest failure as one line, or null; cleared by {@link #acknowledgeError()}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
