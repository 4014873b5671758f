package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;

/** {@code embed}: JSON rows equal the reader's rows (and + position rows), errors keep the one-line contract. */
class EmbedCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddingModel miniLm;

    private final CliRunner cli = new CliRunner();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        miniLm = new EmbeddingModels().load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    @Test
    void miniLmVectorsWithAndWithoutPositions() throws IOException {
        CliRunner.Result plain = cli.run("embed", "--model", "all-MiniLM-L6-v2", "--text", "Hello world");
        assertEquals(0, plain.exitCode(), plain.err());
        JsonNode root = JSON.readTree(plain.out());
        assertEquals(List.of("[CLS]", "hello", "world", "[SEP]"), texts(root.get("tokens")));
        assertEquals(List.of("101", "7592", "2088", "102"), texts(root.get("ids")));
        checkRows(root, false);

        CliRunner.Result summed = cli.run("embed", "--model", "all-MiniLM-L6-v2", "--text", "Hello world",
                "--positions");
        assertEquals(0, summed.exitCode(), summed.err());
        checkRows(JSON.readTree(summed.out()), true);
    }

    @Test
    void noSpecialLeavesOutClsAndSep() throws IOException {
        Path glove = gloVe(dir);
        CliRunner.Result r = cli.run("embed", "--model", glove.toString(), "--text", "king queen", "--no-special");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(List.of("king", "queen"), texts(root.get("tokens")));
        assertEquals("[[1.0,1.0,0.0],[1.0,-1.0,0.0]]", root.get("vectors").toString());
    }

    @Test
    void positionsOnAModelWithoutThemIsBadInput() throws IOException {
        Path glove = gloVe(dir);
        CliRunner.Result r = cli.run("embed", "--model", glove.toString(), "--text", "king", "--positions");
        assertBadInput(r, "--positions", "no learned position embeddings");
    }

    @Test
    void unknownModelIsBadInput() {
        assertBadInput(cli.run("embed", "--model", "no-such-model", "--text", "hi"), "no-such-model");
    }

    @Test
    void malformedVectorFileIsBadInput() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "king 1 2 3\nqueen 1 2\n");
        assertBadInput(cli.run("embed", "--model", bad.toString(), "--text", "king"), bad.toString(), "line 2");
    }

    @Test
    void missingTextIsAUsageError() {
        assertBadInput(cli.run("embed", "--model", "all-MiniLM-L6-v2"), "--text");
    }

    /** A tiny GloVe file: axis 0 royalty, axis 1 male (+) / female (−), axis 2 fruit. */
    static Path gloVe(Path dir) throws IOException {
        Path file = dir.resolve("tiny-glove.txt");
        Files.writeString(file, String.join("\n",
                "king 1 1 0", "queen 1 -1 0", "man 0 1 0.1", "woman 0 -1 0.1", "apple 0 0 1", "prince 0.8 1 0", ""));
        return file;
    }

    static void assertBadInput(CliRunner.Result r, String... mustMention) {
        assertEquals(2, r.exitCode(), () -> "exit code; stderr: " + r.err());
        assertTrue(r.isOneLineError(), () -> "expected one 'tokenlens: …' line, got: " + r.err());
        assertEquals("", r.out());
        for (String s : mustMention) {
            assertTrue(r.err().contains(s), () -> "stderr should mention '" + s + "': " + r.err());
        }
    }

    private static void checkRows(JsonNode root, boolean positions) {
        JsonNode ids = root.get("ids");
        JsonNode vectors = root.get("vectors");
        assertEquals(ids.size(), vectors.size());
        for (int i = 0; i < ids.size(); i++) {
            float[] row = miniLm.input().row(ids.get(i).asInt());
            float[] pos = miniLm.positions().row(i);
            assertEquals(384, vectors.get(i).size());
            for (int c = 0; c < 384; c++) {
                float expected = positions ? row[c] + pos[c] : row[c];
                assertEquals(expected, vectors.get(i).get(c).floatValue(), 0f, "token " + i + " value " + c);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
