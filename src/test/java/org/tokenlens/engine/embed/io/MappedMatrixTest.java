package org.tokenlens.engine.embed.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

class MappedMatrixTest {
    @TempDir
    Path dir;

    /**
     * A 2.5 GB F32 tensor in a sparse file (only the written pages take disk): values written at rows on both
     * sides of the 1 GB and 2 GB boundaries and at the end read back; the unwritten rest reads as zeros.
     */
    @Test
    void tensorsBeyondTwoGigabytesReadAcrossWindowBoundaries() throws Exception {
        int dim = 1024;
        int rows = 640_000;                        // 640,000 × 4 KB = 2.62 GB
        long offset = 13;                          // odd: a header need not align the data
        Path file = dir.resolve("big.bin");
        int[] probe = {0, 262_143, 262_144, 524_287, 524_288, 524_289, rows - 1};
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(offset + (long) rows * dim * 4);
            for (int r : probe) {
                ByteBuffer b = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int c = 0; c < dim; c++) {
                    b.putFloat(r + c / 1024f);
                }
                raf.seek(offset + (long) r * dim * 4);
                raf.write(b.array());
            }
        }
        assertTrue(Files.size(file) > (1L << 31) + (1L << 28));
        try (MappedMatrix m = MappedMatrix.map(file, offset, rows, dim, DType.F32, "big")) {
            assertEquals(3, m.windowCount());
            float[] row = new float[dim];
            for (int r : probe) {
                m.row(r, row);
                for (int c = 0; c < dim; c++) {
                    assertEquals(r + c / 1024f, row[c], "row " + r + " col " + c);
                }
                assertEquals(r + 1023 / 1024f, m.get(r, 1023));
            }
            assertEquals(0f, m.get(400_000, 5));
            assertThrows(IndexOutOfBoundsException.class, () -> m.get(rows, 0));
        }
    }

    @Test
    void smallWindowsHoldWholeRowsInEveryDtype() throws Exception {
        int rows = 37;
        int dim = 5;
        float[] want = TestTensors.matrix(rows, dim);
        for (DType type : DType.values()) {
            Path file = dir.resolve("m-" + type);
            byte[] data = TestTensors.encode(type, want);
            byte[] withPrefix = new byte[3 + data.length];
            System.arraycopy(data, 0, withPrefix, 3, data.length);
            Files.write(file, withPrefix);
            // 64-byte windows: a few rows each, so rows 0..36 cross many window edges
            try (MappedMatrix m = MappedMatrix.map(file, 3, rows, dim, type, "m", 64)) {
                assertEquals((rows + 64 / (dim * type.bytes()) - 1) / (64 / (dim * type.bytes())), m.windowCount());
                assertEquals(type, m.storedType());
                for (int r = 0; r < rows; r++) {
                    float[] expectRow = new float[dim];
                    System.arraycopy(want, r * dim, expectRow, 0, dim);
                    assertArrayEquals(expectRow, m.row(r), type + " row " + r);
                    assertEquals(want[r * dim + dim - 1], m.get(r, dim - 1), type + " get");
                }
            }
        }
    }

    @Test
    void aRegionPastTheEndOfTheFileIsRefused() throws Exception {
        Path file = dir.resolve("short.bin");
        Files.write(file, new byte[100]);
        EmbeddingException e = assertThrows(EmbeddingException.class,
                () -> MappedMatrix.map(file, 4, 5, 5, DType.F32, "short"));
        assertTrue(e.getMessage().contains("run past the end of the file (100 bytes)"), e.getMessage());
    }
}
