package org.tokenlens.app.detail;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
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
    private final FactColumns facts = new FactColumns();
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
        facts.setGaps(12, 3, 28);
        facts.setId("detailFacts");
        traceStatus.getStyleClass().add("trace-status");
        traceStatus.setWrapText(true);
        traceArea.getStyleClass().add("trace-area");
        traceArea.setId("detailTrace");
        ScrollPane traceScroll = new ScrollPane(traceArea);
        traceScroll.setFitToWidth(true);
        traceScroll.getStyleClass().add("trace-scroll");
        VBox left = new VBox(8, heading, facts) {
            @Override
            public javafx.geometry.Orientation getContentBias() {
                return javafx.geometry.Orientation.VERTICAL;
            }

            @Override
            protected double computePrefWidth(double height) {
                if (height < 0) {
                    return super.computePrefWidth(height);
                }
                // the facts get what the heading leaves, and take as many columns as that height needs
                double rest = height - snappedTopInset() - snappedBottomInset() - heading.prefHeight(-1) - getSpacing();
                return snappedLeftInset() + snappedRightInset()
                        + Math.max(heading.prefWidth(-1), facts.prefWidth(Math.max(0, rest)));
            }
        };
        left.getStyleClass().add("facts-column");
        left.setMinWidth(330);
        // as wide as the facts' columns: one at normal type, more where large type would not fit the pane's height
        setLeft(left);
        setCenter(traceScroll);
        setMargin(traceScroll, new Insets(0, 0, 0, 24)); // the facts' last column ends where the trace begins
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
        facts.clear();
        heading.setText(f == null ? "Token detail" : f.heading());
        if (f == null) {
            return;
        }
        for (TokenFacts.Row r : f.rows()) {
            Label label = new Label(r.label());
            label.getStyleClass().add("fact-label");
            label.setMinWidth(USE_PREF_SIZE); // large type (presentation) must not elide the labels
            Label value = new Label(r.value());
            value.getStyleClass().addAll("fact-value", "fact-" + r.label().toLowerCase().replace("-", ""));
            facts.add(label, value);
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
