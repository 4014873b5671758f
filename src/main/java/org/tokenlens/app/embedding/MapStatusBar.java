package org.tokenlens.app.embedding;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The map's status bar: progress and the live t-SNE iteration while busy, the status line (wraps rather than
 * ending in "…"), errors, export failures, the hovered point, and a note when no lane is linked.
 */
final class MapStatusBar extends HBox {

    MapStatusBar(EmbeddingViewModel vm, Label exportStatus) {
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label klLabel = new Label();
        klLabel.setId("kl");
        klLabel.getStyleClass().add("kl-label");
        klLabel.textProperty().bind(Bindings.createStringBinding(() -> Double.isNaN(vm.klProperty().get()) ? ""
                : String.format(Locale.ROOT, "iteration %d · KL %.3f", vm.iterationProperty().get(),
                vm.klProperty().get()), vm.klProperty(), vm.iterationProperty()));
        // live while t-SNE runs; once done the status line carries the final KL (the label was cut to "KL...")
        klLabel.visibleProperty().bind(vm.busyProperty());
        klLabel.managedProperty().bind(klLabel.visibleProperty());
        klLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("map-status");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("error");
        error.getStyleClass().add("map-error");
        error.textProperty().bind(vm.errorProperty());
        // which lane the path follows sits in the form; only its absence ("No bert-base-uncased lane…") is news
        // for the status bar, where the note shrank the status to "…" in presentation type
        Label noLane = new Label();
        noLane.setId("noLaneNote");
        noLane.getStyleClass().add("lane-note");
        noLane.textProperty().bind(vm.laneNoteProperty());
        noLane.visibleProperty().bind(vm.laneProperty().isNull());
        noLane.managedProperty().bind(noLane.visibleProperty());
        noLane.setMinWidth(0);
        Label hover = new Label();
        hover.setId("hoverText");
        hover.getStyleClass().add("hover-text");
        hover.textProperty().bind(vm.hoverTextProperty());
        // the status takes the spare width and wraps (a UMAP note or PCA's variance once ended in "…" in
        // presentation type)
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        getChildren().addAll(progress, klLabel, status, error, exportStatus, hover, noLane);
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add("map-status-bar");
    }
}
