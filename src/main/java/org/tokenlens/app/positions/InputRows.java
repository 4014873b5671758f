package org.tokenlens.app.positions;

/**
 * The seed's "token vector + position vector = input vector" for one typed token, or why it cannot be shown.
 *
 * @param token    the token's text
 * @param position its position (its index in the encoding)
 * @param tokenVec the model's input embedding of the token's id
 * @param posVec   the position table's row
 * @param sum      their sum, as the model adds them (before BERT's token-type vector and LayerNorm)
 * @param label    what is added to what
 * @param note     when the rows are absent: why (null otherwise)
 */
public record InputRows(String token, int position, float[] tokenVec, float[] posVec, float[] sum, String label,
                        String note) {

    static InputRows unavailable(String note) {
        return new InputRows(null, -1, null, null, null, null, note);
    }

    public boolean available() {
        return sum != null;
    }

    /** The three rows as one 3 × d matrix (token, position, sum), for a small heatmap. */
    public float[] stacked() {
        int d = sum.length;
        float[] out = new float[3 * d];
        System.arraycopy(tokenVec, 0, out, 0, d);
        System.arraycopy(posVec, 0, out, d, d);
        System.arraycopy(sum, 0, out, 2 * d, d);
        return out;
    }
}
