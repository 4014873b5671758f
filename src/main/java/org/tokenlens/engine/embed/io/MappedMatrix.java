package org.tokenlens.engine.embed.io;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * A row-major little-endian matrix memory-mapped from a file region. A {@link MappedByteBuffer} is capped at 2 GB,
 * so the region is mapped in windows of at most 1 GB, each holding whole rows: a row never straddles two
 * windows, and a row read is one bulk copy (F32) or one loop over one buffer. Nothing is read until a row is asked
 * for; the OS pages the file in and out, so the heap holds only the buffer objects.
 */
public final class MappedMatrix implements EmbeddingMatrix {
    /** Window size: well under the 2 GB limit of one mapping, large enough that a 20 GB file needs 20 maps. */
    static final long WINDOW_BYTES = 1L << 30;

    private final int rows;
    private final int dim;
    private final DType type;
    private final String source;
    private final int rowsPerWindow;
    // one typed view per window; absolute gets on views are thread-safe because no position is touched
    private volatile Buffer[] windows;

    private MappedMatrix(int rows, int dim, DType type, String source, int rowsPerWindow, Buffer[] windows) {
        this.rows = rows;
        this.dim = dim;
        this.type = type;
        this.source = source;
        this.rowsPerWindow = rowsPerWindow;
        this.windows = windows;
    }

    /**
     * Map {@code rows × dim} values of {@code type} starting at byte {@code offset} of {@code file}. The caller has
     * checked that the region lies inside the file; this checks it again, since mapping past the end would grow it.
     */
    public static MappedMatrix map(Path file, long offset, int rows, int dim, DType type, String source) {
        return map(file, offset, rows, dim, type, source, WINDOW_BYTES);
    }

    static MappedMatrix map(Path file, long offset, int rows, int dim, DType type, String source, long windowBytes) {
        if (rows < 0 || dim <= 0) {
            throw new EmbeddingException(source + ": a matrix needs rows ≥ 0 and dim > 0, got " + rows + " × " + dim);
        }
        long rowBytes = (long) dim * type.bytes();
        if (rowBytes > Integer.MAX_VALUE) {
            throw new EmbeddingException(source + ": one row of " + dim + " values is larger than 2 GB");
        }
        int rowsPerWindow = (int) Math.max(1, Math.min(rows, windowBytes / rowBytes));
        long total = rowBytes * rows;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (offset < 0 || offset > size || total > size - offset) {
                throw new EmbeddingException(source + ": " + total + " bytes at offset " + offset
                        + " run past the end of the file (" + size + " bytes)");
            }
            int count = rows == 0 ? 0 : (rows + rowsPerWindow - 1) / rowsPerWindow;
            Buffer[] views = new Buffer[count];
            for (int w = 0; w < count; w++) {
                long first = (long) w * rowsPerWindow;
                long n = Math.min(rowsPerWindow, rows - first);
                ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, offset + first * rowBytes, n * rowBytes)
                        .order(ByteOrder.LITTLE_ENDIAN);
                views[w] = switch (type) {
                    case F32 -> bytes.asFloatBuffer();
                    case F16, BF16 -> bytes.asShortBuffer();
                    case F64 -> bytes.asDoubleBuffer();
                };
            }
            return new MappedMatrix(rows, dim, type, source, rowsPerWindow, views);
        } catch (NoSuchFileException e) {
            throw new EmbeddingException("no such file: " + file, e);
        } catch (IOException e) {
            throw new EmbeddingException("cannot map " + source + ": " + e.getMessage(), e);
        }
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
        Buffer view = window(row);
        int base = (row % rowsPerWindow) * dim;
        switch (type) {
            case F32 -> ((FloatBuffer) view).get(base, dst, 0, dim);
            case F16 -> {
                ShortBuffer s = (ShortBuffer) view;
                for (int i = 0; i < dim; i++) {
                    dst[i] = HalfFloat.toFloat(s.get(base + i));
                }
            }
            case BF16 -> {
                ShortBuffer s = (ShortBuffer) view;
                for (int i = 0; i < dim; i++) {
                    dst[i] = Float.intBitsToFloat(s.get(base + i) << 16);
                }
            }
            case F64 -> {
                DoubleBuffer d = (DoubleBuffer) view;
                for (int i = 0; i < dim; i++) {
                    dst[i] = (float) d.get(base + i);
                }
            }
        }
    }

    @Override
    public float get(int row, int col) {
        if (col < 0 || col >= dim) {
            throw new IndexOutOfBoundsException("column " + col + " outside [0, " + dim + ")");
        }
        Buffer view = window(row);
        int i = (row % rowsPerWindow) * dim + col;
        return switch (type) {
            case F32 -> ((FloatBuffer) view).get(i);
            case F16 -> HalfFloat.toFloat(((ShortBuffer) view).get(i));
            case BF16 -> Float.intBitsToFloat(((ShortBuffer) view).get(i) << 16);
            case F64 -> (float) ((DoubleBuffer) view).get(i);
        };
    }

    private Buffer window(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + rows + ") of " + source);
        }
        Buffer[] w = windows;
        if (w == null) {
            throw new IllegalStateException(source + " is closed");
        }
        return w[row / rowsPerWindow];
    }

    /** Number of mappings; for tests of the window layout. */
    int windowCount() {
        Buffer[] w = windows;
        return w == null ? 0 : w.length;
    }

    @Override
    public DType storedType() {
        return type;
    }

    @Override
    public String source() {
        return source;
    }

    /** Drops the mappings; Java 17 has no public unmap, so the OS releases them when the buffers are collected. */
    @Override
    public void close() {
        windows = null;
    }
}
