package org.tokenlens.engine.tokenize.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.model.bpe.BpeModel;
import org.tokenlens.engine.tokenize.model.unigram.UnigramModel;
import org.tokenlens.engine.tokenize.model.wordlevel.WordLevelModel;
import org.tokenlens.engine.tokenize.model.wordpiece.WordPieceModel;

/** Builds the model stage from tokenizer.json's {@code "model"} node. */
public final class Models {
    private Models() {
    }

    /**
     * Dispatches on {@code "type"}. Without one (old files), tries BPE, WordPiece, WordLevel, Unigram in HF's
     * order and takes the first that reads, as HF's untagged deserialization does (WordPiece before WordLevel:
     * a WordPiece node also reads as WordLevel).
     */
    public static Model fromJson(JsonNode node, String jsonPath) {
        return fromJson(node, jsonPath, PreParsed.NONE);
    }

    /**
     * As {@link #fromJson(JsonNode, String)}, where the vocabulary and merges may have been streamed already and
     * removed from {@code node}. Untyped nodes are told apart as before, counting the pre-parsed parts as present.
     */
    public static Model fromJson(JsonNode node, String jsonPath, PreParsed big) {
        if (node == null || !node.isObject()) {
            throw new TokenizerException("expected a model object at " + jsonPath);
        }
        JsonNode type = node.get("type");
        if (type != null) {
            if (!type.isTextual()) {
                throw new TokenizerException("model type must be a string at " + jsonPath + ".type, got " + type);
            }
            return switch (type.textValue()) {
                case "BPE" -> BpeModel.fromJson(node, jsonPath, big);
                case "WordPiece" -> WordPieceModel.fromJson(node, jsonPath, big.vocab());
                case "WordLevel" -> WordLevelModel.fromJson(node, jsonPath, big.vocab());
                case "Unigram" -> UnigramModel.fromJson(node, jsonPath);
                default -> throw new TokenizerException(
                        "unknown model type '" + type.textValue() + "' at " + jsonPath);
            };
        }
        List<String> reasons = new ArrayList<>();
        if (node.has("merges") || big.hasMerges()) {
            try {
                return BpeModel.fromJson(node, jsonPath, big);
            } catch (TokenizerException e) {
                reasons.add("BPE: " + e.getMessage());
            }
        }
        if (node.has("continuing_subword_prefix") && node.has("max_input_chars_per_word")) {
            try {
                return WordPieceModel.fromJson(node, jsonPath, big.vocab());
            } catch (TokenizerException e) {
                reasons.add("WordPiece: " + e.getMessage());
            }
        }
        if (node.has("unk_token") && (node.path("vocab").isObject() || big.vocab() != null)) {
            try {
                return WordLevelModel.fromJson(node, jsonPath, big.vocab());
            } catch (TokenizerException e) {
                reasons.add("WordLevel: " + e.getMessage());
            }
        }
        if (node.path("vocab").isArray()) {
            try {
                return UnigramModel.fromJson(node, jsonPath);
            } catch (TokenizerException e) {
                reasons.add("Unigram: " + e.getMessage());
            }
        }
        throw new TokenizerException("model at " + jsonPath + " has no \"type\" and reads as none of BPE, WordPiece,"
                + " WordLevel, Unigram" + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"));
    }
}
