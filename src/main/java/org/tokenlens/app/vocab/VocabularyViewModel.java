package org.tokenlens.app.vocab;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tokenlens.app.detail.VocabularyToken;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.app.task.TaskRunner.TaskHandle;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.app.vocab.VocabularySearch.Field;
import org.tokenlens.app.vocab.VocabularySearch.Sort;

/**
 * The vocabulary browser's state: the rows of one tokenizer's vocabulary, filtered by a regex over the piece or
 * the decoded text, in the chosen order. Loading and searching run through the {@link TaskRunner}; a newer
 * request cancels the older one (its loop stops, its result is dropped).
 */
public final class VocabularyViewModel {

    private final TaskRunner runner;
    private final Consumer<VocabularyToken> onOpen;

    private final ObjectProperty<Tokenizer> tokenizer = new SimpleObjectProperty<>(this, "tokenizer");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<Field> field = new SimpleObjectProperty<>(this, "field", Field.PIECE);
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(this, "sort", Sort.ID);
    private final ObservableList<VocabularyEntry> results = FXCollections.observableArrayList();
    private final ObservableList<VocabularyEntry> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No tokenizer");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper hasRanks = new ReadOnlyBooleanWrapper(this, "hasRanks");
    private final ReadOnlyBooleanWrapper queryInvalid = new ReadOnlyBooleanWrapper(this, "queryInvalid");

    private List<VocabularyEntry> entries = List.of();
    private Running loading;
    private Running searching;

    /** A submitted task and the flag its loop polls. */
    private record Running(TaskHandle handle, AtomicBoolean cancelled) {
        void cancel() {
            cancelled.set(true);
            handle.cancel();
        }
    }

    /** @param onOpen receives the entry the user opens (double-click, Enter): show its detail */
    public VocabularyViewModel(TaskRunner runner, Consumer<VocabularyToken> onOpen) {
        this.runner = runner;
        this.onOpen = onOpen;
        tokenizer.addListener((obs, old, now) -> {
            if (now != old) {
                load(now);
            }
        });
        query.addListener((obs, old, now) -> search());
        field.addListener((obs, old, now) -> search());
        sort.addListener((obs, old, now) -> search());
    }

    private void load(Tokenizer t) {
        cancel(loading);
        cancel(searching);
        entries = List.of();
        results.clear();
        hasRanks.set(false);
        if (t == null) {
            busy.set(false);
            status.set("No tokenizer");
            return;
        }
        busy.set(true);
        status.set("Loading the vocabulary of " + t.name() + "…");
        AtomicBoolean cancelled = new AtomicBoolean();
        loading = new Running(runner.run(() -> VocabularySearch.entries(t, cancelled::get), loaded -> {
            entries = loaded;
            hasRanks.set(VocabularySearch.hasRanks(loaded));
            search();
        }, this::failed), cancelled);
    }

    private void search() {
        cancel(searching);
        if (tokenizer.get() == null || (entries.isEmpty() && busy.get())) {
            return; // the load in flight searches when it lands
        }
        Pattern pattern;
        try {
            String q = query.get();
            pattern = q == null || q.isEmpty() ? null : Pattern.compile(q);
            queryInvalid.set(false);
        } catch (PatternSyntaxException e) {
            queryInvalid.set(true);
            status.set("Invalid regex: " + e.getDescription() + " near index " + e.getIndex());
            return;
        }
        List<VocabularyEntry> all = entries;
        Field f = field.get();
        Sort s = sort.get();
        busy.set(true);
        status.set("Searching…");
        AtomicBoolean cancelled = new AtomicBoolean();
        searching = new Running(runner.run(() -> VocabularySearch.filter(all, pattern, f, s, cancelled::get),
                found -> {
                    results.setAll(found);
                    status.set(String.format(Locale.ROOT, "%,d of %,d entries", found.size(), all.size()));
                    busy.set(false); // last: a listener waiting for idle sees the rows and the count
                }, this::failed), cancelled);
    }

    private void failed(Throwable t) {
        if (t instanceof CancellationException) {
            return;
        }
        busy.set(false);
        status.set("Cannot read the vocabulary: " + t.getMessage());
    }

    private static void cancel(Running r) {
        if (r != null) {
            r.cancel();
        }
    }

    /** Show the entry's detail. */
    public void open(VocabularyEntry entry) {
        if (entry != null && tokenizer.get() != null) {
            onOpen.accept(new VocabularyToken(tokenizer.get(), entry.id()));
        }
    }

    public ObjectProperty<Tokenizer> tokenizerProperty() {
        return tokenizer;
    }

    /** A Java regex, found anywhere in the field (anchor with ^ and $); empty shows every entry. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Field> fieldProperty() {
        return field;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public ObservableList<VocabularyEntry> results() {
        return readOnlyResults;
    }

    /** "1,234 of 100,277 entries", "Searching…", or why not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the vocabulary has merge ranks (BPE); the rank column is shown only then. */
    public ReadOnlyBooleanProperty hasRanksProperty() {
        return hasRanks.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty queryInvalidProperty() {
        return queryInvalid.getReadOnlyProperty();
    }
}
