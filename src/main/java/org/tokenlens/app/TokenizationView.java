package org.tokenlens.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.chips.ColourMode;
import org.tokenlens.app.session.SessionModel;

/**
 * The tokenization view (DESIGN.md): toolbar on top; the editor above one lane of chips per tokenizer on the
 * left; slots for a side panel (right) and a detail panel (bottom) that other views fill; a status bar. Lays
 * out and binds to a {@link TokenizationViewModel}; errors go to the {@code errorPresenter} (a dialog in the app).
 * Also owns the scene-level concerns of the view: the theme stylesheet and hiding secondary chrome in
 * presentation mode.
 */
public final class TokenizationView extends BorderPane {

    private final TokenizationViewModel viewModel;
    private final Consumer<String> errorPresenter;
    /** Virtualized: only the paragraphs on screen are laid out, so a keystroke in 5 MB costs what one in 5 KB does. */
    private final TokenEditor editor = new TokenEditor();
    private final EditorHighlighter highlighter = new EditorHighlighter(editor);
    /** True while the editor's own edit is being copied into the view model, so it is not copied back. */
    private boolean editorWriting;
    private final VBox lanes = new VBox();
    private final StatusBar statusBar = new StatusBar();
    private final Label caretInfo = new Label();
    private final MenuButton addLaneMenu = new MenuButton("+ Lane");
    private final SegmentedButton chipModes = new SegmentedButton();
    private final SegmentedButton colourModes = new SegmentedButton();
    private final MenuButton themeMenu = new MenuButton("Theme");
    private final ToggleButton presentButton = new ToggleButton("⛶ Present");
    private final SplitPane leftSplit = new SplitPane();
    private final SplitPane horizontal = new SplitPane();
    private final SplitPane vertical = new SplitPane();
    private final InvalidationListener spanChanged = obs -> updateHighlight();
    /** The editor's caret or selection moved since the last pulse: handed to the session at the next one. */
    private boolean selectionQueued;

    public TokenizationView(TokenizationViewModel viewModel, Consumer<String> errorPresenter) {
        this.viewModel = viewModel;
        this.errorPresenter = errorPresenter;
        viewModel.setResultQueue(new PulseResultQueue()); // at most one apply per lane per pulse
        createView();
        initBindings();
        PasteWarmUp.whenShown(this, () -> { });
    }

    private void createView() {
        getStyleClass().add("tokenization-view");
        setTop(createToolbar());

        editor.getStyleClass().add("editor");
        editor.setWrapText(true);
        editor.getStylesheets().add(TokenizationView.class.getResource("editor.css").toExternalForm());
        VirtualizedScrollPane<StyleClassedTextArea> editorPane = new VirtualizedScrollPane<>(editor);
        editorPane.getStyleClass().add("editor-pane");
        StackPane editorStack = new StackPane(editorPane);

        lanes.getStyleClass().add("lanes");
        lanes.setFocusTraversable(true); // Esc leaves the editor to here, where Tab walks the tokens
        leftSplit.setOrientation(Orientation.VERTICAL);
        leftSplit.getItems().addAll(editorStack, lanes);
        leftSplit.setDividerPositions(0.3);

        horizontal.getItems().add(leftSplit);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.getItems().add(horizontal);
        setCenter(vertical);

        statusBar.getStyleClass().add("status-bar");
        caretInfo.getStyleClass().add("secondary");
        statusBar.getRightItems().add(caretInfo);
        setBottom(statusBar);
    }

