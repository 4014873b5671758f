package org.tokenlens.app.embedding;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableBooleanProperty;
import javafx.css.SimpleStyleableBooleanProperty;
import javafx.css.StyleConverter;
import javafx.css.StyleableProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.tokenlens.app.map.MapExport;
import org.tokenlens.app.map.ScatterMap;
import org.tokenlens.engine.project.Projection;

/**
 * The Embedding map tab: the form (method, parameters, subset, colouring, search), the map, the neighbour panel of
 * a clicked point, and a status bar with progress, KL and Cancel. It binds and lays out; the view model computes.
 * An animation timer hands t-SNE frames to the map at most ~30 times a second.
 */
public final class EmbeddingView extends BorderPane {
    private static final long FRAME_NANOS = 33_000_000L;
    private static final CssMetaData<EmbeddingView, Boolean> COMPACT_FORM = new CssMetaData<>(
            "-tl-map-compact-form", StyleConverter.getBooleanConverter(), false) {
        @Override
        public boolean isSettable(EmbeddingView v) {
            return !v.compactForm.isBound();
        }

        @Override
        public StyleableProperty<Boolean> getStyleableProperty(EmbeddingView v) {
            return v.compactForm;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(BorderPane.getClassCssMetaData());
        all.add(COMPACT_FORM);
        CSS_META_DATA = List.copyOf(all);
    }

    private final EmbeddingViewModel vm;
    private final ScatterMap map = new ScatterMap();
    private final NeighbourPanel panel;
    private final Label exportStatus = new Label();
    /** Method, parameters, subset, colouring and search: collapsible, so the map gets the room (presentation). */
    private final TitledPane form = new TitledPane();
    private final StyleableBooleanProperty compactForm = new SimpleStyleableBooleanProperty(COMPACT_FORM, this,
            "compactForm", false);
    private final AnimationTimer frames;

    public EmbeddingView(EmbeddingViewModel vm) {
        this.vm = vm;
        this.panel = new NeighbourPanel(vm::piece);
        getStyleClass().add("embedding-view");
        // In the window's side panel (and larger in presentation type) the toolbars' summed widths exceeded the
        // panel, so the whole view overflowed and was clipped on the right; with a small minimum the rows wrap.
        setMinWidth(240);
        getStylesheets().add(EmbeddingView.class.getResource("embedding.css").toExternalForm());
        createView();
        initListeners();
        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= FRAME_NANOS && vm.pollFrame()) {
                    last = now;
                }
            }
        };
        frames.start();
    }

    private void createView() {
        ComboBox<Projection.Method> method = combo("method", Projection.Method.values(), vm.methodProperty());
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Projection.Method m) {
                return MethodNames.of(m);
            }

            @Override
            public Projection.Method fromString(String s) {
                return null; // not editable
            }
        });
        ComboBox<SubsetKind> subset = combo("subset", SubsetKind.values(), vm.subsetKindProperty());
        TextField topN = field("topN", 6, vm.topNProperty(), Integer::valueOf);
        TextField regex = new TextField();
        regex.setId("subsetRegex");
        regex.setPrefColumnCount(8);
        regex.textProperty().bindBidirectional(vm.subsetRegexProperty());
        TextField k = field("neighboursK", 3, vm.neighboursKProperty(), Integer::valueOf);
        showWhen(topN, subset, SubsetKind.TOP_N);
        showWhen(regex, subset, SubsetKind.REGEX);
        Node kBox = labelled("k", k);
        showWhen(kBox, subset, SubsetKind.TYPED_NEIGHBOURS);

        Button project = button("project", "Project", vm::project);
        project.setDefaultButton(true);
        project.disableProperty().bind(vm.busyProperty());
        Button cancel = button("cancel", "Cancel", vm::cancel);
        cancel.disableProperty().bind(vm.busyProperty().not());
        Button pause = button("pause", "Pause", vm::pause);
        Button step = button("step", "Step", vm::step);
        Button resume = button("resume", "Resume", vm::resume);
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get() != TsneState.RUNNING
                || vm.methodProperty().get() != Projection.Method.TSNE, vm.stateProperty(), vm.methodProperty()));
        step.disableProperty().bind(vm.stateProperty().isNotEqualTo(TsneState.PAUSED));
        resume.disableProperty().bind(vm.stateProperty().isNotEqualTo(TsneState.PAUSED));
        Button isolate = button("isolate", "Isolate selection", vm::isolateSelection);
        isolate.disableProperty().bind(vm.busyProperty());
        Button fit = button("fit", "Fit", map::fitToView);
        FlowPane row1 = new FlowPane(8, 6, labelled("Method", method), labelled("Subset", subset), topN, regex, kBox,
                project, cancel, pause, step, resume, isolate, fit, exportMenu());
        row1.getStyleClass().add("map-toolbar");

        Node perplexity = labelled("perplexity", field("perplexity", 4, vm.perplexityProperty(), Double::valueOf));
        TextField lrField = new TextField(vm.learningRateProperty().get() == null ? "auto"
                : vm.learningRateProperty().get().toString());
        lrField.setId("learningRate");
        lrField.setPrefColumnCount(4);
        lrField.textProperty().addListener((obs, was, now) -> parseInto(lrField, now,
                s -> s.isBlank() || s.equalsIgnoreCase("auto") ? null : Double.valueOf(s), vm.learningRateProperty()));
        Node lr = labelled("learning rate", lrField);
        Node iterations = labelled("iterations", field("iterations", 4, vm.iterationsProperty(), Integer::valueOf));
        Node seed = labelled("seed", field("seed", 5, vm.seedProperty(), Long::valueOf));
        Node theta = labelled("θ", field("theta", 3, vm.thetaProperty(), Double::valueOf));
        Node umapK = labelled("k", field("umapK", 3, vm.umapKProperty(), Integer::valueOf));
        Node minDist = labelled("min-dist", field("minDist", 3, vm.minDistProperty(), Double::valueOf));
        for (Node n : new Node[] {perplexity, lr, iterations, theta}) {
            showWhen(n, method, Projection.Method.TSNE);
        }
        showWhen(umapK, method, Projection.Method.UMAP);
        showWhen(minDist, method, Projection.Method.UMAP);
        seed.visibleProperty().bind(method.valueProperty().isNotEqualTo(Projection.Method.PCA));
        seed.managedProperty().bind(seed.visibleProperty());
        ComboBox<ColourBy> colour = combo("colourBy", ColourBy.values(), vm.colourByProperty());
        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("search regex");
        search.setPrefColumnCount(10);
        search.textProperty().bindBidirectional(vm.searchProperty());
        CheckBox follow = new CheckBox("follow layout");
        follow.setId("followLayout");
        follow.selectedProperty().bindBidirectional(vm.followLayoutProperty());
        Label lane = new Label();
        lane.setId("laneNote");
        lane.getStyleClass().add("lane-note");
        lane.textProperty().bind(vm.laneNoteProperty());
        FlowPane row2 = new FlowPane(8, 6, perplexity, lr, iterations, seed, theta, umapK, minDist,
                labelled("Colour by", colour), search, follow, lane);
        row2.getStyleClass().add("map-toolbar");
        form.setId("mapForm");
        form.getStyleClass().add("map-form");
        form.setContent(new VBox(4, row1, row2));
        form.setMinWidth(0); // the summary ends in "…" rather than widening the side panel
        form.setAnimated(false); // a theme switch collapses it at once, and screenshots see the final layout
        form.textProperty().bind(Bindings.createStringBinding(() -> formSummary(), vm.methodProperty(),
                vm.subsetKindProperty(), vm.colourByProperty()));
        setTop(form);

        map.setId("embeddingMap");
        map.setMinSize(200, 200);
        setCenter(map);
        setRight(panel); // its width comes from the theme (em), so large type widens it

        exportStatus.getStyleClass().add("map-status");
        setBottom(new MapStatusBar(vm, exportStatus));
    }

    private void initListeners() {
        // a theme that wants the room (presentation.css sets -tl-map-compact-form) collapses the form; the user
        // can still open it, and leaving that theme opens it again
        compactForm.addListener((obs, was, compact) -> form.setExpanded(!compact));
        map.pointsProperty().bind(vm.pointsProperty());
        map.sentencePathProperty().bind(vm.pathProperty());
        map.highlightedPointsProperty().bind(vm.highlightedProperty());
        map.setDimUnhighlighted(true);
        map.setMetadata(vm::describe);
        map.setSelectedPoints(vm.selectedProperty().get());
        vm.selectedProperty().addListener((obs, was, now) -> map.setSelectedPoints(now));
        map.selectedPointsProperty().addListener((obs, was, now) -> vm.selectPoints(now));
        map.hoveredPointProperty().addListener((obs, was, now) -> vm.hover(now.intValue()));
        map.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> { // also without Shortcuts installed
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown()) {
                vm.togglePause();
                e.consume();
            }
        });
        vm.pointsProperty().addListener((obs, was, now) -> {
            if (vm.followLayoutProperty().get() || map.getTransform() == null) {
                map.setTransform(null); // fit at the next layout pass, once the map has its size
            }
        });
        vm.detailProperty().addListener((obs, was, now) -> panel.show(now));
        vm.busyProperty().addListener((obs, was, now) -> {
            if (!now) {
                exportStatus.setText("");
            }
        });
    }

    /** "PCA · whole vocabulary · colour: …" — what the collapsed form is set to. */
    private String formSummary() {
        return MethodNames.of(vm.methodProperty().get()) + " · " + vm.subsetKindProperty().get() + " · colour: "
                + vm.colourByProperty().get();
    }

    /** Whether the theme asks for the form collapsed ({@code -tl-map-compact-form: true}). */
    public boolean isCompactForm() {
        return compactForm.get();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }

    /** The map control, for exports and tests. */
    public ScatterMap map() {
        return map;
    }

    /** Stops the frame timer (when the view is thrown away). */
    public void dispose() {
        frames.stop();
    }

    private MenuButton exportMenu() {
        MenuItem png = new MenuItem("Map as PNG…");
        png.setOnAction(e -> chooseFile("embedding-map.png", f -> write(() -> MapExport.writePng(map, f.toPath()))));
        MenuItem svg = new MenuItem("Map as SVG…");
        svg.setOnAction(e -> chooseFile("embedding-map.svg", f -> write(() -> MapExport.writeSvg(map, f.toPath()))));
        MenuItem csv = new MenuItem("Coordinates as CSV…");
        csv.setOnAction(e -> chooseFile("embedding-map.csv", f -> vm.exportCoordinates(f.toPath())));
        MenuItem tsv = new MenuItem("Embedding Projector (vectors.tsv + metadata.tsv)…");
        tsv.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for vectors.tsv and metadata.tsv");
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                vm.exportProjector(dir.toPath());
            }
        });
        MenuButton menu = new MenuButton("Export", null, png, svg, csv, tsv);
        menu.setId("export");
        return menu;
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            exportStatus.setText("export failed: " + e.getMessage());
        }
    }

    private void chooseFile(String name, Consumer<File> then) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            then.accept(f);
        }
    }

    private static <T> ComboBox<T> combo(String id, T[] values, Property<T> property) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setId(id);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Node labelled(String text, Node control) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <T> void showWhen(Node node, ComboBox<T> combo, T value) {
        node.visibleProperty().bind(combo.valueProperty().isEqualTo(value));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** A text field that writes every parseable edit into {@code property}; unparseable text is marked. */
    private static TextField field(String id, int columns, Property<Number> property,
                                   Function<String, ? extends Number> parse) {
        TextField f = new TextField(String.valueOf(property.getValue()));
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().addListener((obs, was, now) -> parseInto(f, now, parse, property));
        property.addListener((obs, was, now) -> { // set from code (tests, isolate): show it unless it is being typed
            try {
                if (parse.apply(f.getText().strip()).doubleValue() == now.doubleValue()) {
                    return;
                }
            } catch (NumberFormatException e) {
                // the field holds a half-typed value: replace it
            }
            f.setText(String.valueOf(now));
        });
        return f;
    }

    private static <T> void parseInto(TextField f, String text, Function<String, ? extends T> parse,
                                      Property<T> p) {
        try {
            p.setValue(parse.apply(text.strip()));
            f.getStyleClass().remove("invalid");
        } catch (NumberFormatException e) {
            if (!f.getStyleClass().contains("invalid")) {
                f.getStyleClass().add("invalid");
            }
        }
    }
}
