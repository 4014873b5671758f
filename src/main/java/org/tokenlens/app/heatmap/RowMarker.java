package org.tokenlens.app.heatmap;

/** A label placed beside one row of a heatmap: a typed token on its position. */
public record RowMarker(int row, String label) {

    public RowMarker {
        if (row < 0) {
            throw new IllegalArgumentException("marker row must be >= 0: " + row);
        }
    }
}
