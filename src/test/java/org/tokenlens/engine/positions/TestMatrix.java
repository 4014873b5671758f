package org.tokenlens.engine.positions;

import org.tokenlens.engine.embed.EmbeddingMatrix;

/** A small in-test learned table standing in for a model's weights: values from a formula the tests know. */
final class TestMatrix implements EmbeddingMatrix {
    private final float[][] rows;

    TestMatrix(float[][] rows) {
        this.rows = rows;
    }

    /** Row p, column c = (p + 1) · 0.5 − c · 0.25: easy to predict, not a sinusoid. */
    static TestMatrix linear(int positions, int dim) {
        float[][] r = new float[positions][dim];
        for (int p = 0; p < positions; p++) {
            for (int c = 0; c < dim; c++) {
                r[p][c] = (p + 1) * 0.5f - c * 0.25f;
            }
        }
        return new TestMatrix(r);
    }

    @Override
    public int rows() {
        return rows.length;
    }

    @Override
    public int dim() {
        return rows[0].length;
    }

    @Override
    public void row(int row, float[] dst) {
        System.arraycopy(rows[row], 0, dst, 0, rows[row].length);
    }

    @Override
    public float get(int row, int col) {
        return rows[row][col];
    }

    @Override
    public DType storedType() {
        return DType.F16;
    }

    @Override
    public String source() {
        return "test.safetensors#wpe.weight";
    }
}
