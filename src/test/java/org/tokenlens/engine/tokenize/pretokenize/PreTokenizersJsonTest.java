package org.tokenlens.engine.tokenize.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.TokenizerException;

/** Loading errors name the JSON path and the problem in one line. */
class PreTokenizersJsonTest {

    private static String error(String json) {
        return assertThrows(TokenizerException.class,
                () -> PreTokenizers.fromJson(PreTokenizerOracle.parse(json), "$.pre_tokenizer")).getMessage();
    }

    @Test
    void unknownTypeInSequenceNamesItsPath() {
        assertEquals("unknown pre-tokenizer type 'Bogus' at $.pre_tokenizer.pretokenizers[1]",
                error("{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Whitespace\"},{\"type\":\"Bogus\"}]}"));
    }

    @Test
    void missingRequiredField() {
        assertEquals("missing field 'add_prefix_space' at $.pre_tokenizer",
                error("{\"type\":\"ByteLevel\",\"trim_offsets\":true}"));
    }

    @Test
    void badRegexNamesThePattern() {
        String message = error("{\"type\":\"Split\",\"pattern\":{\"Regex\":\"(ab\"},\"behavior\":\"Isolated\","
                + "\"invert\":false}");
        assertTrue(message.startsWith("cannot use regex at $.pre_tokenizer.pattern.Regex: "), message);
    }

    @Test
    void metaspaceLegacyFlagMustAgree() {
        assertEquals("add_prefix_space does not match declared prepend_scheme at $.pre_tokenizer",
                error("{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"add_prefix_space\":false,"
                        + "\"prepend_scheme\":\"always\"}"));
    }
}
