package org.tokenlens.engine.embed.io;

import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * A matrix held in one float array: for data that cannot be mapped (a tensor inside a jar, a text file) and is
 * small enough for the heap (at most 2^31 − 1 values).
 */
public final class HeapMatrix implements EmbeddingMatrix {
    private final float[] data;
    private final int rows;
    private final int dim;
    private final DType storedType;
    private final String source;

    /** Wraps {@code data} (not copied: the caller hands it over) as {@code rows × dim}, row-major. */
    public HeapMatrix(float[] data, int rows, int dim, DType storedType, String source) {
        if (rows < 0 || dim <= 0 || (long) rows * dim != data.length) {
            throw new EmbeddingException(source + ": " + data.length + " values do not make a " + rows + " × " + dim
                    + " matrix");
        }
        this.data = data;
        this.rows = rows;
        this.dim = dim;
        this.storedType = storedType;
        this.source = source;
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
        checkRow(row);
        System.arraycopy(data, row * dim, dst, 0, dim);
    }

    @Override
    public float get(int row, int col) {
        checkRow(row);
        if (col < 0 || col >= dim) {
            throw new IndexOutOfBoundsException("column " + col + " outside [0, " + dim + ")");
        }
        return data[row * dim + col];
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + rows + ") of " + source);
        }
    }

    @Override
    public DType storedType() {
        return storedType;
    }

    @Override
    public String source() {
        return source;
    }
}
