package org.tokenlens.app.session;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.IndexRange;

/**
 * The state every view shares (DESIGN.md "One shared state, many views"): which token is selected and which is
 * hovered, and the editor's caret/selection range. Views read and write these only — no view talks to another.
 * Plain JavaFX properties, no controls, so it can be tested without a stage and serialised later.
 */
public final class SessionModel {
    private final ObjectProperty<TokenRef> selectedToken = new SimpleObjectProperty<>(this, "selectedToken");
    private final ObjectProperty<TokenRef> hoveredToken = new SimpleObjectProperty<>(this, "hoveredToken");
    private final ObjectProperty<IndexRange> editorSelection =
            new SimpleObjectProperty<>(this, "editorSelection", new IndexRange(0, 0));

    /** The token whose detail is shown (chip click, Tab/Shift+Tab, a map point); null when none. */
    public ObjectProperty<TokenRef> selectedTokenProperty() {
        return selectedToken;
    }

    /** The token under the mouse; its source span is highlighted in the editor. */
    public ObjectProperty<TokenRef> hoveredTokenProperty() {
        return hoveredToken;
    }

    /** The editor's caret or selection as a UTF-16 range; the chips it covers are highlighted. */
    public ObjectProperty<IndexRange> editorSelectionProperty() {
        return editorSelection;
    }
}
