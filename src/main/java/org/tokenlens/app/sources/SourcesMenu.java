package org.tokenlens.app.sources;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.tokenlens.app.task.TaskRunner;

/**
 * Tokenizer sources in the toolbar's "+ Lane" menu: a tokenizer file, a folder, or a model from the local Hugging
 * Face cache (listed afresh, off the FX thread, each time the menu opens). Every choice becomes a new lane.
 */
public final class SourcesMenu {

    private final TokenizerChooser chooser = new TokenizerChooser();
    private final Menu cache = new Menu("Hugging Face cache");
    private final Consumer<String> addLane;
    private final TaskRunner runner;
    private final Path hub;
    private final List<MenuItem> items;
    private MenuButton menu;

    /**
     * @param hub     the hub folder ({@link HfCacheDiscovery#defaultHubRoot()})
     * @param addLane {@code TokenizationViewModel::addLane}
     */
    public SourcesMenu(TaskRunner runner, Path hub, Consumer<String> addLane) {
        this.addLane = addLane;
        this.runner = runner;
        this.hub = hub;
        MenuItem file = new MenuItem("Tokenizer file (tokenizer.json, .tiktoken)…");
        file.setOnAction(e -> openFile());
        MenuItem folder = new MenuItem("Folder holding tokenizer.json…");
        folder.setOnAction(e -> chooser.chooseFolder(owner()).ifPresent(addLane));
        cache.getItems().setAll(note("Looking in " + hub + "…"));
        cache.setId("hfCacheMenu");
        items = List.of(new SeparatorMenuItem(), file, folder, cache);
    }

    /** Append the sources to {@code target} and refresh the cache list whenever it opens. */
    public void addTo(MenuButton target) {
        menu = target;
        target.getItems().addAll(items);
        target.addEventHandler(MenuButton.ON_SHOWING, e -> refreshCache());
    }

    /** List the HF cache again (off the FX thread). */
    public void refreshCache() {
        runner.run(() -> HfCacheDiscovery.find(hub), found -> fill(hub, found),
                failure -> cache.getItems().setAll(note("Cannot read " + hub + ": " + failure.getMessage())));
    }

    /** The file dialog (Ctrl+O). */
    public void openFile() {
        chooser.chooseFile(owner()).ifPresent(addLane);
    }

    private Window owner() {
        return menu == null || menu.getScene() == null ? null : menu.getScene().getWindow();
    }

    private void fill(Path hub, List<CachedTokenizer> found) {
        if (found.isEmpty()) {
            cache.getItems().setAll(note("No tokenizer.json under " + hub));
            return;
        }
        cache.getItems().clear();
        for (CachedTokenizer t : found) {
            MenuItem item = new MenuItem(t.label());
            item.setOnAction(e -> addLane.accept(t.spec()));
            cache.getItems().add(item);
        }
    }

    private static MenuItem note(String text) {
        MenuItem item = new MenuItem(text);
        item.setDisable(true);
        return item;
    }

    /** What the HF cache submenu lists. */
    public Menu cacheMenu() {
        return cache;
    }
}
