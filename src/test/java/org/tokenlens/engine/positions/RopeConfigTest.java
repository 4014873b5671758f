package org.tokenlens.engine.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingException;

/** config.json fields as real models write them (values from the models' published configs). */
class RopeConfigTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
        return dir;
    }

    @Test
    void llama31() throws IOException {
        RopeConfig c = RopeConfig.fromConfig(write("""
                {"hidden_size": 4096, "num_attention_heads": 32, "max_position_embeddings": 131072,
                 "rope_theta": 500000.0, "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0,
                 "high_freq_factor": 4.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"}}"""));
        assertEquals(500000, c.base());
        assertEquals(128, c.headDim());
        assertEquals(131072, c.maxPositionEmbeddings());
        assertEquals(new RopeScaling.Llama3(8, 1, 4, 8192), c.scaling());
    }

    @Test
    void qwenYarnWithOldTypeKeyAndExplicitHeadDim() throws IOException {
        RopeConfig c = RopeConfig.fromConfig(write("""
                {"hidden_size": 2048, "num_attention_heads": 16, "head_dim": 128, "max_position_embeddings": 32768,
                 "rope_theta": 1000000.0, "rope_scaling": {"type": "yarn", "factor": 4.0,
                 "original_max_position_embeddings": 32768}}""").resolve("config.json"));
        assertEquals(128, c.headDim());
        assertEquals(new RopeScaling.Yarn(4, null, 32, 1, 0, 0, 32768, true), c.scaling());
    }

    @Test
    void gptNeoxRotaryPctAndBase() throws IOException {
        RopeConfig c = RopeConfig.fromConfig(write("""
                {"hidden_size": 512, "num_attention_heads": 8, "rotary_pct": 0.25, "rotary_emb_base": 10000,
                 "max_position_embeddings": 2048, "rope_scaling": null}"""));
        assertEquals(64, c.headDim());
        assertEquals(16, c.rotaryDim());
        assertInstanceOf(RopeScaling.None.class, c.scaling());
    }

    @Test
    void ropeParametersBlockAndDefaults() throws IOException {
        RopeConfig c = RopeConfig.fromConfig(write("""
                {"hidden_size": 256, "num_attention_heads": 4,
                 "rope_parameters": {"rope_type": "linear", "factor": 2.0, "rope_theta": 20000}}"""));
        assertEquals(20000, c.base());
        assertEquals(RopeConfig.DEFAULT_MAX_POSITIONS, c.maxPositionEmbeddings());
        assertEquals(new RopeScaling.Linear(2), c.scaling());
    }

    @Test
    void errorsNameFileAndField() throws IOException {
        String file = dir.resolve("config.json").toString();
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> RopeConfig.fromConfig(write("""
                {"hidden_size": 256, "num_attention_heads": 4, "rope_scaling": {"rope_type": "longrope"}}""")));
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains("longrope"), e.getMessage());
        e = assertThrows(EmbeddingException.class, () -> RopeConfig.fromConfig(write("""
                {"hidden_size": 256, "num_attention_heads": 4, "rope_scaling": {"rope_type": "llama3", "factor": 8}}""")));
        assertTrue(e.getMessage().contains("$.rope_scaling.low_freq_factor: missing"), e.getMessage());
        e = assertThrows(EmbeddingException.class, () -> RopeConfig.fromConfig(write("""
                {"num_attention_heads": 4}""")));
        assertTrue(e.getMessage().contains("hidden_size"), e.getMessage());
        e = assertThrows(EmbeddingException.class, () -> RopeConfig.fromConfig(write("""
                {"hidden_size": 256, "num_attention_heads": 4, "rope_theta": "big"}""")));
        assertTrue(e.getMessage().contains("rope_theta"), e.getMessage());
        e = assertThrows(EmbeddingException.class, () -> RopeConfig.fromConfig(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }
}
