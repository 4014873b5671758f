package org.tokenlens.app.heatmap;

import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * The values a {@link Heatmap} shows: {@code rows × cols} floats, rows on the vertical (position) axis, columns
 * on the horizontal (dimension) axis. Implementations must not change while shown; a new matrix is a new source.
 * {@link #array()} lets the pyramid build and the CSV export sweep a heap matrix without a call per element.
 */
public interface MatrixSource {

    int rows();

    int cols();

    float get(int row, int col);

    /** The row-major backing array when there is one (not a copy), else {@code null}. */
    default float[] array() {
        return null;
    }

    /** Copy one row into {@code dst[0, cols)}. */
    default void row(int row, float[] dst) {
        float[] a = array();
        if (a != null) {
            System.arraycopy(a, row * cols(), dst, 0, cols());
            return;
        }
        for (int c = 0, n = cols(); c < n; c++) {
            dst[c] = get(row, c);
        }
    }

    /** A row-major array seen as a matrix, without copying (e.g. {@code FloatMatrix.values()}). */
    static MatrixSource of(float[] values, int rows, int cols) {
        if (rows <= 0 || cols <= 0 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("values length " + values.length + " != " + rows + " × " + cols);
        }
        return new MatrixSource() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int cols() {
                return cols;
            }

            @Override
            public float get(int row, int col) {
                return values[row * cols + col];
            }

            @Override
            public float[] array() {
                return values;
            }
        };
    }

    /** An engine matrix (learned positions, memory-mapped weights): read by rows, never copied as a whole. */
    static MatrixSource of(EmbeddingMatrix matrix) {
        return new MatrixSource() {
            @Override
            public int rows() {
                return matrix.rows();
            }

            @Override
            public int cols() {
                return matrix.dim();
            }

            @Override
            public float get(int row, int col) {
                return matrix.get(row, col);
            }

            @Override
            public void row(int row, float[] dst) {
                matrix.row(row, dst);
            }
        };
    }
}
