package org.tokenlens.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.chips.ColourMode;
import org.tokenlens.app.embedding.EmbeddingView;
import org.tokenlens.app.embedding.EmbeddingViewModel;

/**
 * Every keyboard shortcut of the window, registered in one place: the key(s), what it does in words (the F1 cheat
 * sheet lists {@link #entries()}), and the action. Installed as one scene-level event filter, so a shortcut works
 * whichever control has the focus — unless its condition says otherwise (Tab walks tokens, but types a tab in
 * the editor).
 */
public final class Shortcuts {

    /** One shortcut as the cheat sheet shows it. */
    public record Entry(List<KeyCombination> keys, String description) {
        /** "F11 / Ctrl+Shift+P", in the platform's notation. */
        public String keysText() {
            List<String> names = new ArrayList<>();
            keys.forEach(k -> names.add(k.getDisplayText()));
            return String.join(" / ", names);
        }
    }

    private record Binding(Entry entry, BooleanSupplier enabled, Runnable action) {
    }

    private final List<Binding> bindings = new ArrayList<>();
    private final EventHandler<KeyEvent> filter = this::handle;

    /**
     * The tokenization view's shortcuts (DESIGN.md "Keyboard"). Other views add theirs to the same instance, so
     * the cheat sheet lists them all.
     */
    public static Shortcuts forTokenization(TokenizationView view, TokenizationViewModel vm) {
        Shortcuts s = new Shortcuts();
        s.add("Presentation mode: large type, high contrast, full screen",
                () -> vm.presentationProperty().set(!vm.presentationProperty().get()),
                key(KeyCode.F11), key(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        s.add("Add a lane with the next bundled tokenizer", () -> addNextLane(vm),
                key(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        s.add("Remove the selected token's lane (else the last)", () -> removeLane(vm),
                key(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        s.add("Next token", () -> !view.editor().isFocused(), () -> vm.moveSelection(1), key(KeyCode.TAB));
        s.add("Previous token", () -> !view.editor().isFocused(), () -> vm.moveSelection(-1),
                key(KeyCode.TAB, KeyCombination.SHIFT_DOWN));
        s.add("Next token, also from the editor", () -> vm.moveSelection(1),
                key(KeyCode.RIGHT, KeyCombination.ALT_DOWN));
        s.add("Previous token, also from the editor", () -> vm.moveSelection(-1),
                key(KeyCode.LEFT, KeyCombination.ALT_DOWN));
        s.add("Leave the editor (then Tab walks tokens); again: clear the selection", () -> {
            if (view.editor().isFocused()) {
                view.focusLanes();
            } else {
                vm.session().selectedTokenProperty().set(null);
            }
        }, key(KeyCode.ESCAPE));
        s.add("Back to the editor", () -> view.editor().requestFocus(), key(KeyCode.F2));
        s.add("Chips show text → pieces → bytes", () -> vm.chipModeProperty().set(
                ChipMode.values()[(vm.chipModeProperty().get().ordinal() + 1) % ChipMode.values().length]),
                key(KeyCode.V, KeyCombination.ALT_DOWN));
        s.add("Colour chips by position / by id", () -> vm.colourModeProperty().set(
                vm.colourModeProperty().get() == ColourMode.POSITION ? ColourMode.ID : ColourMode.POSITION),
                key(KeyCode.C, KeyCombination.ALT_DOWN));
        s.add("Light / dark theme", () -> vm.themeProperty().set(
                vm.themeProperty().get() == Theme.DARK ? Theme.LIGHT : Theme.DARK),
                key(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        return s;
    }

    /**
     * The Embedding map's keys: Space pauses / resumes a t-SNE while the map has the focus (elsewhere Space
     * presses buttons and types), Ctrl+0 fits the map while its tab is showing.
     */
    public Shortcuts forEmbeddingMap(EmbeddingView view, EmbeddingViewModel vm) {
        add("Embedding map: pause / resume t-SNE (map focused)", () -> view.map().isFocused(), vm::togglePause,
                key(KeyCode.SPACE));
        add("Embedding map: fit to view", () -> showing(view.map()), () -> view.map().fitToView(),
                key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        return this;
    }

    /** Whether the node is in a scene with it and all its parents visible (a background tab's content is not). */
    private static boolean showing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private static void addNextLane(TokenizationViewModel vm) {
        List<String> shown = vm.lanes().stream().map(l -> l.tokenizerNameProperty().get()).toList();
        String next = vm.tokenizerChoices().stream().filter(c -> !shown.contains(c)).findFirst()
                .orElse(vm.tokenizerChoices().isEmpty() ? null : vm.tokenizerChoices().get(0));
        if (next != null) {
            vm.addLane(next);
        }
    }

    private static void removeLane(TokenizationViewModel vm) {
        var selected = vm.session().selectedTokenProperty().get();
        if (selected != null) {
            vm.removeLane(selected.lane());
        } else if (!vm.lanes().isEmpty()) {
            vm.removeLane(vm.lanes().get(vm.lanes().size() - 1));
        }
    }

    /** Add a shortcut that always applies. */
    public Shortcuts add(String description, Runnable action, KeyCombination... keys) {
        return add(description, () -> true, action, keys);
    }

    /** Add a shortcut that applies only while {@code enabled} says so (checked on each key press). */
    public Shortcuts add(String description, BooleanSupplier enabled, Runnable action, KeyCombination... keys) {
        bindings.add(new Binding(new Entry(List.of(keys), Objects.requireNonNull(description)), enabled, action));
        return this;
    }

    /** The shortcuts in the order they were added, for the cheat sheet. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        bindings.forEach(b -> out.add(b.entry()));
        return Collections.unmodifiableList(out);
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    private void handle(KeyEvent event) {
        for (Binding b : bindings) {
            for (KeyCombination k : b.entry().keys()) {
                if (k.match(event) && b.enabled().getAsBoolean()) {
                    event.consume();
                    b.action().run();
                    return;
                }
            }
        }
    }
}
