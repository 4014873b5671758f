package org.tokenlens.app;

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
import java.util.BitSet;
import org.tokenlens.app.chips.ChipData;
import org.tokenlens.app.chips.ChipWidths;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.chips.TokenMarks;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.app.task.TaskRunner.TaskHandle;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;
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
    private final ReadOnlyObjectWrapper<ChipData> chipData = new ReadOnlyObjectWrapper<>(this, "chipData");
    /** Chip widths by token id, kept across keystrokes and tokenizer changes (entries check what they are for). */
    private final ChipWidths.Cache widthCache = new ChipWidths.Cache();
    private final ReadOnlyObjectWrapper<LaneStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ReadOnlyObjectWrapper<BitSet> boundaryDiff = new ReadOnlyObjectWrapper<>(this, "boundaryDiff");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private String text;
    /** The result on show (tokenizer, encoding, chips, stats, boundaries), or null. */
    private Loaded shown;
    /** What the chips show; the worker estimates chip widths for it. */
    private ChipMode chipMode = ChipMode.TEXT;
    /** Sequence number of the newest request; results carrying an older one are stale. */
    private long latestRequest;
    private TaskHandle pending;
    /** Where results are applied: at once, or at most once per pulse in the window. */
    private ResultQueue results = ResultQueue.IMMEDIATE;
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
        ChipMode mode = chipMode;
        // what the lane shows, and the tokenizer that made it: an edit re-encodes from it (only near the change)
        Loaded from = shown;
        if (inlineShown() != null && name.equals(lastGoodName) && from.chipData().mode() == mode
                && TextEdit.between(from.encoding().text(), snapshot).changed() <= INLINE_MAX_CHARS) {
            // a keystroke: re-encoding near it costs well under a millisecond, less than the hop to a worker and
            // back — the chips change in the same frame as the editor's text
            Loaded result;
            try {
                result = load(from.tokenizer(), from, snapshot, mode, widthCache, false);
            } catch (RuntimeException e) {
                result = null; // the worker repeats it and reports the failure as any other
            }
            if (result != null) {
                pending = null;
                Loaded done = result;
                results.submit(this, () -> deliver(request, name, done));
                return;
            }
        }
        busy.set(true);
        pending = runner.run(() -> {
                    Tokenizer t = loader.apply(name);
                    return load(t, from != null && from.tokenizer() == t ? from : null, snapshot, mode, widthCache,
                            true);
                },
                result -> results.submit(this, () -> deliver(request, name, result)),
                failure -> {
                    if (request == latestRequest) {
                        busy.set(false);
                        fail(name, failure);
                    }
                });
    }

    /** Up to this many tokens shown, an edit of up to {@link #INLINE_MAX_CHARS} is re-encoded on the FX thread. */
    private static final int INLINE_MAX_TOKENS = 150_000;
    private static final int INLINE_MAX_CHARS = 256;

    /**
     * What the lane shows, if a keystroke on it is re-encoded on the FX thread (its tokenizer edits incrementally,
     * and it is not too long; {@link #request} adds the keystroke's own conditions), else null.
     */
    Loaded inlineShown() {
        Loaded s = shown;
        return s != null && s.tokenizer().editsIncrementally() && s.encoding().size() <= INLINE_MAX_TOKENS ? s : null;
    }

    /**
     * Encodes {@code text}, from {@code before} (this tokenizer's result for an earlier text) if not null; with the
     * boundaries for the lane comparison if {@code boundaries} (else the comparison's own task works them out);
     * chip widths through {@code widths}. What a keystroke costs a lane, and what {@link KeystrokeWarmup} runs.
     */
    static Loaded load(Tokenizer t, Loaded before, String text, ChipMode mode, ChipWidths.Cache widths,
                       boolean boundaries) {
        int unknown = TokenMarks.unknownId(t);
        if (before == null) {
            Encoding e = t.encode(text);
            ChipData data = ChipData.of(e, unknown, mode, widths);
            return new Loaded(t, e, data, LaneStats.of(e, data.marks()), boundaries ? BoundaryDiff.of(e) : null);
        }
        Encoding e = t.encodeEdited(before.encoding(), text);
        ChipData data = ChipData.edited(before.chipData(), e, unknown, mode, widths);
        return new Loaded(t, e, data, LaneStats.edited(before.stats(), before.encoding().text(), e, data.marks()),
                boundaries ? BoundaryDiff.of(e) : null);
    }

    private void deliver(long request, String name, Loaded result) {
        if (request == latestRequest) { // a newer request may have been made while this waited
            lastGoodName = name;
            tokenizer.set(result.tokenizer());
            publish(result);
            // idle only once the result is out: the owner compares lanes when none is busy, and an idle lane
            // still showing the old text would sit that comparison out — every other lane's boundary marks
            // would clear and come back within the same pulse
            busy.set(false);
        }
    }

    /** A tokenizer, its encoding of the text and what the chips need, handed to the FX thread together. */
    record Loaded(Tokenizer tokenizer, Encoding encoding, ChipData chipData, LaneStats stats,
                          BoundaryDiff.Boundaries boundaries) {
    }

    private void fail(String name, Throwable failure) {
        failedName = name;
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        error.set(message.strip().replaceAll("\\s*\\R\\s*", "; "));
        if (lastGoodName != null && !lastGoodName.equals(name)) {
            tokenizerName.set(lastGoodName); // the text and the old tokens stay; the listener re-encodes
        } else {
            publish(null);
            summary.set("not loaded");
        }
    }

    /** All derived values first, the encoding last: a listener on the encoding sees a consistent lane. */
    private void publish(Loaded result) {
        shown = result;
        chipData.set(result == null ? null : result.chipData());
        stats.set(result == null ? null : result.stats());
        summary.set(result == null ? "" : result.stats().summary());
        encoding.set(result == null ? null : result.encoding());
    }

    /** Called by the owner when the chips should show something else; re-estimates the chip widths. */
    void setChipMode(ChipMode mode) {
        if (mode != chipMode) {
            chipMode = Objects.requireNonNull(mode);
            if (!Objects.equals(tokenizerName.get(), failedName)) {
                request();
            }
        }
    }

    void setResultQueue(ResultQueue queue) {
        results = Objects.requireNonNull(queue);
    }

    /** Boundaries of the published encoding (for the owner's boundary diff), or null (none yet, or worked out by the comparison). */
    BoundaryDiff.Boundaries boundaries() {
        return shown == null ? null : shown.boundaries();
    }

    /** Set by the owner after every lane's result: tokens whose start boundary another lane lacks. */
    void setBoundaryDiff(BitSet tokens) {
        boundaryDiff.set(tokens);
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

    /** Marks, clusters and chip widths of {@link #encodingProperty()}; published just before it. */
    public ReadOnlyObjectProperty<ChipData> chipDataProperty() {
        return chipData.getReadOnlyProperty();
    }

    /** Tokens, chars/token, bytes/token, unknown and byte-fallback counts of the latest encoding. */
    public ReadOnlyObjectProperty<LaneStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** Tokens whose start boundary another lane lacks; empty with one lane. */
    public ReadOnlyObjectProperty<BitSet> boundaryDiffProperty() {
        return boundaryDiff.getReadOnlyProperty();
    }

    /** "7 tokens · 2.29 chars/token"; characters are code points, as a user counts them. */
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
