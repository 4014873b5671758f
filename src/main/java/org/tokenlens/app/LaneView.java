package org.tokenlens.app;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tokenlens.app.chips.ChipStrip;

/** One lane: tokenizer picker and summary above the chips. Binds to a {@link LaneViewModel}; computes nothing. */
final class LaneView extends VBox {

    private final LaneViewModel viewModel;
    private final ComboBox<String> picker = new ComboBox<>();
    private final Label summary = new Label();
    private final ChipStrip chips = new ChipStrip();

    LaneView(LaneViewModel viewModel, ObservableList<String> choices) {
        this.viewModel = viewModel;
        picker.setItems(choices);
        createView();
        initBindings();
    }

    private void createView() {
        getStyleClass().add("lane");
        setSpacing(8);
        setPadding(new Insets(10, 14, 12, 14));
        // Editable so a path to a tokenizer.json or .tiktoken file can be typed in.
        picker.setEditable(true);
        picker.setPrefWidth(300);
        picker.getStyleClass().add("tokenizer-picker");
        summary.getStyleClass().add("lane-summary");
        HBox header = new HBox(12, picker, summary);
        header.setAlignment(Pos.CENTER_LEFT);
        chips.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(header, chips);
    }

    private void initBindings() {
        picker.valueProperty().bindBidirectional(viewModel.tokenizerNameProperty());
        chips.encodingProperty().bind(viewModel.encodingProperty());
        summary.textProperty().bind(Bindings.when(viewModel.busyProperty()
                .and(viewModel.encodingProperty().isNull())).then("loading…").otherwise(viewModel.summaryProperty()));
    }

    ComboBox<String> picker() {
        return picker;
    }
}
