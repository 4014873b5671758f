package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import picocli.CommandLine;

/** `positions`: values against the formulas written out here, and the error contract. */
class PositionsCommandTest {

    private final CliRunner cli = new CliRunner();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private static void assertBadInput(CliRunner.Result r, String... mustMention) {
        assertEquals(2, r.exitCode(), () -> "exit code; stderr: " + r.err());
        assertTrue(r.isOneLineError(), () -> "expected one 'tokenlens: …' line, got: " + r.err());
        for (String s : mustMention) {
            assertTrue(r.err().contains(s), () -> "stderr should mention '" + s + "': " + r.err());
        }
    }

    @Test
    void sinusoidalCsvIsThePaperTable() {
        CliRunner.Result r = cli.run("positions", "--kind", "sinusoidal", "--positions", "5", "--dim", "8",
                "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(6, lines.length);
        assertEquals("position,d0,d1,d2,d3,d4,d5,d6,d7", lines[0]);
        for (int p = 0; p < 5; p++) {
            String[] cells = lines[p + 1].split(",");
            assertEquals(Integer.toString(p), cells[0]);
            for (int k = 0; k < 8; k++) {
                double angle = p / Math.pow(10000, 2.0 * (k / 2) / 8);
                assertEquals(k % 2 == 0 ? Math.sin(angle) : Math.cos(angle), Double.parseDouble(cells[k + 1]), 1e-7);
            }
        }
    }

    @Test
    void sinusoidalJsonConcatenatedWithBaseToFile() throws IOException {
        Path file = dir.resolve("pe.json");
        CliRunner.Result r = cli.run("positions", "--kind", "sinusoidal", "--positions", "4", "--dim", "6",
                "--base", "100", "--layout", "concatenated", "--format", "json", "--out", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        JsonNode root = json.readTree(file.toFile());
        assertEquals("concatenated", root.get("layout").asText());
        assertTrue(root.get("label").asText().contains("tensor2tensor"));
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < 3; i++) {
                double angle = p / Math.pow(100, 2.0 * i / 6);
                assertEquals(Math.sin(angle), root.get("values").get(p).get(i).asDouble(), 1e-7);
                assertEquals(Math.cos(angle), root.get("values").get(p).get(3 + i).asDouble(), 1e-7);
            }
        }
        assertEquals(2 * Math.PI * Math.pow(100, 4.0 / 6), root.get("wavelengths").get(2).asDouble(), 1e-9);
    }

    @Test
    void ropeFromALlama31Config() throws IOException {
        Files.writeString(dir.resolve("config.json"), """
                {"hidden_size": 4096, "num_attention_heads": 32, "max_position_embeddings": 131072,
                 "rope_theta": 500000.0, "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0,
                 "high_freq_factor": 4.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"}}""");
        CliRunner.Result r = cli.run("positions", "--kind", "rope", "--model", dir.toString(), "--positions", "3",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = json.readTree(r.out());
        assertEquals("llama3", root.get("rope_type").asText());
        assertEquals(128, root.get("rotary_dim").asInt());
        JsonNode inv = root.get("inv_freq");
        assertEquals(64, inv.size());
        // rope_golden.py (engine/positions tests): llama3 θ=500000, dim 128, factor 8, 1/4, 8192 → index 63
        assertEquals(3.068925988914511e-07, inv.get(63).asDouble(), 1e-19);
        assertEquals(2 * 0.016560440080994446, root.get("values").get(2).get(20).asDouble(), 1e-8);
        assertEquals(128, root.get("decay_all_ones").get(0).asDouble(), 1e-9);
    }

    @Test
    void alibiSlopesAndMaskedBias() throws IOException {
        CliRunner.Result r = cli.run("positions", "--kind", "alibi", "--heads", "8", "--positions", "4",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = json.readTree(r.out());
        for (int h = 0; h < 8; h++) {
            assertEquals(Math.pow(2, -(h + 1)), root.get("slopes").get(h).asDouble(), 0);
        }
        JsonNode head0 = root.get("bias").get(0);
        assertEquals(-1.5, head0.get(3).get(0).asDouble(), 0);
        assertTrue(head0.get(0).get(3).isNull());
        String csv = cli.run("positions", "--kind", "alibi", "--heads", "2", "--positions", "3", "--format", "csv")
                .out();
        assertEquals("head,slope,query,k0,k1,k2", csv.lines().findFirst().orElseThrow());
        // two heads: slopes 2^(−8/2)·{1, 2^−4} = 1/16, 1/256
        assertTrue(csv.contains("\n1,0.00390625,2,-0.0078125,-0.00390625,0.0\n"), csv);
        assertTrue(csv.contains("\n0,0.0625,0,0.0,-Infinity,-Infinity\n"), csv);
    }

    @Test
    void learnedTableFromTheSuppliedModel() throws IOException {
        EmbeddingMatrix wpe = new EmbeddingMatrix() {
            public int rows() {
                return 10;
            }

            public int dim() {
                return 3;
            }

            public void row(int row, float[] dst) {
                for (int c = 0; c < 3; c++) {
                    dst[c] = get(row, c);
                }
            }

            public float get(int row, int col) {
                return row * 10 + col;
            }

            public DType storedType() {
                return DType.F32;
            }

            public String source() {
                return "model.safetensors#wpe.weight";
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Cli.create(new TokenizerRegistry(), new PrintWriter(out), new PrintWriter(err));
        ((PositionsCommand) line.getSubcommands().get("positions").getCommand()).models =
                spec -> new EmbeddingModel(spec, null, wpe, null, false, wpe);
        int code = line.execute("positions", "--kind", "learned", "--model", "tiny-gpt2", "--positions", "4",
                "--format", "json");
        assertEquals(0, code, err.toString());
        JsonNode root = json.readTree(out.toString());
        assertTrue(root.get("label").asText().startsWith("learned positions of tiny-gpt2"));
        assertEquals(4, root.get("values").size());
        assertEquals(32.0, root.get("values").get(3).get(2).asDouble(), 0);
    }

    @Test
    void badInputIsOneLineWithExitTwo() {
        assertBadInput(cli.run("positions", "--kind", "fourier", "--format", "csv"), "fourier");
        assertBadInput(cli.run("positions", "--kind", "sinusoidal"), "--format");
        assertBadInput(cli.run("positions", "--kind", "sinusoidal", "--dim", "7", "--format", "csv"), "dim", "7");
        assertBadInput(cli.run("positions", "--kind", "sinusoidal", "--heads", "4", "--format", "csv"),
                "--heads", "sinusoidal");
        assertBadInput(cli.run("positions", "--kind", "alibi", "--positions", "0", "--format", "csv"), "--positions");
        assertBadInput(cli.run("positions", "--kind", "learned", "--format", "csv"), "--model");
        assertBadInput(cli.run("positions", "--kind", "rope", "--model", dir.resolve("none").toString(),
                "--format", "json"), "none");
        assertBadInput(cli.run("positions", "--kind", "sinusoidal", "--format", "csv", "--out",
                dir.resolve("no/such/dir/x.csv").toString()), "cannot write");
    }
}
