package org.tokenlens.app.chips;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * One token: what it stands for (its bytes as text, whitespace made visible, partial characters as hex; a
 * special token's piece) above its id. Looks come from {@code token-chip.css} and the theme: a soft Okabe–Ito
 * background chosen by id ({@code palette-0..7}), {@code :special} outlined and bold, {@code :unknown} outlined
 * red, hex badges monospace.
 */
public class TokenChip extends Control {

    static final int PALETTE_SIZE = 8;
    private static final String[] PALETTE_CLASSES = new String[PALETTE_SIZE];
    private static final PseudoClass SPECIAL = PseudoClass.getPseudoClass("special");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");

    static {
        for (int k = 0; k < PALETTE_SIZE; k++) {
            PALETTE_CLASSES[k] = "palette-" + k;
        }
    }

    private final StringProperty piece = new SimpleStringProperty(this, "piece", "");
    private final ObjectProperty<byte[]> tokenBytes = new SimpleObjectProperty<>(this, "tokenBytes", new byte[0]);
    private final IntegerProperty tokenId = new SimpleIntegerProperty(this, "tokenId", -1);
    private final BooleanProperty special = pseudoClassProperty("special", SPECIAL);
    private final BooleanProperty unknown = pseudoClassProperty("unknown", UNKNOWN);

    public TokenChip() {
        getStyleClass().add("token-chip");
        tokenId.addListener(obs -> updatePaletteClass());
        special.addListener(obs -> updatePaletteClass());
        updatePaletteClass();
    }

    /** Special tokens are outlined, not coloured by id (a palette class would out-rank :special in CSS). */
    private void updatePaletteClass() {
        getStyleClass().removeAll(PALETTE_CLASSES);
        if (!special.get()) {
            getStyleClass().add(PALETTE_CLASSES[paletteIndex(tokenId.get())]);
        }
    }

    /** Colour by id: neighbouring ids get unrelated colours, the same id always the same one. */
    static int paletteIndex(int id) {
        int h = id * 0x9E3779B9; // Fibonacci hashing spreads consecutive ids
        return (h >>> 29) % PALETTE_SIZE;
    }

    private BooleanProperty pseudoClassProperty(String name, PseudoClass pseudoClass) {
        return new SimpleBooleanProperty(this, name) {
            @Override
            protected void invalidated() {
                pseudoClassStateChanged(pseudoClass, get());
            }
        };
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TokenChipSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return TokenChip.class.getResource("token-chip.css").toExternalForm();
    }

    /** The raw vocabulary piece ({@code Ġhello}, {@code ##s}, {@code [CLS]}); shown for special tokens. */
    public StringProperty pieceProperty() {
        return piece;
    }

    public String getPiece() {
        return piece.get();
    }

    public void setPiece(String value) {
        piece.set(value);
    }

    /** The bytes the token stands for in decoded output (see {@code Encoding.bytes()}); never written into. */
    public ObjectProperty<byte[]> tokenBytesProperty() {
        return tokenBytes;
    }

    public byte[] getTokenBytes() {
        return tokenBytes.get();
    }

    public void setTokenBytes(byte[] value) {
        tokenBytes.set(value);
    }

    public IntegerProperty tokenIdProperty() {
        return tokenId;
    }

    public int getTokenId() {
        return tokenId.get();
    }

    public void setTokenId(int value) {
        tokenId.set(value);
    }

    public BooleanProperty specialProperty() {
        return special;
    }

    public boolean isSpecial() {
        return special.get();
    }

    public void setSpecial(boolean value) {
        special.set(value);
    }

    public BooleanProperty unknownProperty() {
        return unknown;
    }

    public void setUnknown(boolean value) {
        unknown.set(value);
    }
}
