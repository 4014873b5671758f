package org.tokenlens.app.positions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tokenlens.app.heatmap.ColorRange;
import org.tokenlens.app.heatmap.Heatmap;
import org.tokenlens.app.heatmap.LinePlot;
import org.tokenlens.app.heatmap.MatrixSource;
import org.tokenlens.app.heatmap.RowMarker;
import org.tokenlens.app.positions.PositionsExport.Format;

/**
 * The Positions tab: the kind and its parameters on top; the position × dimension heatmap with the typed tokens
 * on its axis; beside it the position-position similarity and the selected token's "token + position = input";
 * below, score against relative distance and wavelength per dimension. Binds and lays out; the
 * {@link PositionsViewModel} computes everything.
 */
public final class PositionsView extends BorderPane {

    private final PositionsViewModel vm;
    private final ParameterForm form;
    private final Heatmap table = new Heatmap();
    private final Heatmap similarity = new Heatmap();
    private final Heatmap input = new Heatmap();
    private final LinePlot distance = new LinePlot();
    private final LinePlot spectrum = new LinePlot();
    private final Label tableTitle = title("tableTitle");
    private final Label similarityTitle = title("similarityTitle");
    private final Label inputTitle = title("inputTitle");
    private final Label spectrumNote = title("spectrumNote");
    private final Label error = new Label();
    private final Label exportStatus = new Label();
    private final MenuButton export = new MenuButton("Export");
    private Function<String, Path> saveDialog = this::showSaveDialog;
    /** Set while the view writes the model's selection into the heatmap, so it is not echoed back. */
    private boolean syncing;

    public PositionsView(PositionsViewModel vm) {
        this.vm = vm;
        this.form = new ParameterForm(vm);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("positions-view");
        getStylesheets().add(PositionsView.class.getResource("positions.css").toExternalForm());
        table.setId("positionTable");
        similarity.setId("similarity");
        similarity.getStyleClass().add("similarity-heatmap");
        similarity.setRowAxisLabel("position m");
        similarity.setColAxisLabel("position n");
        input.setId("inputRows");
        input.setRowAxisLabel("");
        input.setColAxisLabel("dimension");
        input.getRowMarkers().setAll(new RowMarker(0, "token"), new RowMarker(1, "+ position"),
                new RowMarker(2, "= input"));
        distance.setId("distancePlot");
        spectrum.setId("spectrumPlot");
        error.setId("positionsError");
        error.getStyleClass().add("positions-error");
        error.setWrapText(true);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        exportStatus.getStyleClass().add("export-status");
        export.setId("export");
        export.getItems().setAll(
                menu("Position table", f -> PositionsExport.heatmap(table, table.getRowAxisLabel(), f, file(f,
                        "positions"))),
                menu("Similarity", f -> PositionsExport.heatmap(similarity, "position", f, file(f, "similarity"))),
                menu("Distance plot", f -> PositionsExport.plot(distance, f, file(f, "distance"))),
                menu("Wavelength plot", f -> PositionsExport.plot(spectrum, f, file(f, "wavelengths"))));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, form, spacer, busy, exportStatus, export);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(form, Priority.ALWAYS);
        VBox header = new VBox(4, top, error, tableTitle);
        header.setPadding(new Insets(6, 8, 4, 8));
        setTop(header);

        VBox left = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox right = new VBox(4, similarityTitle, similarity, inputTitle, input);
        VBox.setVgrow(similarity, Priority.ALWAYS);
        similarity.setMinHeight(150);
        input.setMinHeight(100);
        input.setPrefHeight(150);
        right.setPrefWidth(520);
        right.setMinWidth(300);
        HBox centre = new HBox(8, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        centre.setPadding(new Insets(0, 8, 0, 8));

        distance.setPrefHeight(250);
        spectrum.setPrefHeight(250);
        StackPane spectrumBox = new StackPane(spectrum, spectrumNote);
        spectrumNote.visibleProperty().bind(spectrumNote.textProperty().isNotEmpty());
        HBox plots = new HBox(8, distance, spectrumBox);
        HBox.setHgrow(distance, Priority.ALWAYS);
        HBox.setHgrow(spectrumBox, Priority.ALWAYS);
        distance.setMaxWidth(Double.MAX_VALUE);
        spectrumBox.setMaxWidth(Double.MAX_VALUE);
        distance.setPrefWidth(600);
        spectrumBox.setPrefWidth(600);
        plots.setPadding(new Insets(4, 8, 8, 8));
        plots.setMinHeight(150);
        distance.setMinHeight(140);
        spectrum.setMinHeight(140);
        // one column: when presentation type grows the form, the plots give up height before the heatmap does
        VBox body = new VBox(centre, plots);
        VBox.setVgrow(centre, Priority.ALWAYS);
        centre.setMinHeight(300);
        setCenter(body);
    }

