package org.tokenlens.app.sources;

import java.util.List;
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
    }

    void onDragOver(DragEvent e) {
        if (!specs(e.getDragboard()).isEmpty()) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            e.consume();
        }
    }

    void onDragDropped(DragEvent e) {
        List<String> specs = specs(e.getDragboard());
        specs.forEach(addLane);
        e.setDropCompleted(!specs.isEmpty());
        e.consume();
    }

    private static List<String> specs(Dragboard board) {
        return board != null && board.hasFiles() ? TokenizerFiles.specsFor(board.getFiles()) : List.of();
    }
}
