package org.tokenlens.engine.embed.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

class HfModelFolderTest {
    /** 11 ids: a WordLevel tokenizer small enough to pair with tiny matrices. */
    private static final String TOKENIZER = """
            {"version":"1.0","added_tokens":[],"pre_tokenizer":{"type":"WhitespaceSplit"},
             "model":{"type":"WordLevel","unk_token":"[UNK]","vocab":{"[UNK]":0,"the":1,"king":2,"queen":3,
             "man":4,"woman":5,"a":6,"b":7,"c":8,"d":9,"e":10}}}""";
    private static final int IDS = 11;

    @TempDir
    Path dir;

    private Path folder(String name, String config, Map<String, TestTensors.Entry> tensors) throws Exception {
        Path f = Files.createDirectories(dir.resolve(name));
        Files.writeString(f.resolve("tokenizer.json"), TOKENIZER);
        if (config != null) {
            Files.writeString(f.resolve("config.json"), config);
        }
        if (tensors != null) {
            TestTensors.write(f.resolve("model.safetensors"), tensors);
        }
        return f;
    }

    private static EmbeddingModel load(Path f) {
        return HfModelFolder.load(f, new TokenizerRegistry());
    }

    /** lm_head rows hold value(r, c) shifted by 100 rows, so output and input read differently. */
    private static TestTensors.Entry head(DType type, int rows, int dim) {
        float[] v = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < dim; c++) {
                v[r * dim + c] = TestTensors.value(r + 100, c);
            }
        }
        return new TestTensors.Entry(type.name(), new long[] {rows, dim}, TestTensors.encode(type, v));
    }

    private static void assertRows(EmbeddingMatrix m, int shift) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.dim(); c++) {
                assertEquals(TestTensors.value(r + shift, c), m.get(r, c), m.source() + " " + r + "," + c);
            }
        }
    }

    @Test
    void bertIsTiedByDefaultAndHasLearnedPositions() throws Exception {
        Path f = folder("bert", "{\"model_type\":\"bert\",\"vocab_size\":11}", TestTensors.tensors(
                "bert.embeddings.word_embeddings.weight", TestTensors.entry(DType.F32, IDS, 8),
                "bert.embeddings.position_embeddings.weight", TestTensors.entry(DType.F32, 16, 8),
                "bert.pooler.dense.weight", TestTensors.entry(DType.F32, 8, 8)));
        try (EmbeddingModel m = load(f)) {
            assertEquals("bert", m.name());
            assertTrue(m.outputTied());
            assertSame(m.input(), m.output());
            assertEquals(16, m.positions().rows());
            assertRows(m.input(), 0);
            assertEquals(2, m.tokenizer().encode("king").ids()[0]);
        }
    }

    @Test
    void llamaIsUntiedByDefaultAndUsesLmHead() throws Exception {
        Path f = folder("llama", "{\"model_type\":\"llama\",\"vocab_size\":11}", TestTensors.tensors(
                "model.embed_tokens.weight", TestTensors.entry(DType.BF16, IDS, 8),
                "lm_head.weight", head(DType.BF16, IDS, 8)));
        try (EmbeddingModel m = load(f)) {
            assertFalse(m.outputTied());
            assertNotSame(m.input(), m.output());
            assertNull(m.positions());
            assertEquals(DType.BF16, m.input().storedType());
            assertRows(m.input(), 0);
            assertRows(m.output(), 100);
        }
    }

    @Test
    void configTieWordEmbeddingsWinsOverDefaultsAndFiles() throws Exception {
        // tie=true: HF ignores a saved lm_head
        Path tied = folder("tied", "{\"model_type\":\"qwen2\",\"tie_word_embeddings\":true}", TestTensors.tensors(
                "model.embed_tokens.weight", TestTensors.entry(DType.F16, IDS, 8),
                "lm_head.weight", head(DType.F16, IDS, 8)));
        try (EmbeddingModel m = load(tied)) {
            assertTrue(m.outputTied());
            assertRows(m.output(), 0);
        }
        // tie=false without lm_head (an encoder saved without its head): no output matrix
        Path none = folder("none", "{\"model_type\":\"bert\",\"tie_word_embeddings\":false}", TestTensors.tensors(
                "embeddings.word_embeddings.weight", TestTensors.entry(DType.F64, IDS, 8)));
        try (EmbeddingModel m = load(none)) {
            assertFalse(m.outputTied());
            assertNull(m.output());
            assertRows(m.input(), 0);
        }
        // no config: a saved lm_head is the evidence of an untied head
        Path bare = folder("bare", null, TestTensors.tensors(
                "model.embed_tokens.weight", TestTensors.entry(DType.F32, IDS, 8),
                "lm_head.weight", head(DType.F32, IDS, 8)));
        try (EmbeddingModel m = load(bare)) {
            assertFalse(m.outputTied());
            assertRows(m.output(), 100);
        }
    }

    @Test
    void gpt2AndGptNeoxNames() throws Exception {
        Path gpt2 = folder("gpt2", "{\"model_type\":\"gpt2\"}", TestTensors.tensors(
                "wte.weight", TestTensors.entry(DType.F32, IDS, 4),
                "wpe.weight", TestTensors.entry(DType.F32, 32, 4)));
        try (EmbeddingModel m = load(gpt2)) {
            assertTrue(m.outputTied());
            assertEquals(32, m.positions().rows());
        }
        Path neox = folder("neox", "{\"model_type\":\"gpt_neox\"}", TestTensors.tensors(
                "gpt_neox.embed_in.weight", TestTensors.entry(DType.F16, IDS, 4),
                "embed_out.weight", head(DType.F16, IDS, 4)));
        try (EmbeddingModel m = load(neox)) {
            assertFalse(m.outputTied());
            assertRows(m.output(), 100);
        }
    }

    @Test
    void everyUsualInputNameIsFound() throws Exception {
        int i = 0;
        for (String name : HfModelFolder.INPUT_NAMES) {
            Path f = folder("n" + i++, "{}", TestTensors.tensors(
                    "some.layer.weight", TestTensors.entry(DType.F32, 2, 4),
                    name, TestTensors.entry(DType.F32, IDS, 4)));
            try (EmbeddingModel m = load(f)) {
                assertEquals("model.safetensors:" + name, m.input().source(), name);
            }
        }
        // unknown prefix, usual suffix
        Path f = folder("suffix", "{}", TestTensors.tensors(
                "encoder.layers.0.embed_tokens.weight", TestTensors.entry(DType.F32, 2, 4),
                "mymodel.embed_tokens.weight", TestTensors.entry(DType.F32, IDS, 4)));
        try (EmbeddingModel m = load(f)) {
            assertEquals("model.safetensors:mymodel.embed_tokens.weight", m.input().source());
        }
    }

    @Test
    void shardedWeightsFollowTheIndex() throws Exception {
        Path f = folder("sharded", "{\"model_type\":\"mistral\",\"vocab_size\":11}", null);
        TestTensors.write(f.resolve("model-00001-of-00002.safetensors"), TestTensors.tensors(
                "lm_head.weight", head(DType.BF16, IDS, 8),
                "model.layers.0.mlp.weight", TestTensors.entry(DType.F32, 3, 3)));
        TestTensors.write(f.resolve("model-00002-of-00002.safetensors"), TestTensors.tensors(
                "model.embed_tokens.weight", TestTensors.entry(DType.BF16, IDS, 8)));
        Files.writeString(f.resolve(TensorCatalog.INDEX), """
                {"metadata":{"total_size":1},"weight_map":{
                 "lm_head.weight":"model-00001-of-00002.safetensors",
                 "model.layers.0.mlp.weight":"model-00001-of-00002.safetensors",
                 "model.layers.1.mlp.weight":"model-00003-of-00003.safetensors",
                 "model.embed_tokens.weight":"model-00002-of-00002.safetensors"}}""");
        try (EmbeddingModel m = load(f)) {
            assertRows(m.input(), 0);
            assertRows(m.output(), 100);
            assertEquals("model-00002-of-00002.safetensors:model.embed_tokens.weight", m.input().source());
        }
        Files.writeString(f.resolve(TensorCatalog.INDEX),
                "{\"weight_map\":{\"model.embed_tokens.weight\":\"../elsewhere.safetensors\"}}");
        assertMessage(f, "weight_map['model.embed_tokens.weight'] is not a file name in the folder");
        Files.writeString(f.resolve(TensorCatalog.INDEX),
                "{\"weight_map\":{\"model.embed_tokens.weight\":\"missing.safetensors\"}}");
        assertMessage(f, "names shard missing.safetensors, which is missing");
        Files.writeString(f.resolve(TensorCatalog.INDEX),
                "{\"weight_map\":{\"model.embed_tokens.weight\":\"model-00001-of-00002.safetensors\"}}");
        assertMessage(f, "puts 'model.embed_tokens.weight' in model-00001-of-00002.safetensors, which has no such");
    }

    @Test
    void rowsAgainstTheVocabulary() throws Exception {
        // padded to the size config.json declares: accepted
        try (EmbeddingModel m = load(folder("pad", "{\"vocab_size\":16}", TestTensors.tensors(
                "wte.weight", TestTensors.entry(DType.F32, 16, 4))))) {
            assertEquals(16, m.input().rows());
        }
        // padded to a multiple of 64 without config: accepted
        try (EmbeddingModel m = load(folder("pad64", null, TestTensors.tensors(
                "wte.weight", TestTensors.entry(DType.F32, 64, 4))))) {
            assertEquals(64, m.input().rows());
        }
        assertMessage(folder("few", null, TestTensors.tensors("wte.weight", TestTensors.entry(DType.F32, 10, 4))),
                "model.safetensors:wte.weight has 10 rows but the tokenizer has 11 ids");
        assertMessage(folder("odd", null, TestTensors.tensors("wte.weight", TestTensors.entry(DType.F32, 13, 4))),
                "has 13 rows but the tokenizer has 11 ids, and no config.json vocab_size declares the padding");
        assertMessage(folder("cfg", "{\"vocab_size\":12}", TestTensors.tensors(
                "wte.weight", TestTensors.entry(DType.F32, 16, 4))), "has 16 rows but " );
        assertMessage(folder("dim", "{\"model_type\":\"llama\"}", TestTensors.tensors(
                "model.embed_tokens.weight", TestTensors.entry(DType.F32, IDS, 4),
                "lm_head.weight", TestTensors.entry(DType.F32, IDS, 8))), "lm_head.weight has dim 8 but");
    }

    @Test
    void missingPiecesAreNamed() throws Exception {
        Path noTok = Files.createDirectories(dir.resolve("notok"));
        assertMessage(noTok, "no tokenizer.json in");
        assertMessage(folder("noweights", "{}", null), "no *.safetensors file in");
        Files.write(dir.resolve("noweights").resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
        assertMessage(dir.resolve("noweights"), "PyTorch .bin weights are not read: convert them to safetensors");
        assertMessage(folder("noemb", "{}", TestTensors.tensors("x.weight", TestTensors.entry(DType.F32, IDS, 4))),
                "no input embedding tensor among 1 tensors");
    }

    @Test
    void theHfCacheListsSnapshotsWithWeights() throws Exception {
        Path hub = dir.resolve("hub");
        Path repo = hub.resolve("models--acme--tiny-llm");
        Path snapA = folder("hub/models--acme--tiny-llm/snapshots/aaa", "{\"vocab_size\":11}",
                TestTensors.tensors("wte.weight", TestTensors.entry(DType.F32, IDS, 4)));
        folder("hub/models--acme--tiny-llm/snapshots/bbb", "{}", null);           // no weights: not listed
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "aaa\n");
        Files.createDirectories(hub.resolve("datasets--acme--data/snapshots/x"));
        List<HfCache.CachedModel> models = HfCache.list(hub);
        assertEquals(1, models.size(), models.toString());
        assertEquals("acme/tiny-llm", models.get(0).repoId());
        assertEquals("aaa", models.get(0).revision());
        assertEquals(snapA.normalize(), HfCache.find(hub, "acme/tiny-llm").normalize());
        assertNull(HfCache.find(hub, "acme/other"));
        assertTrue(HfCache.list(dir.resolve("absent")).isEmpty());
        assertEquals(Path.of("/h/hub"), HfCache.hubFolder(Map.of("HF_HOME", "/h"), "/home/u"));
        assertEquals(Path.of("/c"), HfCache.hubFolder(Map.of("HF_HOME", "/h", "HF_HUB_CACHE", "/c"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/huggingface/hub"), HfCache.hubFolder(Map.of(), "/home/u"));
    }

    private static void assertMessage(Path folder, String part) {
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> load(folder).close());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
