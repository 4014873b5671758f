package org.tokenlens.engine.tokenize.model.wordlevel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.bpe.JsonFields;
import org.tokenlens.engine.tokenize.model.bpe.VocabMap;

/** HF's WordLevel: the whole word is one vocabulary entry, or the unk token. */
public final class WordLevelModel implements Model {
    private final VocabMap vocab;
    private final String unkToken;

    private WordLevelModel(VocabMap vocab, String unkToken) {
        this.vocab = vocab;
        this.unkToken = unkToken;
    }

    /** Reads a {@code "type": "WordLevel"} node; vocab and unk_token are required, as in HF. */
    public static WordLevelModel fromJson(JsonNode node, String path) {
        return fromJson(node, path, null);
    }

    /** As {@link #fromJson(JsonNode, String)}, with the vocabulary possibly read already (null if not). */
    public static WordLevelModel fromJson(JsonNode node, String path, VocabMap preParsedVocab) {
        String unk = JsonFields.requireString(node, "unk_token", path);
        if (node.get("vocab") == null && preParsedVocab == null) {
            throw new TokenizerException("missing " + path + ".vocab");
        }
        return new WordLevelModel(preParsedVocab != null ? preParsedVocab
                : VocabMap.fromJson(node.get("vocab"), path + ".vocab"), unk);
    }

    @Override
    public List<ModelToken> tokenize(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        int id = vocab.get(word);
        if (id >= 0) {
            return List.of(new ModelToken(id, word, 0, word.length()));
        }
        int unk = vocab.get(unkToken);
        if (unk < 0) {
            throw new TokenizerException("WordLevel unk_token '" + unkToken + "' is not in the vocabulary");
        }
        return List.of(new ModelToken(unk, unkToken, 0, word.length()));
    }

    @Override
    public Trace trace(String word) {
        int id = vocab.get(word);
        return id >= 0 ? new Trace.Single(word, word, id) : new Trace.Single(word, unkToken, vocab.get(unkToken));
    }

    @Override
    public int tokenToId(String token) {
        return vocab.get(token);
    }

    @Override
    public String idToToken(int id) {
        return vocab.token(id);
    }

    @Override
    public int vocabSize() {
        return vocab.idLimit();
    }
}
