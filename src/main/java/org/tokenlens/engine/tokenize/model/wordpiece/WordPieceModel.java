package org.tokenlens.engine.tokenize.model.wordpiece;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.bpe.JsonFields;
import org.tokenlens.engine.tokenize.model.bpe.VocabMap;

/**
 * HF's WordPiece ({@code tokenizers/src/models/wordpiece}): greedy longest-match-first from the word's start,
 * continuation pieces carry the prefix ({@code ##}). If any position has no match, or the word has more code
 * points than {@code max_input_chars_per_word}, the whole word is the unk token.
 */
public final class WordPieceModel implements Model {
    private final VocabMap vocab;
    private final String unkToken;
    private final String prefix;
    private final int maxInputChars;

    private WordPieceModel(VocabMap vocab, String unkToken, String prefix, int maxInputChars) {
        this.vocab = vocab;
        this.unkToken = unkToken;
        this.prefix = prefix;
        this.maxInputChars = maxInputChars;
    }

    /** Reads a {@code "type": "WordPiece"} node; all four fields are required, as in HF. */
    public static WordPieceModel fromJson(JsonNode node, String path) {
        return fromJson(node, path, null);
    }

    /** As {@link #fromJson(JsonNode, String)}, with the vocabulary possibly read already (null if not). */
    public static WordPieceModel fromJson(JsonNode node, String path, VocabMap preParsedVocab) {
        String unk = JsonFields.requireString(node, "unk_token", path);
        String prefix = JsonFields.requireString(node, "continuing_subword_prefix", path);
        JsonNode max = node.get("max_input_chars_per_word");
        if (max == null || !max.isIntegralNumber() || !max.canConvertToLong() || max.longValue() < 0) {
            throw new TokenizerException("expected a non-negative integer at " + path + ".max_input_chars_per_word");
        }
        if (node.get("vocab") == null && preParsedVocab == null) {
            throw new TokenizerException("missing " + path + ".vocab");
        }
        VocabMap vocab = preParsedVocab != null ? preParsedVocab : VocabMap.fromJson(node.get("vocab"), path + ".vocab");
        return new WordPieceModel(vocab, unk, prefix, (int) Math.min(Integer.MAX_VALUE, max.longValue()));
    }

    @Override
    public List<ModelToken> tokenize(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        if (word.codePointCount(0, word.length()) > maxInputChars) {
            return List.of(unk(word));
        }
        List<ModelToken> tokens = new ArrayList<>(4);
        int n = word.length();
        int plen = prefix.length();
        for (int start = 0; start < n; ) {
            int end = n;
            int id = -1;
            while (start < end) {
                id = start > 0 ? vocab.get(prefix, 0, plen, word, start, end) : vocab.get(word, start, end);
                if (id >= 0) {
                    break;
                }
                end -= Character.charCount(word.codePointBefore(end));
            }
            if (id < 0) {
                return List.of(unk(word));
            }
            tokens.add(new ModelToken(id, vocab.token(id), start, end));
            start = end;
        }
        return tokens;
    }

    private ModelToken unk(String word) {
        int id = vocab.get(unkToken);
        if (id < 0) {
            throw new TokenizerException("WordPiece unk_token '" + unkToken + "' is not in the vocabulary");
        }
        return new ModelToken(id, unkToken, 0, word.length());
    }

    @Override
    public Trace trace(String word) {
        List<Trace.WordPieceStep> steps = new ArrayList<>();
        if (word.codePointCount(0, word.length()) > maxInputChars) {
            return new Trace.WordPiece(word, steps, true);
        }
        int n = word.length();
        for (int start = 0; start < n; ) {
            List<String> tried = new ArrayList<>();
            int end = n;
            int id = -1;
            while (start < end) {
                String candidate = start > 0 ? prefix + word.substring(start, end) : word.substring(start, end);
                tried.add(candidate);
                id = vocab.get(candidate);
                if (id >= 0) {
                    break;
                }
                end -= Character.charCount(word.codePointBefore(end));
            }
            String matched = id >= 0 ? tried.get(tried.size() - 1) : null;
            steps.add(new Trace.WordPieceStep(start, tried, matched, id));
            if (id < 0) {
                return new Trace.WordPiece(word, steps, true);
            }
            start = end;
        }
        return new Trace.WordPiece(word, steps, false);
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
