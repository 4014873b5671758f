package org.tokenlens.engine.tokenize.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.testing.HfOracle;

/** Malformed decoder JSON is refused with a message naming the place, where HF refuses it too. */
class DecoderJsonTest {

    private static TokenizerException refused(String json, String path) {
        return assertThrows(TokenizerException.class,
                () -> Decoders.fromJson(TinyDecoderTokenizer.JSON.readTree(json), path));
    }

    @Test
    void unknownTypeNamesTypeAndPath() {
        TokenizerException e = refused("{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"Fuse\"},"
                + "{\"type\":\"ByteFallback\"},{\"type\":\"Telepathy\"}]}", "$.decoder");
        assertEquals("unknown decoder type 'Telepathy' at $.decoder.decoders[2]", e.getMessage());
    }

    @Test
    void missingRequiredFieldIsRefusedLikeHf() {
        String json = "{\"type\":\"WordPiece\",\"prefix\":\"##\"}";
        assertEquals("missing field 'cleanup' at $.decoder", refused(json, "$.decoder").getMessage());
        assertThrows(RuntimeException.class,
                () -> HfOracle.fromJson(TinyDecoderTokenizer.json(List.of("a"), json)).close());
    }

    @Test
    void metaspaceLegacyAddPrefixSpaceFalseMustSayNever() {
        String json = "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"add_prefix_space\":false}";
        assertEquals("add_prefix_space does not match declared prepend_scheme at $.decoder",
                refused(json, "$.decoder").getMessage());
        assertThrows(RuntimeException.class,
                () -> HfOracle.fromJson(TinyDecoderTokenizer.json(List.of("a"), json)).close());
    }

    @Test
    void replacementMustBeOneCharacterAndRegexMustCompile() {
        assertEquals("field 'content' at $.decoder must be a single character",
                refused("{\"type\":\"Strip\",\"content\":\"ab\",\"start\":1,\"stop\":0}", "$.decoder").getMessage());
        TokenizerException e = refused("{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"(\"},\"content\":\"\"}",
                "$.decoder");
        assertEquals(true, e.getMessage().startsWith("invalid regex at $.decoder.pattern"), e.getMessage());
    }

    @Test
    void noDecoderJoinsWithSpaces() {
        assertEquals("a b", Decoders.decode(null, List.of("a", "b")));
    }

    @Test
    void byteLevelAlphabetIsGpt2Table() {
        // values from GPT-2's bytes_to_unicode: printable Latin-1 maps to itself, the rest to U+0100 onwards
        assertEquals('Ġ', ByteLevelAlphabet.byteToChar(' '));
        assertEquals('Ċ', ByteLevelAlphabet.byteToChar('\n'));
        assertEquals('Ā', ByteLevelAlphabet.byteToChar(0));
        assertEquals('ġ', ByteLevelAlphabet.byteToChar(0x7F));
        assertEquals('Ń', ByteLevelAlphabet.byteToChar(0xAD));
        assertEquals('A', ByteLevelAlphabet.byteToChar('A'));
        assertEquals('é', ByteLevelAlphabet.byteToChar(0xE9));
        char[] table = ByteLevelAlphabet.byteToChar();
        for (int b = 0; b < 256; b++) {
            assertEquals(b, ByteLevelAlphabet.charToByte(table[b]));
        }
        assertEquals(-1, ByteLevelAlphabet.charToByte(' '));
        assertEquals(-1, ByteLevelAlphabet.charToByte('日'));
        assertNull(ByteLevelAlphabet.toBytes("Ġ日本"));
        // printable ASCII is its own byte, so plain-text added tokens map to their UTF-8 as well
        assertArrayEquals("<|end|>".getBytes(StandardCharsets.US_ASCII), ByteLevelAlphabet.toBytes("<|end|>"));
        assertArrayEquals(" hi\n".getBytes(StandardCharsets.US_ASCII), ByteLevelAlphabet.toBytes("ĠhiĊ"));
    }
}
