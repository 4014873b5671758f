package org.tokenlens.engine.positions;

import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * A computed {@code rows × dim} matrix held on the heap, row-major. It implements {@link EmbeddingMatrix} so a
 * computed table (sinusoidal, RoPE angles, a similarity matrix) and a table read from model weights can be drawn
 * and exported by the same code. {@link #source()} is the honest label shown next to the heatmap.
 */
public final class FloatMatrix implements EmbeddingMatrix {

    private final int rows;
    private final int dim;
    private final float[] values;
    private final String label;

    FloatMatrix(int rows, int dim, float[] values, String label) {
        if ((long) rows * dim != values.length) {
            throw new IllegalArgumentException("values length " + values.length + " != " + rows + " × " + dim);
        }
        this.rows = rows;
        this.dim = dim;
        this.values = values;
        this.label = label;
    }

    /** A zero matrix; {@code rows × dim} must fit one Java array. */
    static FloatMatrix zeros(int rows, int dim, String label) {
        long n = (long) rows * dim;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix too large for one array: " + rows + " × " + dim);
        }
        return new FloatMatrix(rows, dim, new float[(int) n], label);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void row(int row, float[] dst) {
        System.arraycopy(values, checkRow(row) * dim, dst, 0, dim);
    }

    @Override
    public float get(int row, int col) {
        if (col < 0 || col >= dim) {
            throw new IndexOutOfBoundsException("column " + col + " not in [0, " + dim + ")");
        }
        return values[checkRow(row) * dim + col];
    }

    /** The backing array (row-major, not a copy): for renderers and exporters that sweep the whole matrix. */
    public float[] values() {
        return values;
    }

    /** Smallest and largest finite value, for a colour scale; {0, 0} when there is none. */
    public float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v < min && v != Float.NEGATIVE_INFINITY) {
                min = v;
            }
            if (v > max && v != Float.POSITIVE_INFINITY) {
                max = v;
            }
        }
        return min > max ? new float[] {0, 0} : new float[] {min, max};
    }

    @Override
    public DType storedType() {
        return DType.F32;
    }

    @Override
    public String source() {
        return label;
    }

    @Override
    public String toString() {
        return label + " [" + rows + " × " + dim + "]";
    }

    private int checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " not in [0, " + rows + ")");
        }
        return row;
    }
}
