package org.tokenlens.engine.tokenize.model.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.Models;
import org.tokenlens.engine.tokenize.model.bpe.DjlModelOracle;
import org.tokenlens.engine.tokenize.model.bpe.MultiScriptWords;

/** Our WordPiece against HF (DJL): a hand-written vocabulary per option, and bert-base-uncased's. */
class WordPieceModelTest {
    private static final String VOCAB = """
            {"[UNK]":0,"un":1,"PP-aff":2,"PP-able":3,"a":4,"PP-a":5,"😀":6,"PP-😀":7,"aff":8,"PP-ab":9,"PP-le":10}""";
    private static final List<String> WORDS = List.of("unaffable", "a", "aa", "aaa", "a😀", "😀a", "affable", "xyz",
            "unx", "aaaaaa", "a😀😀😀a", "a😀😀😀😀a", "unable", "😀😀");

    private static String wordPiece(String prefix, int maxChars) {
        return "{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"" + prefix
                + "\",\"max_input_chars_per_word\":" + maxChars + ",\"vocab\":" + VOCAB.replace("PP-", prefix) + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"##|100", "##|5", "@@|100", "|100"})
    void matchesHuggingFaceOnEveryWord(String config) throws Exception {
        String[] parts = config.split("\\|");
        String json = wordPiece(parts[0], Integer.parseInt(parts[1]));
        Model ours = Models.fromJson(DjlModelOracle.JSON.readTree(json), "$.model");
        try (DjlModelOracle hf = DjlModelOracle.of(json)) {
            for (String word : WORDS) {
                assertEquals(hf.tokenize(word), ours.tokenize(word), config + ": " + word);
            }
        }
    }

    /** By hand: greedy longest match; 5 code points is not too long even though it is 8 UTF-16 units. */
    @Test
    void handWorkedSplits() throws Exception {
        Model wide = Models.fromJson(DjlModelOracle.JSON.readTree(wordPiece("##", 100)), "$.model");
        assertEquals(List.of(new ModelToken(1, "un", 0, 2), new ModelToken(2, "##aff", 2, 5),
                new ModelToken(3, "##able", 5, 9)), wide.tokenize("unaffable"));
        Model m = Models.fromJson(DjlModelOracle.JSON.readTree(wordPiece("##", 5)), "$.model");
        assertEquals(List.of(new ModelToken(4, "a", 0, 1), new ModelToken(7, "##😀", 1, 3),
                new ModelToken(7, "##😀", 3, 5), new ModelToken(7, "##😀", 5, 7), new ModelToken(5, "##a", 7, 8)),
                m.tokenize("a😀😀😀a"));
        assertEquals(List.of(new ModelToken(0, "[UNK]", 0, 6)), m.tokenize("aaaaaa"));
        assertEquals(List.of(new ModelToken(0, "[UNK]", 0, 3)), m.tokenize("unx"));
    }

    @Test
    void traceListsCandidatesLongestFirst() throws Exception {
        Model m = Models.fromJson(DjlModelOracle.JSON.readTree(wordPiece("##", 100)), "$.model");
        Trace.WordPiece trace = (Trace.WordPiece) m.trace("unab");
        assertEquals(List.of(new Trace.WordPieceStep(0, List.of("unab", "una", "un"), "un", 1),
                new Trace.WordPieceStep(2, List.of("##ab"), "##ab", 9)), trace.steps());
        assertEquals(false, trace.unknown());
        assertEquals(true, ((Trace.WordPiece) m.trace("unx")).unknown());
    }

    @Test
    void missingFieldsNameTheirPath() throws Exception {
        JsonNode noMax = DjlModelOracle.JSON.readTree(
                "{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\",\"vocab\":{}}");
        TokenizerException e = assertThrows(TokenizerException.class, () -> Models.fromJson(noMax, "$.model"));
        assertTrue(e.getMessage().contains("$.model.max_input_chars_per_word"), e.getMessage());
    }

    /** bert-base-uncased (the bundled MiniLM tokenizer.json), model only: every word of a multi-script list. */
    @Test
    void bertVocabularyMatchesHuggingFace() throws Exception {
        JsonNode model;
        try (InputStream in = WordPieceModelTest.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            assertTrue(in != null, "class-path resource /all-minilm-l6-v2-tokenizer.json is missing");
            model = DjlModelOracle.JSON.readTree(in).get("model");
        }
        Model ours = Models.fromJson(model, "$.model");
        assertEquals(30522, ours.vocabSize());
        int compared = 0;
        try (DjlModelOracle hf = DjlModelOracle.of(model)) {
            for (String word : MultiScriptWords.words()) {
                // bert's normalizer lowercases before the model; the model itself sees any text
                for (String w : List.of(word, word.toLowerCase(java.util.Locale.ROOT))) {
                    assertEquals(hf.tokenize(w), ours.tokenize(w), w);
                    compared++;
                }
            }
        }
        assertTrue(compared > 300, "compared " + compared);
    }
}
