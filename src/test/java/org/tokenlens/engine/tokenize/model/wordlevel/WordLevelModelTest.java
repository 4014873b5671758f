package org.tokenlens.engine.tokenize.model.wordlevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.Models;
import org.tokenlens.engine.tokenize.model.bpe.DjlModelOracle;

/** Our WordLevel against HF (DJL) on a hand-written vocabulary. */
class WordLevelModelTest {
    private static final String JSON = """
            {"type":"WordLevel","vocab":{"<unk>":0,"hello":1,"world":2,"😀":3,"a b":4},"unk_token":"<unk>"}""";

    @Test
    void matchesHuggingFace() throws Exception {
        Model ours = Models.fromJson(DjlModelOracle.JSON.readTree(JSON), "$.model");
        try (DjlModelOracle hf = DjlModelOracle.of(JSON)) {
            for (String word : List.of("hello", "world", "Hello", "😀", "😀😀", "unknown", "a b", "<unk>")) {
                assertEquals(hf.tokenize(word), ours.tokenize(word), word);
            }
        }
        assertEquals(List.of(new ModelToken(0, "<unk>", 0, 4)), ours.tokenize("😀😀"));
        assertEquals(new Trace.Single("hello", "hello", 1), ours.trace("hello"));
        assertEquals(5, ours.vocabSize());
    }

    @Test
    void unknownWordWithoutUnkInVocabularyIsAnError() throws Exception {
        Model m = Models.fromJson(DjlModelOracle.JSON.readTree(
                "{\"type\":\"WordLevel\",\"vocab\":{\"hello\":0},\"unk_token\":\"<unk>\"}"), "$.model");
        assertEquals(List.of(new ModelToken(0, "hello", 0, 5)), m.tokenize("hello"));
        assertThrows(TokenizerException.class, () -> m.tokenize("bye"));
    }
}
