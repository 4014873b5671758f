package org.tokenlens.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * The first window's state: the text and one lane per tokenizer. Knows no controls; a test drives it with
 * {@link org.tokenlens.app.task.CurrentThreadTaskRunner} and a fake loader, without a stage.
 */
public final class TokenizationViewModel {

    public static final String DEFAULT_TEXT = "This is a input.";

    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final ObservableList<LaneViewModel> lanes;
    private final ObservableList<String> choices;
    private final BooleanBinding busy;

    /**
     * @param loader     loads a tokenizer by spec (the registry's {@code load}); called off the UI thread
     * @param choices    names offered in the tokenizer pickers (the bundled names)
     * @param tokenizers one lane per name, in order
     */
    public TokenizationViewModel(Function<String, Tokenizer> loader, TaskRunner runner, List<String> choices,
                                 List<String> tokenizers, String initialText) {
        text.set(initialText);
        List<LaneViewModel> created = new ArrayList<>();
        for (String name : tokenizers) {
            created.add(new LaneViewModel(loader, runner, name, initialText));
        }
        this.lanes = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(created));
        this.choices = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(choices));
        text.addListener((obs, old, now) -> lanes.forEach(lane -> lane.setText(now == null ? "" : now)));
        this.busy = Bindings.createBooleanBinding(() -> lanes.stream().anyMatch(l -> l.busyProperty().get()),
                lanes.stream().map(LaneViewModel::busyProperty).toArray(Observable[]::new));
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<LaneViewModel> lanes() {
        return lanes;
    }

    public ObservableList<String> tokenizerChoices() {
        return choices;
    }

    /** True while any lane waits for a result; the screenshot mode waits for it to turn false. */
    public BooleanBinding busyProperty() {
        return busy;
    }
}
