package org.tokenlens.app.help;

import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.tokenlens.app.Shortcuts;

/**
 * The F1 cheat sheet: every shortcut registered in {@link Shortcuts}, read when it opens (so shortcuts other
 * views add later are listed too), in a small window with the main window's stylesheets. F1 or Esc closes it.
 */
public final class CheatSheet {

    private final Window owner;
    private final Supplier<List<Shortcuts.Entry>> entries;
    private Stage stage;

    public CheatSheet(Window owner, Supplier<List<Shortcuts.Entry>> entries) {
        this.owner = owner;
        this.entries = entries;
    }

    /** Open it, or close it if it is open. */
    public void toggle() {
        if (isShowing()) {
            stage.hide();
        } else {
            show();
        }
    }

    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    public void show() {
        if (stage == null) {
            stage = new Stage(StageStyle.UTILITY);
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
            stage.setTitle("TokenLens — keyboard shortcuts");
        }
        Scene scene = new Scene(content(entries.get()));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(CheatSheet.class.getResource("cheat-sheet.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    /** The sheet as a node: key column, description column (public so a test or an embedding can show it). */
    public static ScrollPane content(List<Shortcuts.Entry> list) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("cheat-grid");
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Entry e : list) {
            Label keys = new Label(e.keysText());
            keys.getStyleClass().add("cheat-keys");
            Label what = new Label(e.description());
            what.getStyleClass().add("cheat-description");
            grid.addRow(row++, keys, what);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("cheat-title");
        VBox box = new VBox(12, title, grid);
        box.setPadding(new Insets(16, 20, 16, 20));
        box.getStyleClass().add("cheat-sheet");
        box.setId("cheatSheet");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("cheat-scroll");
        return scroll;
    }

    /** The open window, for tests; null before the first show. */
    Stage stage() {
        return stage;
    }
}
