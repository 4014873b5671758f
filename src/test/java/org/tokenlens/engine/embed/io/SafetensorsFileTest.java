package org.tokenlens.engine.embed.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyDtypeReadsBackTheWrittenValues(DType type) throws Exception {
        Path file = dir.resolve("m.safetensors");
        TestTensors.write(file, TestTensors.tensors(
                "bias", new TestTensors.Entry("F32", new long[] {3}, new byte[12]),
                "emb", TestTensors.entry(type, 50, 6)));
        SafetensorsFile f = SafetensorsFile.open(file);
        assertEquals("pt", f.metadata().get("format"));
        assertEquals(type.name(), f.tensors().get("emb").dtype());
        try (EmbeddingMatrix m = f.matrix("emb")) {
            assertEquals(50, m.rows());
            assertEquals(6, m.dim());
            assertEquals(type, m.storedType());
            for (int r = 0; r < 50; r++) {
                float[] row = m.row(r);
                for (int c = 0; c < 6; c++) {
                    assertEquals(TestTensors.value(r, c), row[c], type + " " + r + "," + c);
                }
            }
        }
    }

    @Test
    void malformedHeadersGetClearErrors() throws Exception {
        String ok = "\"emb\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}";
        // header length larger than the file
        Path big = dir.resolve("big.safetensors");
        Files.write(big, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1_000_000).array());
        assertMessage(big, "header length 1000000 does not fit in the file (16 bytes)");
        // negative (u64 ≥ 2^63) length
        Files.write(big, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-5).array());
        assertMessage(big, "header length 18446744073709551611 does not fit");
        // shorter than the length prefix
        Files.write(big, new byte[5]);
        assertMessage(big, "too short for a safetensors header");
        assertRaw("{" + ok.replace("[0,16]", "[0,32]") + "}", 16, "data_offsets [0,32] outside the data (16 bytes)");
        assertRaw("{" + ok.replace("[0,16]", "[8,4]") + "}", 16, "outside the data");
        assertRaw("{" + ok.replace("[2,2]", "[2,3]") + "}", 16,
                "shape [2,3] × F32 (4 bytes) is 24 bytes, but data_offsets span 16");
        assertRaw("{" + ok.replace("F32", "BF16") + "}", 16, "× BF16 (2 bytes) is 8 bytes");
        assertRaw("{" + ok + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16,
                "tensors 'emb' and 'b' overlap");
        assertRaw("{" + ok.replace("[2,2]", "[2,-2]") + "}", 16, "bad shape [2,-2]");
        assertRaw("{\"emb\":{\"dtype\":\"F32\",\"shape\":[4]}}", 16, "needs dtype, shape and data_offsets");
        assertRaw("{\"emb\":", 16, "the header is not valid JSON");
        assertRaw("[1,2]", 16, "the header is not a JSON object");
        assertRaw("{" + ok.replace("[2,2]", "[4294967296,4294967296,4294967296]") + "}", 16, "shape overflows");
    }

    @Test
    void tensorsThatAreNotFloatMatricesAreRefusedWhenAskedFor() throws Exception {
        Path file = dir.resolve("m.safetensors");
        TestTensors.write(file, TestTensors.tensors(
                "ids", new TestTensors.Entry("I64", new long[] {2, 2}, new byte[32]),
                "vec", new TestTensors.Entry("F32", new long[] {4}, new byte[16])));
        SafetensorsFile f = SafetensorsFile.open(file);
        assertMessage(() -> f.matrix("ids"), "tensor 'ids' is I64; only F32, F16, BF16 and F64 are read");
        assertMessage(() -> f.matrix("vec"), "tensor 'vec' has shape [4], expected 2 dimensions");
        assertMessage(() -> f.matrix("nope"), "no tensor 'nope'");
    }

    private void assertRaw(String json, int dataBytes, String part) throws Exception {
        Path file = dir.resolve("bad.safetensors");
        TestTensors.writeRaw(file, json, new byte[dataBytes]);
        assertMessage(file, part);
    }

    private static void assertMessage(Path file, String part) {
        assertMessage(() -> SafetensorsFile.open(file), part);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        EmbeddingException e = assertThrows(EmbeddingException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
