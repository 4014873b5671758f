package org.tokenlens.app.detail;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A small box holding one symbol or piece (and optionally a caption under it), styled by token-detail.css. */
final class SymbolBox extends VBox {

    SymbolBox(String symbol, String caption) {
        Label text = new Label(symbol.isEmpty() ? "∅" : symbol);
        text.getStyleClass().add("symbol-text");
        text.setMinWidth(USE_PREF_SIZE); // a box never elides its symbol; the row scrolls instead
        getChildren().add(text);
        if (caption != null) {
            Label under = new Label(caption);
            under.getStyleClass().add("symbol-caption");
            under.setMinWidth(USE_PREF_SIZE);
            getChildren().add(under);
        }
        getStyleClass().add("symbol-box");
        setMinWidth(USE_PREF_SIZE);
    }
}
