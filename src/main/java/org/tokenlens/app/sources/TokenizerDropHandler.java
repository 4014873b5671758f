package org.tokenlens.app.sources;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drop a tokenizer.json, a folder or a .tiktoken file on the window: each one becomes a lane. Only drags that
 * carry at least one such file are accepted, so the cursor tells the user before they let go.
 */
public final class TokenizerDropHandler {

    private final Consumer<String> addLane;

    /** @param addLane receives one spec per dropped tokenizer ({@code TokenizationViewModel::addLane}) */
    public TokenizerDropHandler(Consumer<String> addLane) {
        this.addLane = addLane;
    }

    /** Handle drags over {@code target} (typically the scene's root). */
    public void install(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, this::onDragOver);
        target.addEventHandler(DragEvent.DRAG_DROPPED, this::onDragDropped);
        target.getProperties().put(TokenizerDropHandler.class, this);
    }

    /**
     * The handler {@link #install installed} on {@code target}, if any: a Dragboard cannot be built through the
     * public JavaFX API, so tests (and other drop-like sources, e.g. a paste of file paths) go through {@link #drop}.
     */
    public static Optional<TokenizerDropHandler> installedOn(Node target) {
        return Optional.ofNullable((TokenizerDropHandler) target.getProperties().get(TokenizerDropHandler.class));
    }

    /** What a drop of {@code files} does: one lane per file that can be a tokenizer; false if none could. */
    public boolean drop(List<File> files) {
        List<String> specs = TokenizerFiles.specsFor(files);
        specs.forEach(addLane);
        return !specs.isEmpty();
    }

    void onDragOver(DragEvent e) {
        if (!specs(e.getDragboard()).isEmpty()) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            e.consume();
        }
    }

    void onDragDropped(DragEvent e) {
        Dragboard board = e.getDragboard();
        e.setDropCompleted(board != null && board.hasFiles() && drop(board.getFiles()));
        e.consume();
    }

    private static List<String> specs(Dragboard board) {
        return board != null && board.hasFiles() ? TokenizerFiles.specsFor(board.getFiles()) : List.of();
    }
}
