package org.tokenlens.app.chips;

/** Breaks clusters into rows from their estimated widths: greedy, as text wraps, and after each line end. Pure. */
public final class ChipRows {

    private ChipRows() {
    }

    /**
     * The first cluster of every row, then {@code widths.length} as a sentinel.
     *
     * @param widths    estimated width per cluster at scale 1
     * @param lineEnds  per cluster: a row ends after it (null: none do)
     * @param available the row width in pixels
     * @param scale     font size / {@link ChipWidths#BASE_FONT}
     */
    public static int[] breakRows(float[] widths, boolean[] lineEnds, double available, double scale) {
        int n = widths.length;
        int[] starts = new int[Math.max(2, n + 1)];
        int rows = 0;
        double x = 0;
        boolean newRow = true;
        for (int c = 0; c < n; c++) {
            double w = widths[c] * scale;
            if (newRow || x + w > available) {
                starts[rows++] = c;
                x = 0;
            }
            x += w;
            newRow = lineEnds != null && lineEnds[c];
        }
        starts[rows] = n;
        int[] out = new int[rows + 1];
        System.arraycopy(starts, 0, out, 0, rows + 1);
        return out;
    }
}
