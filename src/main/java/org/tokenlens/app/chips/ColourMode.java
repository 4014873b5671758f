package org.tokenlens.app.chips;

/** How chips pick their palette colour. */
public enum ColourMode {
    /** Cycling through the palette, so neighbours always differ. */
    POSITION,
    /** Hashing the id, so the same token has the same colour wherever it appears. */
    ID
}
