package org.tokenlens.app;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tokenlens.app.chips.ChipStrip;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.sources.TokenizerFiles;

/**
 * One lane: tokenizer picker, counts and a remove button above the chips. Binds to a {@link LaneViewModel} and
 * the shared {@link SessionModel}; computes nothing.
 */
final class LaneView extends VBox {

    private final LaneViewModel viewModel;
    private final TokenizationViewModel owner;
    private final ComboBox<String> picker = new ComboBox<>();
    private final Label summary = new Label();
    private final Label details = new Label();
    private final Button remove = new Button("✕");
    private final ChipStrip chips = new ChipStrip();

    LaneView(LaneViewModel viewModel, TokenizationViewModel owner) {
        this.viewModel = viewModel;
        this.owner = owner;
        picker.setItems(owner.tokenizerChoices());
        createView();
        initBindings();
    }

    private void createView() {
        getStyleClass().add("lane");
        setSpacing(4);
        setPadding(new Insets(8, 10, 6, 14));
        // Editable so a path to a tokenizer.json or .tiktoken file can be typed in.
        picker.setEditable(true);
        picker.setPrefWidth(260);
        picker.setMinWidth(Region.USE_PREF_SIZE); // the lane's name matters more than its counts
        picker.getStyleClass().add("tokenizer-picker");
        picker.setConverter(new ShortNames());
        summary.getStyleClass().add("lane-summary");
        details.getStyleClass().addAll("lane-details", "secondary");
        remove.getStyleClass().addAll("remove-lane", "secondary");
        remove.setTooltip(new Tooltip("Remove this lane"));
        remove.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, picker, summary, details, spacer, remove);
        header.getStyleClass().add("lane-header");
        header.setAlignment(Pos.CENTER_LEFT);
        chips.setMaxWidth(Double.MAX_VALUE);
        chips.setMinHeight(60);
        VBox.setVgrow(chips, Priority.ALWAYS);
        getChildren().addAll(header, chips);
    }

    private void initBindings() {
        SessionModel session = owner.session();
        picker.valueProperty().bindBidirectional(viewModel.tokenizerNameProperty());
        picker.tooltipProperty().bind(Bindings.createObjectBinding(() -> picker.getValue() == null ? null
                : new Tooltip(picker.getValue()), picker.valueProperty()));
        chips.dataProperty().bind(viewModel.chipDataProperty());
        chips.colourModeProperty().bind(owner.colourModeProperty());
        chips.boundaryDiffProperty().bind(viewModel.boundaryDiffProperty());
        summary.textProperty().bind(Bindings.when(viewModel.busyProperty()
                .and(viewModel.encodingProperty().isNull())).then("loading…").otherwise(viewModel.summaryProperty()));
        details.textProperty().bind(Bindings.createStringBinding(() -> {
            LaneStats stats = viewModel.statsProperty().get();
            if (stats == null) {
                return "";
            }
            var diff = viewModel.boundaryDiffProperty().get();
            int differing = diff == null ? 0 : diff.cardinality();
            if (owner.lanes().size() < 2) {
                return stats.details();
            }
            return stats.details() + " · " + differing + (differing == 1 ? " boundary differs" : " boundaries differ");
        }, viewModel.statsProperty(), viewModel.boundaryDiffProperty(), owner.lanes()));
        chips.selectedTokenProperty().bind(indexIn(session.selectedTokenProperty()));
        chips.hoveredTokenProperty().bind(indexIn(session.hoveredTokenProperty()));
        chips.coveredTokensProperty().bind(Bindings.createObjectBinding(
                () -> TokenizationViewModel.coveredTokens(viewModel.encodingProperty().get(),
                        session.editorSelectionProperty().get()),
                viewModel.encodingProperty(), session.editorSelectionProperty()));
        chips.onTokenClickedProperty().set(token -> session.selectedTokenProperty().set(new TokenRef(viewModel, token)));
        chips.onTokenHoveredProperty().set(token ->
                session.hoveredTokenProperty().set(token < 0 ? null : new TokenRef(viewModel, token)));
        remove.setOnAction(e -> owner.removeLane(viewModel));
        TokenizationView.hideWhenPresenting(details, owner);
        TokenizationView.hideWhenPresenting(remove, owner);
    }

    /**
     * The picker shows a path by its short name ({@link TokenizerFiles#displayName}); the lane's value stays the
     * full spec. Text committed from the editor that is the short name of the lane's own spec or of an offered
     * one means that spec; anything else is a name or path typed in.
     */
    private final class ShortNames extends StringConverter<String> {
        @Override
        public String toString(String spec) {
            return TokenizerFiles.displayName(spec);
        }

        @Override
        public String fromString(String text) {
            String current = picker.getValue();
            if (current != null && Objects.equals(TokenizerFiles.displayName(current), text)) {
                return current;
            }
            for (String offered : picker.getItems()) {
                if (Objects.equals(TokenizerFiles.displayName(offered), text)) {
                    return offered;
                }
            }
            return text;
        }
    }

    /** The token index of a reference into this lane, else -1. */
    private javafx.beans.binding.IntegerBinding indexIn(javafx.beans.property.ObjectProperty<TokenRef> ref) {
        return Bindings.createIntegerBinding(() -> ref.get() != null && ref.get().lane() == viewModel
                ? ref.get().index() : -1, ref);
    }

    LaneViewModel viewModel() {
        return viewModel;
    }

    ComboBox<String> picker() {
        return picker;
    }

    ChipStrip chips() {
        return chips;
    }

    /** Let go of the shared model's listeners when the lane is removed. */
    void dispose() {
        chips.selectedTokenProperty().unbind();
        chips.hoveredTokenProperty().unbind();
        chips.coveredTokensProperty().unbind();
        details.textProperty().unbind();
        details.visibleProperty().unbind();
        details.managedProperty().unbind();
        remove.visibleProperty().unbind();
        remove.managedProperty().unbind();
    }
}
