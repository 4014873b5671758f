package org.tokenlens.engine.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;

/** Bundled names, aliases and paths resolve to the right tokenizers; what cannot be loaded says why in one line. */
class TokenizerRegistryTest {
    private final TokenizerRegistry registry = new TokenizerRegistry();
    private static final String TEXT = "Hello world! Ünïcödé 東京 👋🏽 <|endoftext|> 12345";

    @Test
    void bundledTiktokenNamesMatchJtokkit() {
        Map<String, EncodingType> expected = Map.of("gpt2", EncodingType.R50K_BASE, "r50k_base",
                EncodingType.R50K_BASE, "p50k_base", EncodingType.P50K_BASE, "cl100k_base", EncodingType.CL100K_BASE,
                "o200k_base", EncodingType.O200K_BASE);
        var jtokkit = Encodings.newDefaultEncodingRegistry();
        expected.forEach((name, type) -> assertArrayEquals(jtokkit.getEncoding(type).encodeOrdinary(TEXT).toArray(),
                registry.load(name).encode(TEXT).ids(), name));
    }

    @Test
    void bertAliasesAreTheBundledMiniLmTokenizer() {
        try (HfOracle oracle = HfOracle.fromJson(Fixtures.bertJson())) {
            int[] want = oracle.encode(TEXT, true).ids();
            for (String alias : new String[] {"bert-base-uncased", "distilbert-base-uncased", "all-MiniLM-L6-v2",
                    "BERT-BASE-UNCASED"}) {
                assertArrayEquals(want, registry.load(alias).encode(TEXT).ids(), alias);
            }
        }
        assertEquals("bert-base-uncased", TokenizerRegistry.canonicalName("All-MiniLM-L6-v2"));
        assertTrue(TokenizerRegistry.bundled().containsKey("o200k_base"));
    }

    /**
     * Encodings share each id's byte array (read-only by contract); the public {@code tokenBytes} hands out a copy,
     * so a caller writing into it cannot change the tokens of any encoding.
     */
    @Test
    void tokenBytesIsACopyAndEncodingsKeepTheirBytes() {
        for (String name : new String[] {"bert-base-uncased", "gpt2"}) {
            Tokenizer t = registry.load(name);
            Encoding e = t.encode("hello hello");
            int hello = e.wordIndex()[0] < 0 ? 1 : 0; // after BERT's [CLS]
            byte[] want = e.bytes()[hello].clone();
            assertEquals("hello", new String(want, StandardCharsets.UTF_8).strip(), name); // BERT's: " hello"
            byte[] handedOut = t.tokenBytes(e.ids()[hello]);
            assertArrayEquals(want, handedOut, name);
            handedOut[0] = 'j';
            assertArrayEquals(want, t.tokenBytes(e.ids()[hello]), name);
            assertArrayEquals(want, e.bytes()[hello], name);
            assertArrayEquals(want, t.encode("hello").bytes()[hello], name);
        }
    }

    @Test
    void folderAndFilePathsLoad() {
        Path llama = Fixtures.tokenizerJson("llama3");
        try (HfOracle oracle = HfOracle.load(llama)) {
            int[] want = oracle.encode(TEXT, true).ids();
            assertArrayEquals(want, registry.load(llama.toString()).encode(TEXT).ids());
            assertArrayEquals(want, registry.load(llama.getParent().toString()).encode(TEXT).ids());
        }
    }

    @Test
    void aTiktokenFileLoadsByPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cl100k_base.tiktoken");
        try (InputStream in = getClass().getResourceAsStream("/com/knuddels/jtokkit/cl100k_base.tiktoken")) {
            Files.copy(in, file);
        }
        int[] want = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE)
                .encodeOrdinary(TEXT).toArray();
        assertArrayEquals(want, registry.load(file.toString()).encode(TEXT).ids());
    }

    @Test
    void unknownSpecsAndBadFilesGiveOneLineMessages(@TempDir Path dir) throws Exception {
        assertMessage("unknown tokenizer 'no-such-thing'", () -> registry.load("no-such-thing"));
        assertMessage("no tokenizer.json in folder", () -> registry.load(dir.toString()));

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"version\": \"1.0\",\n \"model\": {\"type\": \"BPE\", ", StandardCharsets.UTF_8);
        assertMessage("malformed JSON in " + broken + " at line 2", () -> registry.load(broken.toString()));
        TokenizerException truncated = assertThrows(TokenizerException.class, () -> registry.load(broken.toString()));
        assertFalse(truncated.getMessage().contains("Source") || truncated.getMessage().contains("marker at"),
                () -> "parser internals leak: " + truncated.getMessage());
        assertTrue(truncated.getMessage().contains("Unexpected end-of-input"), () -> "message: " + truncated.getMessage());

        Path unclosed = dir.resolve("unclosed.json");
        Files.writeString(unclosed, "{\"model\": {", StandardCharsets.UTF_8);
        TokenizerException cut = assertThrows(TokenizerException.class, () -> registry.load(unclosed.toString()));
        assertFalse(cut.getMessage().contains("Source") || cut.getMessage().contains("marker at"),
                () -> "parser internals leak: " + cut.getMessage());

        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"pre_tokenizer\": {\"type\": \"Sequence\", \"pretokenizers\": ["
                + "{\"type\": \"WhitespaceSplit\"}, {\"type\": \"Bogus\"}]},"
                + " \"model\": {\"type\": \"WordLevel\", \"vocab\": {\"a\": 0}, \"unk_token\": \"a\"}}");
        assertMessage("unknown pre-tokenizer type 'Bogus' at $.pre_tokenizer.pretokenizers[1]",
                () -> registry.load(unknown.toString()));

        Path noModel = dir.resolve("nomodel.json");
        Files.writeString(noModel, "{\"normalizer\": null}");
        assertMessage("no model at $.model", () -> registry.load(noModel.toString()));
    }

    private static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable call) {
        TokenizerException e = assertThrows(TokenizerException.class, call);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), () -> "message must be one line: " + e.getMessage());
    }
}
