package org.tokenlens.app.chips;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.tokenlens.engine.tokenize.Encoding;

/** The tokens of one {@link Encoding} as a wrapping row of {@link TokenChip}s. */
public class ChipStrip extends Control {

    private final ObjectProperty<Encoding> encoding = new SimpleObjectProperty<>(this, "encoding");

    public ChipStrip() {
        getStyleClass().add("chip-strip");
    }

    /** Chips wrap: the height needed depends on the width given. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ChipStripSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return ChipStrip.class.getResource("token-chip.css").toExternalForm();
    }

    public ObjectProperty<Encoding> encodingProperty() {
        return encoding;
    }

    public Encoding getEncoding() {
        return encoding.get();
    }

    public void setEncoding(Encoding value) {
        encoding.set(value);
    }
}
