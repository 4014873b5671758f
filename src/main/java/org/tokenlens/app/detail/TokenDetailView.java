package org.tokenlens.app.detail;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tokenlens.engine.tokenize.Trace;

/**
 * The token detail pane: a facts grid on the left, the trace on the right (BPE replay, WordPiece steps, Unigram
 * path, or one box). Space plays/pauses the replay and ←/→ step it while the pane has the focus.
 */
public final class TokenDetailView extends BorderPane {

    private final TokenDetailViewModel viewModel;
    private final Label heading = new Label();
    private final GridPane facts = new GridPane();
    private final StackPane traceArea = new StackPane();
    private final Label traceStatus = new Label();
    private final MergeReplayView replayView;

    public TokenDetailView(TokenDetailViewModel viewModel) {
        this.viewModel = viewModel;
        this.replayView = new MergeReplayView(viewModel.replay());
        createView();
        initBindings();
    }

    private void createView() {
        getStyleClass().add("token-detail");
        getStylesheets().add(TokenDetailView.class.getResource("token-detail.css").toExternalForm());
        setFocusTraversable(true);
        heading.getStyleClass().add("detail-heading");
        heading.setId("detailHeading");
        heading.setWrapText(true);
        facts.getStyleClass().add("facts");
        facts.setHgap(12);
        facts.setVgap(3);
        facts.setId("detailFacts");
        traceStatus.getStyleClass().add("trace-status");
        traceStatus.setWrapText(true);
        traceArea.getStyleClass().add("trace-area");
        traceArea.setId("detailTrace");
        ScrollPane traceScroll = new ScrollPane(traceArea);
        traceScroll.setFitToWidth(true);
        traceScroll.getStyleClass().add("trace-scroll");
        VBox left = new VBox(8, heading, facts);
        left.getStyleClass().add("facts-column");
        left.setMinWidth(330);
        left.setPrefWidth(420);
        setLeft(left);
        setCenter(traceScroll);
        setPadding(new Insets(10, 14, 10, 14));
    }

    private void initBindings() {
        viewModel.factsProperty().addListener((obs, old, now) -> drawFacts(now));
        viewModel.traceProperty().addListener((obs, old, now) -> drawTrace());
        viewModel.traceStatusProperty().addListener((obs, old, now) -> drawTrace());
        traceStatus.textProperty().bind(viewModel.traceStatusProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMouseClicked(e -> requestFocus());
        drawFacts(viewModel.factsProperty().get());
        drawTrace();
    }

    private void onKey(KeyEvent e) {
        if (!(viewModel.traceProperty().get() instanceof Trace.Bpe) || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        MergeReplayViewModel replay = viewModel.replay();
        if (e.getCode() == KeyCode.SPACE) {
            replay.togglePlay();
        } else if (e.getCode() == KeyCode.LEFT) {
            replay.stepBack();
        } else if (e.getCode() == KeyCode.RIGHT) {
            replay.stepForward();
        } else {
            return;
        }
        e.consume();
    }

    private void drawFacts(TokenFacts f) {
        facts.getChildren().clear();
        heading.setText(f == null ? "Token detail" : f.heading());
        if (f == null) {
            return;
        }
        int row = 0;
        for (TokenFacts.Row r : f.rows()) {
            Label label = new Label(r.label());
            label.getStyleClass().add("fact-label");
            label.setMinWidth(USE_PREF_SIZE); // large type (presentation) must not elide the labels
            Label value = new Label(r.value());
            value.getStyleClass().addAll("fact-value", "fact-" + r.label().toLowerCase().replace("-", ""));
            facts.addRow(row++, label, value);
        }
    }

    private void drawTrace() {
        Trace trace = viewModel.traceProperty().get();
        Node content;
        if (trace instanceof Trace.Bpe) {
            content = replayView;
        } else if (trace instanceof Trace.WordPiece wp) {
            content = new WordPieceTraceView(wp);
        } else if (trace instanceof Trace.Unigram u) {
            content = new UnigramTraceView(u);
        } else if (trace instanceof Trace.Single s) {
            Label caption = new Label("‘" + s.word() + "’ maps to one id without a split");
            caption.getStyleClass().add("replay-caption");
            SymbolBox box = new SymbolBox(s.piece(), "id " + s.id());
            box.getStyleClass().add("matched");
            content = new VBox(8, caption, box);
        } else {
            content = traceStatus;
        }
        traceArea.getChildren().setAll(content);
        StackPane.setAlignment(content, javafx.geometry.Pos.TOP_LEFT);
    }
}
