package org.tokenlens.app.chips;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.tokenlens.engine.tokenize.Encoding;

/** The tokens of one {@link Encoding} as a wrapping row of {@link TokenChip}s. */
public class ChipStrip extends Control {

    /** More chips than this are summarised as "+N more": a node per token stalls layout at tens of thousands. */
    public static final int DEFAULT_MAX_CHIPS = 3000;

    private final ObjectProperty<Encoding> encoding = new SimpleObjectProperty<>(this, "encoding");
    private final IntegerProperty maxChips = new SimpleIntegerProperty(this, "maxChips", DEFAULT_MAX_CHIPS);

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

    public IntegerProperty maxChipsProperty() {
        return maxChips;
    }

    public int getMaxChips() {
        return maxChips.get();
    }

    public void setMaxChips(int value) {
        maxChips.set(value);
    }
}