    private void initListeners() {
        error.textProperty().bind(Bindings.createStringBinding(
                () -> vm.errorProperty().get() == null ? "" : "⚠ " + vm.errorProperty().get(), vm.errorProperty()));
        Bindings.bindContent(table.getRowMarkers(), vm.markers());
        vm.resultProperty().addListener((obs, old, r) -> show(r));
        show(vm.resultProperty().get());
        vm.inputRowsProperty().addListener((obs, old, rows) -> showInput(rows));
        showInput(vm.inputRowsProperty().get());
        vm.selectedPositionProperty().addListener((obs, old, row) -> selectRow(row.intValue()));
        selectRow(vm.selectedPositionProperty().get());
        table.selectedRowProperty().addListener((obs, old, row) -> {
            if (!syncing && row.intValue() >= 0) {
                vm.selectPosition(row.intValue());
            }
        });
    }

    private void show(PositionsResult r) {
        if (r == null) {
            return;
        }
        // weights and encodings: a few outliers (MiniLM's position 0) must not wash the rest out to white;
        // RoPE angles and ALiBi biases have no outliers and keep their whole range
        PositionKind kind = r.params().kind();
        table.setColorRange(kind == PositionKind.LEARNED || kind == PositionKind.SINUSOIDAL ? ColorRange.P99
                : ColorRange.FULL);
        table.setData(r.mainPyramid());
        table.setRowAxisLabel(r.rowAxis());
        table.setColAxisLabel(r.colAxis());
        tableTitle.setText(r.mainLabel() + "  [" + r.main().rows() + " × " + r.main().cols() + "]");
        similarity.setData(r.similarityPyramid());
        similarity.setVisible(r.similarityPyramid() != null);
        similarityTitle.setText(r.similarityLabel());
        distance.setXAxisLabel(r.distanceX());
        distance.setYAxisLabel(r.distanceY());
        distance.getSeries().setAll(r.distance());
        spectrum.setXAxisLabel(r.spectrumX());
        spectrum.setYAxisLabel(r.spectrumY());
        spectrum.setLogY(true);
        spectrum.getSeries().setAll(r.spectrum());
        spectrumNote.setText(r.spectrumNote() == null ? "" : r.spectrumNote());
        selectRow(vm.selectedPositionProperty().get());
    }

    private void showInput(InputRows rows) {
        if (rows == null || !rows.available()) {
            input.setData(null);
            input.setVisible(false);
            inputTitle.setText(rows == null ? "" : "token + position = input: " + rows.note());
            return;
        }
        input.setVisible(true);
        input.setMatrix(MatrixSource.of(rows.stacked(), 3, rows.sum().length));
        inputTitle.setText("token + position = input — " + rows.label());
    }

    private void selectRow(int row) {
        syncing = true;
        try {
            table.setSelectedRow(row);
        } finally {
            syncing = false;
        }
    }

    /** One export target: a submenu with PNG, SVG and CSV. */
    private Menu menu(String name, ExportAction action) {
        Menu m = new Menu(name);
        for (Format f : Format.values()) {
            MenuItem item = new MenuItem(f.name());
            item.setOnAction(e -> {
                try {
                    action.run(f);
                } catch (Cancelled c) {
                    // the user closed the dialog
                } catch (IOException | RuntimeException ex) {
                    exportStatus.setText("cannot export: " + ex.getMessage());
                }
            });
            m.getItems().add(item);
        }
        return m;
    }

    private Path file(Format format, String name) {
        Path p = saveDialog.apply(name + "." + format.extension());
        if (p == null) {
            throw new Cancelled();
        }
        exportStatus.setText("exported " + p.getFileName());
        return p;
    }

    private Path showSaveDialog(String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.setInitialFileName(suggested);
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    /** Replaces the save dialog (tests answer with a path). */
    void setSaveDialog(Function<String, Path> dialog) {
        this.saveDialog = dialog;
    }

    /** A plot's honest label: wraps, and the whole text is in the tooltip when space cuts it short. */
    private static Label title(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("plot-title");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        l.setTooltip(tip);
        return l;
    }

    Heatmap table() {
        return table;
    }

    Heatmap similarityHeatmap() {
        return similarity;
    }

    Heatmap inputHeatmap() {
        return input;
    }

    LinePlot distancePlot() {
        return distance;
    }

    LinePlot spectrumPlot() {
        return spectrum;
    }

    Node form() {
        return form;
    }

    @FunctionalInterface
    private interface ExportAction {
        void run(Format format) throws IOException;
    }

    /** The save dialog was closed without a file. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
