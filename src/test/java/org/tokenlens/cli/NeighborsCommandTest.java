package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenlens.cli.EmbedCommandTest.assertBadInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;

class NeighborsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliRunner cli = new CliRunner();

    @TempDir
    Path dir;

    /** The seed's claim on real vectors: MiniLM's nearest tokens to "king" include "queen". */
    @Test
    void kingIsNearQueenInMiniLm() throws IOException {
        CliRunner.Result r = cli.run("neighbors", "--model", "all-MiniLM-L6-v2", "--token", "king", "-k", "10");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertEquals(10, list.size());
        List<String> tokens = new ArrayList<>();
        list.forEach(n -> tokens.add(n.get("token").asText()));
        assertTrue(tokens.contains("queen"), tokens.toString());
        assertTrue(!tokens.contains("king"), "the query itself is left out: " + tokens);
        // scores are cosines of the reader's rows, computed here in double
        try (EmbeddingModel m = new EmbeddingModels().load("all-MiniLM-L6-v2")) {
            float[] king = m.input().row(m.tokenizer().tokenToId("king"));
            double previous = Double.POSITIVE_INFINITY;
            for (JsonNode n : list) {
                double expected = cosine(king, m.input().row(n.get("id").asInt()));
                assertEquals(expected, n.get("score").asDouble(), 1e-5, n.toString());
                assertEquals(m.tokenizer().idToToken(n.get("id").asInt()), n.get("token").asText());
                assertTrue(expected <= previous + 1e-6, "nearest first");
                previous = expected;
            }
        }
    }

    @Test
    void byIdWithMetricsOnAHandMadeModel() throws IOException {
        Path glove = EmbedCommandTest.gloVe(dir);
        // king = id 0 (rows in file order). Euclidean from (1, 1, 0): prince 0.2, man √1.01, then the reader's
        // appended all-zero <unk> row at √2 (before apple √3 and queen 2)
        CliRunner.Result r = cli.run("neighbors", "--model", glove.toString(), "--id", "0", "-k", "3",
                "--metric", "EUCLIDEAN");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertEquals("prince", list.get(0).get("token").asText());
        assertEquals(0.2, list.get(0).get("score").asDouble(), 1e-6);
        assertEquals("man", list.get(1).get("token").asText());
        assertEquals(Math.sqrt(1.01), list.get(1).get("score").asDouble(), 1e-6);
        assertEquals("<unk>", list.get(2).get("token").asText());
        assertEquals(Math.sqrt(2), list.get(2).get("score").asDouble(), 1e-6);

        // dot with (1, 1, 0): king itself 2 (kept with --include-self), prince 1.8, man 1
        JsonNode dot = JSON.readTree(cli.run("neighbors", "--model", glove.toString(), "--token", "king", "-k", "3",
                "--metric", "dot", "--include-self").out());
        assertEquals("[\"king\",\"prince\",\"man\"]", tokens(dot));
        assertEquals(1.8, dot.get(1).get("score").asDouble(), 1e-6);
    }

    @Test
    void badInput() throws IOException {
        Path glove = EmbedCommandTest.gloVe(dir);
        String model = glove.toString();
        assertBadInput(cli.run("neighbors", "--model", model, "--token", "king", "--metric", "manhattan"),
                "--metric", "manhattan");
        assertBadInput(cli.run("neighbors", "--model", model, "--token", "king", "-k", "0"), "-k", "0");
        assertBadInput(cli.run("neighbors", "--model", model, "--id", "99"), "--id", "99");
        assertBadInput(cli.run("neighbors", "--model", model, "--token", "king queen"), "king queen", "[king, queen]");
        assertBadInput(cli.run("neighbors", "--model", model, "--token", "king", "--id", "1"), "mutually exclusive");
        assertBadInput(cli.run("neighbors", "--model", model), "--token", "--id");
    }

    private static String tokens(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add('"' + n.get("token").asText() + '"'));
        return "[" + String.join(",", out) + "]";
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
