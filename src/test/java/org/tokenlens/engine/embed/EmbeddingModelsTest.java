package org.tokenlens.engine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingModelsTest {
    @TempDir
    Path dir;

    private final EmbeddingModels models = new EmbeddingModels();

    @Test
    void bundledMiniLmPairsRowsWithBertIds() {
        try (EmbeddingModel m = models.load("all-MiniLM-L6-v2")) {
            assertEquals("all-MiniLM-L6-v2", m.name());
            assertEquals(30522, m.input().rows());
            assertEquals(384, m.input().dim());
            assertEquals(512, m.positions().rows());
            assertNull(m.output(), "a sentence encoder has no output head");
            int[] ids = m.tokenizer().encode("hello").ids();
            assertEquals(101, ids[0]);                       // [CLS], as bert-base-uncased numbers it
            // bits of row 101, cols 0-1, from a Python stdlib walk of the ONNX protobuf (see OnnxInitializersTest)
            assertEquals(0xbc90568e, Float.floatToRawIntBits(m.input().get(ids[0], 0)));
            assertEquals(0xbbf90e08, Float.floatToRawIntBits(m.input().get(ids[0], 1)));
        }
        assertEquals("all-MiniLM-L6-v2", EmbeddingModels.bundledName("MINILM"));
        assertEquals("all-MiniLM-L6-v2", EmbeddingModels.bundledName("all-minilm-l6-v2"));
        assertNull(EmbeddingModels.bundledName("bert-base-uncased"));
    }

    @Test
    void tokenizerNamesAreNotModelNames() {
        assertMessage("bert-base-uncased", "unknown model 'bert-base-uncased': not a bundled name (all-MiniLM-L6-v2)");
        assertMessage("nobody/nothing-here", "unknown model 'nobody/nothing-here'");
    }

    @Test
    void pytorchCheckpointsAreRefusedWithTheReason() throws Exception {
        for (String ext : new String[] {"bin", "pt", "pth", "ckpt"}) {
            Path f = dir.resolve("pytorch_model." + ext);
            Files.write(f, new byte[] {(byte) 0x80, 2, '}', '.'});
            assertMessage(f.toString(), "pickles, and loading a pickle can execute arbitrary code");
            assertMessage(f.toString(), "use the model's .safetensors files");
        }
        Path other = dir.resolve("weights.h5");
        Files.write(other, new byte[4]);
        assertMessage(other.toString(), "unknown embedding file type");
    }

    @Test
    void filesPairWithTheTokenizerNextToThem() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, dir.resolve("tokenizer.json"));
        }
        int rows = 30522;
        int dim = 2;
        ByteBuffer data = ByteBuffer.allocate(rows * dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            data.putFloat(r).putFloat(-r);
        }
        // .npy next to a tokenizer.json
        byte[] header = "{'descr': '<f4', 'fortran_order': False, 'shape': (30522, 2), }         \n".getBytes();
        ByteBuffer npy = ByteBuffer.allocate(10 + header.length + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        npy.put((byte) 0x93).put("NUMPY".getBytes()).put((byte) 1).put((byte) 0).putShort((short) header.length)
                .put(header).put(data.array());
        Path npyFile = dir.resolve("emb.npy");
        Files.write(npyFile, npy.array());
        try (EmbeddingModel m = models.load(npyFile.toString())) {
            int king = m.tokenizer().tokenToId("king");
            assertEquals(king, (int) m.input().get(king, 0));
            assertEquals(-king, (int) m.input().get(king, 1));
        }
        // .safetensors next to a tokenizer.json: the folder is the model
        byte[] json = ("{\"embeddings.word_embeddings.weight\":{\"dtype\":\"F32\",\"shape\":[30522,2],"
                + "\"data_offsets\":[0," + data.capacity() + "]}}").getBytes();
        ByteBuffer st = ByteBuffer.allocate(8 + json.length + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        st.putLong(json.length).put(json).put(data.array());
        Path stFile = dir.resolve("model.safetensors");
        Files.write(stFile, st.array());
        try (EmbeddingModel m = models.load(stFile.toString())) {
            assertEquals(dir.getFileName().toString(), m.name());
            assertEquals(2023f, m.input().get(2023, 0));
        }
        try (EmbeddingModel m = models.load(dir.toString())) {
            assertTrue(m.outputTied());
        }
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("emb.npy");
        Files.copy(npyFile, alone);
        assertMessage(alone.toString(), "no tokenizer.json next to it");
    }

    @Test
    void repoIdsResolveInTheHfCache() throws Exception {
        Path snap = Files.createDirectories(dir.resolve("hub/models--acme--glove-ish/snapshots/abc"));
        Files.writeString(snap.resolve("tokenizer.json"), "{\"model\":{\"type\":\"WordLevel\",\"unk_token\":\"u\","
                + "\"vocab\":{\"u\":0,\"v\":1}},\"pre_tokenizer\":{\"type\":\"WhitespaceSplit\"}}");
        byte[] json = "{\"wte.weight\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]}}".getBytes();
        ByteBuffer st = ByteBuffer.allocate(8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        st.putLong(json.length).put(json).putFloat(0.5f).putFloat(1.5f);
        Files.write(snap.resolve("model.safetensors"), st.array());
        EmbeddingModels cached = new EmbeddingModels(new org.tokenlens.engine.tokenize.TokenizerRegistry(),
                dir.resolve("hub"));
        try (EmbeddingModel m = cached.load("acme/glove-ish")) {
            assertEquals("abc", m.name());
            assertEquals(1.5f, m.input().get(m.tokenizer().encode("v").ids()[0], 0));
        }
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> cached.load("acme/absent"));
        assertTrue(e.getMessage().contains("or a repo in the local Hugging Face cache"), e.getMessage());
    }

    @Test
    void gloveTextLoadsBySuffix() throws Exception {
        Path f = dir.resolve("vectors.txt");
        Files.writeString(f, "king 1 0\nqueen 0.9 0.1\n");
        try (EmbeddingModel m = models.load(f.toString())) {
            assertEquals(0.9f, m.input().get(m.tokenizer().encode("queen").ids()[0], 0));
        }
    }

    private void assertMessage(String spec, String part) {
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> models.load(spec).close());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
