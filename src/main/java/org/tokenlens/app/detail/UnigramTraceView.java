package org.tokenlens.app.detail;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.tokenlens.engine.tokenize.Trace;

/** Unigram's Viterbi best path: each piece with its log-probability, and the path's total. */
final class UnigramTraceView extends VBox {

    UnigramTraceView(Trace.Unigram trace) {
        getStyleClass().add("unigram-trace");
        Label caption = new Label(String.format(Locale.ROOT,
                "Best path through ‘%s’: %d pieces, total log-probability %.3f",
                trace.word(), trace.path().size(), trace.totalScore()));
        caption.getStyleClass().add("replay-caption");
        FlowPane path = new FlowPane();
        path.getStyleClass().add("symbol-row");
        for (Trace.UnigramPiece piece : trace.path()) {
            SymbolBox box = new SymbolBox(piece.piece(), String.format(Locale.ROOT, "%.3f", piece.score()));
            box.getStyleClass().add(piece.unknown() ? "unknown" : "matched");
            path.getChildren().add(box);
        }
        getChildren().addAll(caption, path);
    }
}
