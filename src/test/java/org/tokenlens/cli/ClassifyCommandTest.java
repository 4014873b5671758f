package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tokenlens.cli.EmbedCommandTest.assertBadInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;

class ClassifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliRunner cli = new CliRunner();

    @TempDir
    Path dir;

    /** MiniLM has no output side: logits against its input embeddings; the top id is the argmax done here. */
    @Test
    void miniLmRoundTripAgainstABruteForceArgmax() throws IOException {
        CliRunner.Result r = cli.run("classify", "--model", "all-MiniLM-L6-v2", "--text", "The cat sat", "-k", "2");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("input_fallback", root.get("output").asText());
        try (EmbeddingModel m = new EmbeddingModels().load("all-MiniLM-L6-v2")) {
            JsonNode ids = root.get("ids");
            StringBuilder best = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                float[] v = m.input().row(ids.get(i).asInt());
                int argmax = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int row = 0; row < m.input().rows(); row++) {
                    float[] w = m.input().row(row);
                    double dot = 0;
                    for (int c = 0; c < v.length; c++) {
                        dot += (double) v[c] * w[c];
                    }
                    if (dot > max) {
                        max = dot;
                        argmax = row;
                    }
                }
                JsonNode top = root.get("positions").get(i).get("top");
                assertEquals(2, top.size());
                assertEquals(argmax, top.get(0).get("id").asInt(), "position " + i);
                assertEquals(max, top.get(0).get("logit").asDouble(), 1e-4);
                best.append(argmax).append(',');
            }
            int[] bestIds = DecodeCommand.parseIds(best.substring(0, best.length() - 1));
            assertEquals(m.tokenizer().decode(bestIds, true), root.get("decoded").asText());
        }
    }

    /** A hand-made model whose rows are unit vectors: every token classifies back to itself. */
    @Test
    void exactRoundTripOnUnitRows() throws IOException {
        Path file = dir.resolve("unit.txt");
        java.nio.file.Files.writeString(file, "the 1 0 0\ncat 0 1 0\nsat 0 0 1\nmat 0.6 0.8 0\n");
        CliRunner.Result r = cli.run("classify", "--model", file.toString(), "--text", "the cat sat");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("the cat sat", root.get("decoded").asText());
        assertEquals(3, root.get("unchanged").asInt());
        JsonNode top = root.get("positions").get(1).get("top").get(0);
        assertEquals("cat", top.get("token").asText());
        // softmax over logits (0, 1, 0, 0.8, and 0 for the appended <unk> row): e / (e + e^0.8 + 3)
        double e = Math.E;
        assertEquals(e / (e + Math.exp(0.8) + 3), top.get("probability").asDouble(), 1e-6);
    }

    @Test
    void badInput() throws IOException {
        String model = EmbedCommandTest.gloVe(dir).toString();
        assertBadInput(cli.run("classify", "--model", model, "--text", "king", "-k", "0"), "-k");
        assertBadInput(cli.run("classify", "--model", model, "--text", "king", "--positions"), "--positions");
        assertBadInput(cli.run("classify", "--model", "nope/nope", "--text", "king"), "nope/nope");
    }
}