    private Node createToolbar() {
        Label title = new Label("TokenLens");
        title.getStyleClass().add("app-title");
        for (String name : viewModel.tokenizerChoices()) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> viewModel.addLane(name));
            addLaneMenu.getItems().add(item);
        }
        addLaneMenu.getStyleClass().add("add-lane");
        addLaneMenu.setTooltip(new Tooltip("Add a tokenizer lane (Ctrl+L)"));

        for (ChipMode mode : ChipMode.values()) {
            ToggleButton b = new ToggleButton(switch (mode) {
                case TEXT -> "Text";
                case RAW -> "Pieces";
                case HEX -> "Bytes";
            });
            b.setUserData(mode);
            chipModes.getButtons().add(b);
        }
        chipModes.getStyleClass().addAll("chip-modes", "secondary");
        for (ColourMode mode : ColourMode.values()) {
            ToggleButton b = new ToggleButton(mode == ColourMode.POSITION ? "By position" : "By id");
            b.setUserData(mode);
            colourModes.getButtons().add(b);
        }
        colourModes.getStyleClass().addAll("colour-modes", "secondary");

        ToggleGroup themes = new ToggleGroup();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            RadioMenuItem item = new RadioMenuItem(theme == Theme.LIGHT ? "Light" : "Dark");
            item.setToggleGroup(themes);
            item.setUserData(theme);
            item.setSelected(viewModel.themeProperty().get() == theme);
            item.setOnAction(e -> viewModel.themeProperty().set(theme));
            themeMenu.getItems().add(item);
        }
        viewModel.themeProperty().addListener((obs, old, theme) -> themes.getToggles()
                .forEach(t -> t.setSelected(t.getUserData() == theme)));
        themeMenu.getStyleClass().addAll("theme-menu", "secondary");
        presentButton.getStyleClass().add("present-button");
        presentButton.setTooltip(new Tooltip("Presentation mode (F11)"));
        presentButton.setFocusTraversable(false);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, title, addLaneMenu, chipModes, colourModes, spacer, themeMenu, presentButton);
        toolbar.getStyleClass().add("app-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6, 14, 6, 14));
        return toolbar;
    }

    private void initBindings() {
        SessionModel session = viewModel.session();
        bindEditorText();
        // once per pulse, before its CSS and layout: a selection replaced within one event (select all, then a
        // paste) is never drawn, so it neither highlights nor scrolls the lanes. And not while a chunked paste goes
        // in: its offsets are not the lanes' text yet (the old tokens at them would be highlighted and the lanes
        // scrolled there, building chip rows in the paste's first pulses); it is handed on with the text
        InvalidationListener caret = obs -> {
            Scene scene = getScene();
            if (scene == null) {
                publishSelection();
            } else if (!selectionQueued) {
                selectionQueued = true;
                org.tokenlens.app.chips.AfterLayout.before(scene, () -> {
                    selectionQueued = false;
                    if (editor.isInsertingChunks()) {
                        editor.getSelection(); // validated, so that the next move is heard
                        editor.getCaretPosition();
                    } else {
                        publishSelection();
                    }
                });
            }
        };
        editor.caretPositionProperty().addListener(caret);
        editor.selectionProperty().addListener(caret);
        caretInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            IndexRange r = session.editorSelectionProperty().get();
            return r.getLength() == 0 ? "offset " + r.getStart() : "selection " + r.getStart() + "–" + r.getEnd();
        }, session.editorSelectionProperty()));
        statusBar.textProperty().bind(Bindings.when(editor.insertProgressProperty().greaterThanOrEqualTo(0))
                .then("Inserting…").otherwise(Bindings.when(viewModel.busyProperty()).then("Tokenizing…")
                        .otherwise("Ready")));
        statusBar.progressProperty().bind(Bindings.max(0, editor.insertProgressProperty()));

        bindToggles(chipModes, viewModel.chipModeProperty());
        bindToggles(colourModes, viewModel.colourModeProperty());
        presentButton.selectedProperty().bindBidirectional(viewModel.presentationProperty());

        for (var lane : viewModel.lanes()) {
            addLaneView(lane, lanes.getChildren().size());
        }
        viewModel.lanes().addListener((ListChangeListener<LaneViewModel>) change -> {
            while (change.next()) {
                for (LaneViewModel removed : change.getRemoved()) {
                    lanes.getChildren().removeIf(n -> n instanceof LaneView v && v.viewModel() == removed
                            && dispose(v));
                    removed.chipDataProperty().removeListener(spanChanged);
                }
                int at = change.getFrom();
                for (LaneViewModel added : change.getAddedSubList()) {
                    addLaneView(added, at++);
                }
            }
        });
        session.hoveredTokenProperty().addListener(spanChanged);
        session.selectedTokenProperty().addListener(spanChanged);

        sceneProperty().addListener((obs, old, scene) -> applyTheme());
        viewModel.themeProperty().addListener(obs -> applyTheme());
        viewModel.presentationProperty().addListener(obs -> {
            applyTheme();
            placeDetailDivider();
            // again once the new type size is laid out: on the way, the split pane may have moved the divider to
            // fit the detail's minimum at an intermediate size, and it keeps a moved divider where it is
            Scene scene = getScene();
            if (scene != null) {
                org.tokenlens.app.chips.AfterLayout.run(scene, this::placeDetailDivider);
            }
        });
        for (Node n : List.of(chipModes, colourModes, themeMenu, caretInfo, statusBar)) {
            hideWhenPresenting(n, viewModel);
        }
    }

    /** The editor's text, kept up to date edit by edit (see {@link #bindEditorText}). */
    private String editorText = "";
    /** A chunked paste's edits while it goes in, applied once at its end (see {@link #bindEditorText}). */
    private List<PlainTextChange> pasteChanges;

    /**
     * The editor's text and the view model's, kept equal both ways (RichTextFX's text is read-only: edits go
     * through replaceText). The first text is not an undoable edit.
     */
    private void bindEditorText() {
        String initial = viewModel.textProperty().get();
        editor.replaceAllNow(initial == null ? "" : initial);
        editor.getUndoManager().forgetHistory();
        editor.moveTo(0);
        // edits, not textProperty: a change listener on the text would build the whole string per chunk of a
        // paste. The text is kept here, each edit applied to it: the editor's getText() walks every paragraph,
        // a third of a keystroke's editing cost in a 100 KB document. A chunked paste's edits are kept as they
        // come and joined into one string when it ends, handed on once (a buffer for all of it made at the first
        // chunk cost that chunk's pulse 15 MB of allocation and copying)
        editorText = editor.getText();
        editor.plainTextChanges().subscribe(change -> {
            if (editor.isInsertingChunks()) {
                if (pasteChanges == null) {
                    pasteChanges = new ArrayList<>();
                }
                pasteChanges.add(change);
                return;
            }
            String was = editorText;
            editorText = new StringBuilder(was.length() - change.getRemoved().length() + change.getInserted().length())
                    .append(was, 0, change.getPosition()).append(change.getInserted())
                    .append(was, change.getRemovalEnd(), was.length()).toString();
            handOver(editorText);
        });
        editor.setOnChunkedDone(() -> { // once, at the end: the lanes tokenize the paste once
            if (pasteChanges != null) {
                editorText = ChunkedEdits.applied(editorText, pasteChanges);
                pasteChanges = null;
            }
            handOver(editorText);
            publishSelection();
        });
        viewModel.textProperty().addListener((obs, old, now) -> {
            if (!editorWriting) {
                editor.replaceText(now == null ? "" : now);
            }
        });
    }

    /** The editor's caret or selection to the session (the lanes highlight the tokens it covers). */
    private void publishSelection() {
        IndexRange sel = editor.getSelection();
        viewModel.session().editorSelectionProperty().set(sel.getLength() > 0 ? sel
                : new IndexRange(editor.getCaretPosition(), editor.getCaretPosition()));
    }

    private void handOver(String text) {
        editorWriting = true;
        try {
            viewModel.textProperty().set(text);
        } finally {
            editorWriting = false;
        }
    }

    private static boolean dispose(LaneView view) {
        view.dispose();
        return true;
    }

    private void addLaneView(LaneViewModel lane, int at) {
        LaneView view = new LaneView(lane, viewModel);
        VBox.setVgrow(view, Priority.ALWAYS);
        lanes.getChildren().add(Math.min(at, lanes.getChildren().size()), view);
        lane.chipDataProperty().addListener(spanChanged);
        // lanes scroll together: the lane under the mouse (wheel, scroll bar) leads, the others show the same
        // place in the text; a lane scrolled by that does not lead back, so they never chase each other
        view.chips().topOffsetProperty().addListener((obs, old, offset) -> {
            if (view.chips().isHover() && offset.intValue() >= 0) {
                for (Node other : lanes.getChildren()) {
                    if (other != view && other instanceof LaneView follower) {
                        follower.chips().scrollToOffset(offset.intValue());
                    }
                }
            }
        });
        lane.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                errorPresenter.accept(message);
                lane.acknowledgeError();
            }
        });
    }

    private static <T> void bindToggles(SegmentedButton buttons, javafx.beans.property.ObjectProperty<T> property) {
        Runnable select = () -> buttons.getButtons().forEach(b -> b.setSelected(b.getUserData() == property.get()));
        select.run();
        property.addListener(obs -> select.run());
        buttons.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                select.run(); // a segmented choice always has one segment on
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) now.getUserData();
                property.set(value);
            }
        });
    }

    /** The hovered token's span, else the selected token's. */
    private void updateHighlight() {
        SessionModel session = viewModel.session();
        IndexRange span = TokenizationViewModel.sourceSpan(session.hoveredTokenProperty().get());
        if (span == null) {
            span = TokenizationViewModel.sourceSpan(session.selectedTokenProperty().get());
        }
        highlighter.setSpan(span);
    }

    private void applyTheme() {
        Scene scene = getScene();
        if (scene != null) {
            scene.getStylesheets().setAll(viewModel.effectiveTheme().stylesheetUrl());
        }
    }

    /** Secondary chrome (counts, mode switches, status details) steps aside in presentation mode. */
    static void hideWhenPresenting(Node node, TokenizationViewModel vm) {
        node.visibleProperty().bind(vm.presentationProperty().not());
        node.managedProperty().bind(vm.presentationProperty().not());
    }

    /** Put a panel to the right of the editor and lanes (the app's tabs: vocabulary, map, positions). */
    public void setSidePanel(Node panel) {
        horizontal.getItems().setAll(leftSplit, panel);
        horizontal.setDividerPositions(0.68);
    }

    /**
     * Give the side panel {@code share} of the width (0..1): the vocabulary table is happy with a third, while a
     * heatmap or a map wants more room than the chips beside it.
     */
    public void setSidePanelShare(double share) {
        horizontal.setDividerPositions(1 - share);
    }

    /** Put a panel below the editor and lanes (the token detail). */
    public void setDetailPanel(Node panel) {
        vertical.getItems().setAll(horizontal, panel);
        placeDetailDivider();
    }

    /**
     * The token detail's share of the height: a fifth, a little more at presentation's large type, where its
     * facts wrap into columns and its trace needs room beside them — the lanes and the map keep the rest.
     */
    private void placeDetailDivider() {
        if (vertical.getItems().size() == 2) {
            vertical.setDividerPositions(viewModel.presentationProperty().get() ? 0.72 : 0.8);
        }
    }

    public TokenEditor editor() {
        return editor;
    }

    /** The "+ Lane" menu; other sources (file dialog, HF cache) add their items here. */
    public MenuButton addLaneMenu() {
        return addLaneMenu;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    EditorHighlighter highlighter() {
        return highlighter;
    }

    VBox lanesBox() {
        return lanes;
    }

    /** Leave the editor for the lanes, where Tab and Shift+Tab walk the tokens. */
    void focusLanes() {
        lanes.requestFocus();
    }
}
