package org.tokenlens.engine.embed.ops;

import java.util.Random;
import org.tokenlens.engine.embed.EmbeddingMatrix;

/** A small matrix on the heap for tests: the operations only see the {@link EmbeddingMatrix} interface. */
final class HeapMatrix implements EmbeddingMatrix {
    private final float[][] rows;
    private final int dim;

    HeapMatrix(float[][] rows) {
        this.rows = rows;
        this.dim = rows.length == 0 ? 0 : rows[0].length;
    }

    /** Gaussian values, seeded. */
    static HeapMatrix random(int rows, int dim, long seed) {
        Random random = new Random(seed);
        float[][] values = new float[rows][dim];
        for (float[] row : values) {
            for (int c = 0; c < dim; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return new HeapMatrix(values);
    }

    float[][] values() {
        return rows;
    }

    @Override
    public int rows() {
        return rows.length;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void row(int row, float[] dst) {
        System.arraycopy(rows[row], 0, dst, 0, dim);
    }

    @Override
    public float get(int row, int col) {
        return rows[row][col];
    }

    @Override
    public DType storedType() {
        return DType.F32;
    }

    @Override
    public String source() {
        return "test matrix";
    }
}
