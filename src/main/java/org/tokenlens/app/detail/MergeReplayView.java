package org.tokenlens.app.detail;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The BPE replay: the word's symbols as boxes, the pair about to merge outlined, the box it fused into filled;
 * reset / back / play-pause / forward and a speed slider. A timeline calls {@link MergeReplayViewModel#tick()}.
 */
public final class MergeReplayView extends VBox {

    private final MergeReplayViewModel viewModel;
    private final Label caption = new Label();
    private final FlowPane symbols = new FlowPane();
    private final Button reset = new Button("⏮ reset");
    private final Button back = new Button("◀ back");
    private final Button play = new Button();
    private final Button forward = new Button("step ▶");
    private final Slider speed = new Slider(MergeReplayViewModel.MIN_SPEED, MergeReplayViewModel.MAX_SPEED, 2);
    private final Label stepLabel = new Label();
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1)));

    public MergeReplayView(MergeReplayViewModel viewModel) {
        this.viewModel = viewModel;
        createView();
        initBindings();
    }

    private void createView() {
        getStyleClass().add("merge-replay");
        caption.getStyleClass().add("replay-caption");
        symbols.getStyleClass().add("symbol-row");
        reset.setId("replayReset");
        back.setId("replayBack");
        play.setId("replayPlay");
        forward.setId("replayForward");
        speed.setId("replaySpeed");
        reset.setTooltip(new Tooltip("Back to the initial symbols"));
        back.setTooltip(new Tooltip("Previous merge (←)"));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        forward.setTooltip(new Tooltip("Next merge (→)"));
        speed.setTooltip(new Tooltip("Merges per second"));
        speed.setPrefWidth(140);
        stepLabel.getStyleClass().add("replay-step");
        Label speedLabel = new Label("speed");
        speedLabel.getStyleClass().add("fact-label");
        HBox controls = new HBox(6, reset, back, play, forward, stepLabel, speedLabel, speed);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("replay-controls");
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        getChildren().addAll(caption, symbols, controls);
    }

    private void initBindings() {
        caption.textProperty().bind(viewModel.captionProperty());
        play.textProperty().bind(Bindings.when(viewModel.playingProperty()).then("⏸ pause").otherwise("▶ play"));
        stepLabel.textProperty().bind(Bindings.format("%d / %d", viewModel.stepProperty(),
                viewModel.stepCountProperty()));
        speed.valueProperty().bindBidirectional(viewModel.speedProperty());
        // set, not bound: playFromStart() sets the rate itself and throws on a bound one
        timeline.setRate(viewModel.speedProperty().get());
        viewModel.speedProperty().addListener((obs, old, now) -> timeline.setRate(now.doubleValue()));
        back.disableProperty().bind(viewModel.stepProperty().isEqualTo(0));
        reset.disableProperty().bind(viewModel.stepProperty().isEqualTo(0));
        forward.disableProperty().bind(viewModel.stepProperty().isEqualTo(viewModel.stepCountProperty()));
        play.disableProperty().bind(viewModel.stepCountProperty().isEqualTo(0));
        reset.setOnAction(e -> viewModel.reset());
        back.setOnAction(e -> viewModel.stepBack());
        play.setOnAction(e -> viewModel.togglePlay());
        forward.setOnAction(e -> viewModel.stepForward());
        viewModel.playingProperty().addListener((obs, was, now) -> {
            if (now) {
                timeline.playFromStart();
            } else {
                timeline.stop();
            }
        });
        viewModel.symbolsProperty().addListener((obs, old, now) -> drawSymbols());
        viewModel.pairPositionProperty().addListener((obs, old, now) -> drawSymbols());
        drawSymbols();
    }

    private void drawSymbols() {
        List<String> list = viewModel.symbolsProperty().get();
        int pair = viewModel.pairPositionProperty().get();
        int fused = viewModel.fusedPositionProperty().get();
        symbols.getChildren().clear();
        for (int i = 0; i < list.size(); i++) {
            SymbolBox box = new SymbolBox(list.get(i), null);
            if (i == pair || i == pair + 1) {
                box.getStyleClass().add(i == pair ? "pair-left" : "pair-right");
            }
            if (i == fused) {
                box.getStyleClass().add("fused");
            }
            symbols.getChildren().add(box);
        }
    }
}
