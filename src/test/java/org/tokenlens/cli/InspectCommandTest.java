package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tokenlens.testing.Fixtures;

/** The inspector shows every stage and the file settings TokenLens does not apply, read back from the file itself. */
class InspectCommandTest {
    private final CliRunner cli = new CliRunner();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bertShowsItsStagesAndTheTruncationAndPaddingItIgnores() throws Exception {
        JsonNode file = json.readTree(Fixtures.bertJson());
        CliRunner.Result r = cli.run("inspect", "--tokenizer", "bert-base-uncased");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = json.readTree(r.out());
        assertEquals("tokenizer.json", out.get("kind").asText());
        assertEquals(file.get("model").get("vocab").size(), out.get("vocab_size").asInt());
        assertEquals(file.get("normalizer"), out.get("stages").get("normalizer"));
        assertEquals(file.get("pre_tokenizer"), out.get("stages").get("pre_tokenizer"));
        assertEquals(file.get("post_processor"), out.get("stages").get("post_processor"));
        assertEquals(file.get("decoder"), out.get("stages").get("decoder"));
        assertEquals("WordPiece", out.get("stages").get("model").get("type").asText());
        assertEquals(file.get("truncation"), out.get("not_applied").get("truncation"));
        assertEquals(file.get("padding"), out.get("not_applied").get("padding"));
        assertFalse(out.get("lossless").asBoolean());
    }

    @Test
    void tiktokenShowsItsPatternAndSpecials() throws Exception {
        CliRunner.Result r = cli.run("inspect", "--tokenizer", "o200k_base");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = json.readTree(r.out());
        assertEquals("tiktoken", out.get("kind").asText());
        assertTrue(out.get("stages").get("special_tokens").asText().contains("<|endoftext|>=199999"));
        assertTrue(out.get("lossless").asBoolean());
    }

    @Test
    void unknownTokenizerIsAOneLineError() {
        CliRunner.Result r = cli.run("inspect", "--tokenizer", "nope");
        assertEquals(Cli.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.isOneLineError(), r.err());
    }

    @Test
    void everyRegisteredCommandSelectsTheCli() {
        for (String word : new String[] {"tokenizers", "encode", "decode", "count", "inspect", "--help"}) {
            assertTrue(Cli.isCommand(word), word);
        }
        assertFalse(Cli.isCommand("--screenshot"));
    }
}
