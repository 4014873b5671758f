package org.tokenlens.app.embedding;

import java.util.Locale;
import java.util.function.IntFunction;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The side panel of a clicked point: its nearest neighbours in the original space and on the map side by side,
 * the ones both lists share marked, and the share of the original neighbours the projection kept.
 */
final class NeighbourPanel extends VBox {
    private final IntFunction<String> pieces;
    private final Label title = new Label();
    private final Label kept = new Label();
    private final GridPane grid = new GridPane();

    NeighbourPanel(IntFunction<String> pieces) {
        this.pieces = pieces;
        setId("neighbourPanel");
        getStyleClass().add("neighbour-panel");
        title.getStyleClass().add("panel-title");
        kept.setId("keptShare");
        kept.getStyleClass().add("kept-share");
        kept.setWrapText(true);
        grid.getStyleClass().add("neighbour-grid");
        getChildren().addAll(title, kept, grid);
        show(null);
    }

    void show(NeighbourComparison d) {
        setVisible(d != null);
        setManaged(d != null);
        grid.getChildren().clear();
        if (d == null) {
            return;
        }
        title.setText("“" + pieces.apply(d.id()) + "”  #" + d.id());
        kept.setText(String.format(Locale.ROOT, "The map kept %d of %d original neighbours (%.0f%%)", d.kept(),
                d.originalIds().length, 100 * d.keptShare()));
        grid.add(header("original (cosine)"), 0, 0);
        grid.add(header("on the map (2-D)"), 1, 0);
        for (int j = 0; j < d.originalIds().length; j++) {
            grid.add(cell(d.originalIds()[j], String.format(Locale.ROOT, "%.3f", d.originalScores()[j]),
                    contains(d.projectedIds(), d.originalIds()[j])), 0, j + 1);
        }
        for (int j = 0; j < d.projectedIds().length; j++) {
            grid.add(cell(d.projectedIds()[j], String.format(Locale.ROOT, "%.2f", d.projectedDist()[j]),
                    contains(d.originalIds(), d.projectedIds()[j])), 1, j + 1);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        return l;
    }

    private Label cell(int id, String score, boolean shared) {
        Label l = new Label(pieces.apply(id) + "  " + score);
        l.getStyleClass().add(shared ? "neighbour-kept" : "neighbour-lost");
        return l;
    }

    private static boolean contains(int[] ids, int id) {
        for (int i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }
}
