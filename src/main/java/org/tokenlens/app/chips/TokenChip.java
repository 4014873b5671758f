package org.tokenlens.app.chips;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.layout.Background;

/**
 * One chip: a cluster of tokens (usually one) — its label above, its ids (and hex badges for partial characters)
 * below. Looks come from {@code token-chip.css} and the theme: a soft Okabe–Ito background (the strip hands each
 * chip the theme's palette as {@link Background}s, see {@link #setBackgrounds}), {@code :special} outlined and bold, {@code :unknown} outlined red, {@code :byte-fallback} dashed,
 * {@code :boundary-diff} a bar at the left edge, {@code :selected}, {@code :covered} and {@code :hovered} for
 * linking with the editor.
 */
public class TokenChip extends Control {

    static final int PALETTE_SIZE = 8;
    static final PseudoClass SPECIAL = PseudoClass.getPseudoClass("special");
    static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    static final PseudoClass BYTE_FALLBACK = PseudoClass.getPseudoClass("byte-fallback");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass COVERED = PseudoClass.getPseudoClass("covered");
    static final PseudoClass HOVERED = PseudoClass.getPseudoClass("hovered");
    static final PseudoClass BOUNDARY_DIFF = PseudoClass.getPseudoClass("boundary-diff");

    private final ObjectProperty<ChipContent> content = new SimpleObjectProperty<>(this, "content");
    /** First token of the cluster shown, in its encoding; -1 when empty. */
    private int firstToken = -1;
    private int tokenCount;
    private int palette = -1;
    /**
     * The theme's palette backgrounds, then the special tokens' one. Set in code, not by a pseudo-class per
     * colour: a keystroke that adds a token shifts the position colour of every chip after it, and a pseudo-class
     * change restyles the chip with all its text — most of the FX thread's CSS work per keystroke.
     */
    private Background[] backgrounds;

    public TokenChip() {
        getStyleClass().add("token-chip");
    }

    /** Show a cluster; {@code palette} is the colour index, ignored for special tokens (outlined instead). */
    public void show(ChipContent value, int first, int count, int paletteIndex) {
        int wantedPalette = value != null && value.mark() == TokenMarks.SPECIAL ? -1 : paletteIndex;
        if (first == firstToken && count == tokenCount && wantedPalette == palette && value != null
                && value.equals(content.get())) {
            return; // the same chip as before (rows above an edit): no property change, so no CSS or layout
        }
        firstToken = first;
        tokenCount = count;
        content.set(value);
        byte mark = value == null ? TokenMarks.NORMAL : value.mark();
        pseudoClassStateChanged(SPECIAL, mark == TokenMarks.SPECIAL);
        pseudoClassStateChanged(UNKNOWN, mark == TokenMarks.UNKNOWN);
        pseudoClassStateChanged(BYTE_FALLBACK, mark == TokenMarks.BYTE_FALLBACK);
        if (wantedPalette != palette) {
            palette = wantedPalette;
            paint();
        }
    }

    /** The palette backgrounds ({@link #PALETTE_SIZE} colours, then special tokens'), from the theme. */
    void setBackgrounds(Background[] palette) {
        backgrounds = palette;
        paint();
    }

    private void paint() {
        if (backgrounds != null) {
            setBackground(backgrounds[palette >= 0 ? palette : PALETTE_SIZE]);
        }
    }

    /** Linking state, refreshed without touching the content. */
    public void setState(boolean selected, boolean covered, boolean hovered, boolean boundaryDiff) {
        pseudoClassStateChanged(SELECTED, selected);
        pseudoClassStateChanged(COVERED, covered);
        pseudoClassStateChanged(HOVERED, hovered);
        pseudoClassStateChanged(BOUNDARY_DIFF, boundaryDiff);
    }

    /** Colour by id: neighbouring ids get unrelated colours, the same id always the same one. */
    public static int paletteIndex(int id) {
        int h = id * 0x9E3779B9; // Fibonacci hashing spreads consecutive ids
        return (h >>> 29) % PALETTE_SIZE;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TokenChipSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return TokenChip.class.getResource("token-chip.css").toExternalForm();
    }

    public ObjectProperty<ChipContent> contentProperty() {
        return content;
    }

    public ChipContent getContent() {
        return content.get();
    }

    public int firstToken() {
        return firstToken;
    }

    /** The colour index shown, or -1 for none (special tokens). */
    public int paletteIndex() {
        return palette;
    }

    public int tokenCount() {
        return tokenCount;
    }

    /** The first token's id (what a test or a screen reader reads first). */
    public int getTokenId() {
        ChipContent c = content.get();
        return c == null || c.items().isEmpty() ? -1 : c.items().get(0).id();
    }
}
