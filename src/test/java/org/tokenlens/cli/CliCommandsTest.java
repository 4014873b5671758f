package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/** The commands on real tokenizers; expected values from HF tokenizers (DJL) and tiktoken (jtokkit). */
class CliCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static HfOracle bert;

    private final CliRunner cli = new CliRunner();

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOracle() {
        bert = HfOracle.fromResource(Fixtures.BERT_RESOURCE);
    }

    @AfterAll
    static void closeOracle() {
        bert.close();
    }

    private JsonNode ok(CliRunner.Result r) throws IOException {
        assertEquals(0, r.exitCode(), () -> "exit code; stderr: " + r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).intValue();
        }
        return out;
    }

    private static int[] ints(IntArrayList list) {
        return list.toArray();
    }

    /** Compare the CLI's JSON fields with what HF tokenizers produced for the same text. */
    private static void assertSameAsOracle(OracleEncoding expected, JsonNode actual) {
        assertArrayEquals(expected.ids(), ints(actual.get("ids")), "ids");
        assertEquals(List.of(expected.tokens()),
                JSON.convertValue(actual.get("tokens"), List.class), "tokens");
        JsonNode offsets = actual.get("offsets");
        assertEquals(expected.size(), offsets.size());
        for (int i = 0; i < expected.size(); i++) {
            if (expected.starts()[i] < 0) {
                assertTrue(offsets.get(i).isNull(), "inserted token " + i + " has null offsets");
            } else {
                assertArrayEquals(new int[] {expected.starts()[i], expected.ends()[i]}, ints(offsets.get(i)),
                        "offsets of token " + i);
            }
        }
    }

    @Test
    void tokenizersListsEveryBundledNameWithItsAliases() {
        CliRunner.Result r = cli.run("tokenizers");
        assertEquals(0, r.exitCode());
        List<String> lines = r.out().lines().toList();
        assertEquals(TokenizerRegistry.bundled().size(), lines.size());
        assertTrue(lines.contains("bert-base-uncased (aliases: distilbert-base-uncased, all-MiniLM-L6-v2)"), r.out());
        assertTrue(lines.contains("cl100k_base"), r.out());
    }

    @Test
    void encodeDistilbertExampleFromTheIssue() throws IOException {
        JsonNode json = ok(cli.run("encode", "--tokenizer", "distilbert-base-uncased", "--text", "This is a input."));
        assertArrayEquals(new int[] {101, 2023, 2003, 1037, 7953, 1012, 102}, ints(json.get("ids")));
        assertSameAsOracle(bert.encode("This is a input.", true), json);
        assertTrue(json.get("offsets").get(0).isNull());
        assertArrayEquals(new int[] {0, 4}, ints(json.get("offsets").get(1)));
    }

    @Test
    void encodeBertWithoutSpecialTokens() throws IOException {
        String text = "Héllo,  wörld!\tUnaffable naïveté";
        JsonNode json = ok(cli.run("encode", "--tokenizer", "bert-base-uncased", "--no-special", "--text", text));
        assertSameAsOracle(bert.encode(text, false), json);
    }

    @Test
    void encodeATokenizerJsonGivenByPathOrFolder() throws IOException {
        Path file = Fixtures.tokenizerJson("llama3");
        String text = "Hello   world!\n\tTokenLens 2026 — naïve 日本語";
        OracleEncoding expected = HfOracle.shared(file).encode(text, true);
        assertSameAsOracle(expected, ok(cli.run("encode", "--tokenizer", file.toString(), "--text", text)));
        assertSameAsOracle(expected, ok(cli.run("encode", "--tokenizer", file.getParent().toString(), "--text", text)));
    }

    @Test
    void encodeCl100kMatchesTiktokenAndOffsetsSliceTheText() throws IOException {
        String text = "Hello, world! 123 日本語 🙂\n  indented";
        JsonNode json = ok(cli.run("encode", "--tokenizer", "cl100k_base", "--text", text));
        int[] ids = ints(json.get("ids"));
        assertArrayEquals(ints(CL100K.encodeOrdinary(text)), ids);
        // offsets tile the text (a token may stop inside a character, so check coverage, not slices)
        JsonNode offsets = json.get("offsets");
        assertEquals(0, offsets.get(0).get(0).intValue());
        assertEquals(text.length(), offsets.get(offsets.size() - 1).get(1).intValue());
        assertEquals(ids.length, json.get("tokens").size());
    }

    @Test
    void allowSpecialLetsSpecialStringsMatch() throws IOException {
        String text = "end<|endoftext|>";
        int[] ordinary = ints(ok(cli.run("encode", "--tokenizer", "cl100k_base", "--text", text)).get("ids"));
        assertArrayEquals(ints(CL100K.encodeOrdinary(text)), ordinary);
        int[] allowed = ints(ok(cli.run("encode", "--tokenizer", "cl100k_base", "--allow-special", "--text", text))
                .get("ids"));
        // jtokkit cannot encode specials; tiktoken splits at the special string and encodes the rest ordinarily
        int[] expected = java.util.Arrays.copyOf(ints(CL100K.encodeOrdinary("end")), allowed.length);
        expected[expected.length - 1] = 100257; // <|endoftext|> in cl100k_base
        assertArrayEquals(expected, allowed);
    }

    @Test
    void jsonlKeepsEachRecordAndAddsTheEncoding() throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"id\":7,\"text\":\"This is a input.\"}\n{\"text\":\"Hello there\",\"lang\":\"en\"}\n");
        CliRunner.Result r = cli.run("encode", "--tokenizer", "bert-base-uncased", "--jsonl", "--input",
                file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(7, first.get("id").intValue());
        assertEquals("This is a input.", first.get("text").textValue());
        assertSameAsOracle(bert.encode("This is a input.", true), first);
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("en", second.get("lang").textValue());
        assertSameAsOracle(bert.encode("Hello there", true), second);
    }

    @Test
    void decodeCl100kRoundTripsTiktokenIds() {
        String text = "Hello, world! 日本語 🙂";
        String ids = CL100K.encodeOrdinary(text).boxed().stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).orElseThrow();
        CliRunner.Result r = cli.run("decode", "--tokenizer", "cl100k_base", "--ids", ids);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(text + System.lineSeparator(), r.out());
    }

    @Test
    void decodeBertSkipsSpecialsWhenAsked() {
        int[] ids = {101, 2023, 2003, 1037, 7953, 1012, 102};
        CliRunner.Result kept = cli.run("decode", "--tokenizer", "bert-base-uncased", "--ids", "101,2023,2003,1037,7953,1012,102");
        assertEquals(0, kept.exitCode(), kept.err());
        assertEquals(bert.decode(ids, false), kept.out().strip());
        CliRunner.Result skipped = cli.run("decode", "--tokenizer", "bert-base-uncased", "--skip-special",
                "--ids", "101,2023,2003,1037,7953,1012,102");
        assertEquals(bert.decode(ids, true), skipped.out().strip());
    }

    @Test
    void countReadsAFileAsUtf8() throws IOException {
        String text = "Grüße aus Köln — 東京\nline two\n";
        Path file = dir.resolve("t.txt");
        Files.writeString(file, text);
        CliRunner.Result r = cli.run("count", "--tokenizer", "cl100k_base", "--input", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Integer.toString(CL100K.countTokensOrdinary(text)), r.out().strip());
        CliRunner.Result b = cli.run("count", "--tokenizer", "bert-base-uncased", "--input", file.toString());
        assertEquals(Integer.toString(bert.encode(text, true).size()), b.out().strip());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        CliRunner.Result r = cli.run("encode", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--tokenizer"), r.out());
        assertTrue(r.out().contains("--jsonl"), r.out());
    }
}
