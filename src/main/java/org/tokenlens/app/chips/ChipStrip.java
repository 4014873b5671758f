package org.tokenlens.app.chips;

import java.util.BitSet;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Skin;

/**
 * The tokens of one encoding as rows of {@link TokenChip}s, virtualized: only the rows on screen have nodes,
 * so a 5 MB paste costs the same to show as a sentence. Rows are broken from estimated widths
 * ({@link ChipWidths}). Linking state (selected, hovered, covered tokens; boundaries other lanes lack) is set
 * from outside; clicks and hovers are reported through {@link #onTokenClickedProperty()} and
 * {@link #onTokenHoveredProperty()} with the first token of the chip.
 */
public class ChipStrip extends Control {

    private final ObjectProperty<ChipData> data = new SimpleObjectProperty<>(this, "data");
    private final ObjectProperty<ColourMode> colourMode = new SimpleObjectProperty<>(this, "colourMode",
            ColourMode.POSITION);
    private final IntegerProperty selectedToken = new SimpleIntegerProperty(this, "selectedToken", -1);
    private final IntegerProperty hoveredToken = new SimpleIntegerProperty(this, "hoveredToken", -1);
    private final ObjectProperty<IndexRange> coveredTokens = new SimpleObjectProperty<>(this, "coveredTokens");
    private final ObjectProperty<BitSet> boundaryDiff = new SimpleObjectProperty<>(this, "boundaryDiff");
    private final ObjectProperty<IntConsumer> onTokenClicked = new SimpleObjectProperty<>(this, "onTokenClicked");
    private final ObjectProperty<IntConsumer> onTokenHovered = new SimpleObjectProperty<>(this, "onTokenHovered");
    private final ReadOnlyIntegerWrapper topOffset = new ReadOnlyIntegerWrapper(this, "topOffset", -1);

    public ChipStrip() {
        getStyleClass().add("chip-strip");
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ChipStripSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return ChipStrip.class.getResource("token-chip.css").toExternalForm();
    }

    /**
     * Text offset (UTF-16) of the first token in the top row on screen, or -1 when unknown; updated whenever
     * the strip scrolls. Lanes use it to keep each other at the same place in the text.
     */
    public ReadOnlyIntegerProperty topOffsetProperty() {
        return topOffset.getReadOnlyProperty();
    }

    void setTopOffset(int offset) {
        topOffset.set(offset);
    }

    /** Scrolls so that the row holding the token at text offset {@code offset} is the top row. */
    public void scrollToOffset(int offset) {
        if (getSkin() instanceof ChipStripSkin skin) {
            skin.scrollToOffset(offset);
        }
    }

    public ObjectProperty<ChipData> dataProperty() {
        return data;
    }

    public ChipData getData() {
        return data.get();
    }

    public void setData(ChipData value) {
        data.set(value);
    }

    public ObjectProperty<ColourMode> colourModeProperty() {
        return colourMode;
    }

    /** The selected token (index in the encoding), or -1. */
    public IntegerProperty selectedTokenProperty() {
        return selectedToken;
    }

    /** The hovered token, or -1; set by the owner from the shared session so every lane agrees. */
    public IntegerProperty hoveredTokenProperty() {
        return hoveredToken;
    }

    /** Tokens covered by the editor's caret or selection, as a token index range; null for none. */
    public ObjectProperty<IndexRange> coveredTokensProperty() {
        return coveredTokens;
    }

    /** Tokens whose start boundary some other lane does not have; null for none. */
    public ObjectProperty<BitSet> boundaryDiffProperty() {
        return boundaryDiff;
    }

    public ObjectProperty<IntConsumer> onTokenClickedProperty() {
        return onTokenClicked;
    }

    /** Called with the first token of the chip under the mouse, and -1 when the mouse leaves it. */
    public ObjectProperty<IntConsumer> onTokenHoveredProperty() {
        return onTokenHovered;
    }
}
