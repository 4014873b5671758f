package org.tokenlens.engine.embed.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

class NpyFileTest {
    @TempDir
    Path dir;

    @Test
    void versionsAndDtypesReadBack() throws Exception {
        String[][] cases = {{"<f4", "F32"}, {"<f2", "F16"}, {"<f8", "F64"}};
        for (int version = 1; version <= 3; version++) {
            for (String[] c : cases) {
                DType type = DType.valueOf(c[1]);
                Path file = dir.resolve("a" + version + c[1] + ".npy");
                TestTensors.writeNpy(file, version, "{'descr': '" + c[0] + "', 'fortran_order': False, 'shape': (9, 5), }",
                        TestTensors.encode(type, TestTensors.matrix(9, 5)));
                try (MappedMatrix m = NpyFile.open(file)) {
                    assertEquals(9, m.rows());
                    assertEquals(5, m.dim());
                    assertEquals(type, m.storedType());
                    for (int r = 0; r < 9; r++) {
                        for (int col = 0; col < 5; col++) {
                            assertEquals(TestTensors.value(r, col), m.get(r, col), file + " " + r + "," + col);
                        }
                    }
                }
            }
        }
    }

    @Test
    void refusedArraysSayWhy() throws Exception {
        byte[] data = TestTensors.encode(DType.F32, TestTensors.matrix(2, 2));
        assertMessage("{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }", data,
                "holds pickled Python objects, and unpickling can execute code");
        assertMessage("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", data,
                "fortran_order is True (column-major)");
        assertMessage("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }", data, "dtype '>f4' is not read");
        assertMessage("{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }", data, "dtype '<i8' is not read");
        assertMessage("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", data, "is not 2-D");
        assertMessage("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 1), }", data, "is not 2-D");
        assertMessage("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", data,
                "needs 24 bytes, the file has 16 after its header");
        assertMessage("{'descr': '<f4', 'shape': (2, 2), }", data, "header lacks descr, fortran_order or shape");
        Path notNpy = dir.resolve("x.npy");
        Files.write(notNpy, "hello world, not numpy".getBytes());
        assertTrue(assertThrows(EmbeddingException.class, () -> NpyFile.open(notNpy)).getMessage()
                .contains("not a .npy file"));
        byte[] huge = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, '{'};
        Files.write(notNpy, huge);
        assertTrue(assertThrows(EmbeddingException.class, () -> NpyFile.open(notNpy)).getMessage()
                .contains("header length 2147483647 does not fit"));
    }

    private void assertMessage(String dict, byte[] data, String part) throws Exception {
        Path file = dir.resolve("bad.npy");
        TestTensors.writeNpy(file, 1, dict, data);
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> NpyFile.open(file));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
