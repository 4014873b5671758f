package org.tokenlens.engine.tokenize.pretokenize;

import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.testing.Fixtures;

/**
 * The real pre-tokenizers of Llama 3, Qwen 3, Gemma 3 and GPT-4o (their {@code pre_tokenizer} objects, taken from
 * the fixture files) give HF's pieces on the whole corpus, and on every code point Java knows.
 */
class RealPreTokenizersTest {

    static JsonNode preTokenizerOf(String fixture) {
        try {
            return PreTokenizerOracle.JSON.readTree(Fixtures.tokenizerJson(fixture).toFile()).get("pre_tokenizer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "qwen3", "gemma3", "gpt4o"})
    void corpus(String fixture) {
        JsonNode node = preTokenizerOf(fixture);
        try (PreTokenizerOracle oracle = new PreTokenizerOracle(node, PreTokenizersOracleTest.TEXTS)) {
            assertNull(oracle.compare(PreTokenizersOracleTest.TEXTS), fixture + ": " + node);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3", "qwen3", "gpt4o"})
    void everyCodePoint(String fixture) {
        StringBuilder sb = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (Character.isDefined(cp) && Character.getType(cp) != Character.SURROGATE
                    && (cp < 0x40000 || cp >= 0xE0000)) {
                sb.appendCodePoint(cp);
                if (cp % 7 == 0) {
                    sb.append(cp % 3 == 0 ? " " : "'s");   // give the contractions and space rules something to do
                }
            }
        }
        // the Split stage only: ByteLevel after it would only re-map the same pieces
        AllCodePointsTest.assertSamePieces(preTokenizerOf(fixture).get("pretokenizers").get(0), sb.toString());
    }
}
