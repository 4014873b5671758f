package org.tokenlens.app.detail;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tokenlens.engine.tokenize.Trace;

/** WordPiece's greedy longest match: per start offset, the candidates tried (struck out) and the one that matched. */
final class WordPieceTraceView extends VBox {

    WordPieceTraceView(Trace.WordPiece trace) {
        getStyleClass().add("wordpiece-trace");
        Label caption = new Label("Longest match first in " + "‘" + trace.word() + "’"
                + (trace.unknown() ? ": a position matched nothing, so the whole word is unknown" : ""));
        caption.getStyleClass().add("replay-caption");
        getChildren().add(caption);
        for (Trace.WordPieceStep step : trace.steps()) {
            Label at = new Label("at " + step.start());
            at.getStyleClass().add("fact-label");
            at.setMinWidth(50);
            FlowPane tried = new FlowPane();
            tried.getStyleClass().add("symbol-row");
            for (String candidate : step.tried()) {
                boolean hit = candidate.equals(step.matched());
                SymbolBox box = new SymbolBox(candidate, hit ? "id " + step.id() : null);
                box.getStyleClass().add(hit ? "matched" : "tried");
                tried.getChildren().add(box);
            }
            if (step.matched() == null) {
                Label none = new Label("no match");
                none.getStyleClass().add("no-match");
                tried.getChildren().add(none);
            }
            HBox row = new HBox(8, at, tried);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
    }
}
