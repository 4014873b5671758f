package org.tokenlens.app;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The first window: the text above, one lane of token chips per tokenizer below, a status bar. Lays out and
 * binds to a {@link TokenizationViewModel}; errors go to the {@code errorPresenter} (a dialog in the app).
 */
public final class TokenizationView extends BorderPane {

    private final TokenizationViewModel viewModel;
    private final Consumer<String> errorPresenter;
    private final TextArea editor = new TextArea();
    private final VBox lanes = new VBox();
    private final Label status = new Label();

    public TokenizationView(TokenizationViewModel viewModel, Consumer<String> errorPresenter) {
        this.viewModel = viewModel;
        this.errorPresenter = errorPresenter;
        createView();
        initBindings();
    }

    private void createView() {
        getStyleClass().add("tokenization-view");

        Label title = new Label("TokenLens");
        title.getStyleClass().add("app-title");
        HBox toolbar = new HBox(title);
        toolbar.getStyleClass().add("app-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 14, 8, 14));
        setTop(toolbar);

        editor.getStyleClass().add("editor");
        editor.setWrapText(true);

        lanes.getStyleClass().add("lanes");
        for (LaneViewModel lane : viewModel.lanes()) {
            lanes.getChildren().add(new LaneView(lane, viewModel.tokenizerChoices()));
        }
        ScrollPane lanesScroll = new ScrollPane(lanes);
        lanesScroll.setFitToWidth(true);
        lanesScroll.getStyleClass().add("lanes-scroll");

        SplitPane split = new SplitPane(editor, lanesScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.32);
        setCenter(split);

        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 14, 4, 14));
        setBottom(statusBar);
    }

    private void initBindings() {
        editor.textProperty().bindBidirectional(viewModel.textProperty());
        status.textProperty().bind(Bindings.when(viewModel.busyProperty()).then("Tokenizing…").otherwise("Ready"));
        for (LaneViewModel lane : viewModel.lanes()) {
            lane.errorProperty().addListener((obs, old, message) -> {
                if (message != null) {
                    errorPresenter.accept(message);
                    lane.acknowledgeError();
                }
            });
        }
    }

    public TextArea editor() {
        return editor;
    }
}
