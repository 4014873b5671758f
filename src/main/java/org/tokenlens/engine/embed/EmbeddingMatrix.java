package org.tokenlens.engine.embed;

/**
 * A read-only matrix of {@code rows × dim} floats: a vocabulary's token embeddings (V × d), a model's learned
 * position embeddings (P × d) or an output projection ({@code lm_head}). Rows are read without copying the whole
 * matrix onto the heap: implementations may be memory-mapped (beyond 2 GB too) and stored as F32, F16 or BF16;
 * values are always returned as float32. Implementations are thread-safe for reading.
 */
public interface EmbeddingMatrix extends AutoCloseable {

    int rows();

    int dim();

    /** Copy row {@code row} into {@code dst[0, dim)}, converted to float32. */
    void row(int row, float[] dst);

    /** Row {@code row} as a new array. */
    default float[] row(int row) {
        float[] out = new float[dim()];
        row(row, out);
        return out;
    }

    /** One value. */
    float get(int row, int col);

    /** How the values are stored in the source (F32, F16, BF16). */
    DType storedType();

    /** Where it came from, for messages and the UI: file and tensor name. */
    String source();

    /** Release a mapping or file handle; the default does nothing. */
    @Override
    default void close() {
    }

    /** Storage types of tensors we read. */
    enum DType {
        F32(4), F16(2), BF16(2), F64(8);

        private final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }
}
