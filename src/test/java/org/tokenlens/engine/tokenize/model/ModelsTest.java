package org.tokenlens.engine.tokenize.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.model.bpe.BpeModel;
import org.tokenlens.engine.tokenize.model.bpe.DjlModelOracle;
import org.tokenlens.engine.tokenize.model.unigram.UnigramModel;
import org.tokenlens.engine.tokenize.model.wordlevel.WordLevelModel;
import org.tokenlens.engine.tokenize.model.wordpiece.WordPieceModel;

/** Dispatch on "type", HF's inference for untyped (old) model nodes, and errors that name the path. */
class ModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Model read(String json) throws Exception {
        return Models.fromJson(JSON.readTree(json), "$.model");
    }

    @Test
    void dispatchesOnType() throws Exception {
        assertInstanceOf(BpeModel.class, read("{\"type\":\"BPE\",\"vocab\":{\"a\":0},\"merges\":[]}"));
        assertInstanceOf(WordPieceModel.class, read("{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\","
                + "\"continuing_subword_prefix\":\"##\",\"max_input_chars_per_word\":100,\"vocab\":{\"[UNK]\":0}}"));
        assertInstanceOf(WordLevelModel.class, read("{\"type\":\"WordLevel\",\"unk_token\":\"<unk>\",\"vocab\":{}}"));
        assertInstanceOf(UnigramModel.class, read("{\"type\":\"Unigram\",\"unk_id\":0,\"vocab\":[[\"<unk>\",0]]}"));
    }

    /** Without "type", HF tries BPE, WordPiece, WordLevel, Unigram and keeps the first that reads; DJL agrees. */
    @Test
    void untypedNodesAreInferredAsHuggingFaceDoes() throws Exception {
        String wordPiece = "{\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\","
                + "\"max_input_chars_per_word\":100,\"vocab\":{\"[UNK]\":0,\"un\":1,\"##able\":2}}";
        String wordLevel = "{\"unk_token\":\"[UNK]\",\"vocab\":{\"[UNK]\":0,\"un\":1,\"##able\":2}}";
        String bpe = "{\"vocab\":{\"u\":0,\"n\":1,\"un\":2},\"merges\":[\"u n\"]}";
        String unigram = "{\"unk_id\":0,\"vocab\":[[\"<unk>\",0],[\"un\",-1],[\"able\",-1]]}";
        assertInstanceOf(WordPieceModel.class, read(wordPiece));
        assertInstanceOf(WordLevelModel.class, read(wordLevel));
        assertInstanceOf(BpeModel.class, read(bpe));
        assertInstanceOf(UnigramModel.class, read(unigram));
        for (String json : List.of(wordPiece, wordLevel, bpe, unigram)) {
            try (DjlModelOracle hf = DjlModelOracle.of(json)) {
                assertEquals(hf.tokenize("unable"), read(json).tokenize("unable"), json);
            }
        }
    }

    @Test
    void unknownTypeNamesTypeAndPath() {
        TokenizerException e = assertThrows(TokenizerException.class, () -> read("{\"type\":\"Magic\",\"vocab\":{}}"));
        assertEquals("unknown model type 'Magic' at $.model", e.getMessage());
    }

    @Test
    void untypedNodeThatFitsNothingIsAnError() {
        TokenizerException e = assertThrows(TokenizerException.class, () -> read("{\"vocab\":{\"a\":0}}"));
        assertTrue(e.getMessage().contains("$.model"), e.getMessage());
        e = assertThrows(TokenizerException.class, () -> read("[1,2]"));
        assertTrue(e.getMessage().contains("$.model"), e.getMessage());
    }
}
