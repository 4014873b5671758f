package org.tokenlens.engine.tokenize.model.unigram;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.model.bpe.JsonFields;
import org.tokenlens.engine.tokenize.model.bpe.VocabMap;

/**
 * HF's Unigram ({@code tokenizers/src/models/unigram}, its "optimized" encoder after SentencePiece): Viterbi over
 * all vocabulary pieces that start at each char, best total log-probability wins (first found on ties, pieces
 * tried shortest first). A char that no single-char piece covers gets unk at min score − 10 (kUnkPenalty).
 * Consecutive unknowns fuse into one token whose value is the covered text; with byte_fallback it becomes
 * {@code <0xXX>} pieces, each spanning the whole fused text, as in HF.
 */
public final class UnigramModel implements Model {
    private static final double UNK_PENALTY = 10.0;
    private static final int CACHE_CAPACITY = 10_000;
    private static final int CACHE_MAX_LENGTH = 256;

    private final String[] pieces;
    private final double[] scores;
    private final VocabMap ids;
    private final PieceTrie trie;
    private final int unkId;
    private final boolean byteFallback;
    private final double unkScore;
    private final ConcurrentHashMap<String, List<ModelToken>> cache = new ConcurrentHashMap<>();

    private UnigramModel(String[] pieces, double[] scores, int unkId, boolean byteFallback) {
        this.pieces = pieces;
        this.scores = scores;
        this.unkId = unkId;
        this.byteFallback = byteFallback;
        this.ids = new VocabMap(pieces.length);
        this.trie = new PieceTrie(pieces.length);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pieces.length; i++) {
            ids.put(pieces[i], i); // a repeated piece keeps its last id, as HF's map
            min = Math.min(min, scores[i]);
        }
        for (int i = 0; i < pieces.length; i++) {
            trie.add(pieces[i], ids.get(pieces[i]));
        }
        this.unkScore = min - UNK_PENALTY;
    }

    /** Reads a {@code "type": "Unigram"} node: vocab {@code [[piece, score], …]}, optional unk_id, byte_fallback. */
    public static UnigramModel fromJson(JsonNode node, String path) {
        JsonNode vocab = node.get("vocab");
        if (vocab == null || !vocab.isArray()) {
            throw new TokenizerException("expected an array of [piece, score] at " + path + ".vocab");
        }
        int n = vocab.size();
        String[] pieces = new String[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode e = vocab.get(i);
            if (!e.isArray() || e.size() != 2 || !e.get(0).isTextual() || !e.get(1).isNumber()) {
                throw new TokenizerException("expected [piece, score] at " + path + ".vocab[" + i + "]");
            }
            pieces[i] = e.get(0).textValue();
            scores[i] = e.get(1).doubleValue();
        }
        int unkId = JsonFields.optIndex(node, "unk_id", path);
        if (unkId >= 0 && unkId >= n) {
            throw new TokenizerException("unk_id " + unkId + " is outside the vocabulary of " + n + " at " + path);
        }
        JsonNode bf = node.get("byte_fallback");
        if (bf != null && !bf.isBoolean()) {
            throw new TokenizerException("expected true or false at " + path + ".byte_fallback, got " + bf);
        }
        return new UnigramModel(pieces, scores, unkId, bf != null && bf.booleanValue());
    }

    @Override
    public List<ModelToken> tokenize(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        List<ModelToken> hit = cache.get(word);
        if (hit != null) {
            return hit;
        }
        Lattice best = viterbi(word);
        List<ModelToken> tokens = toTokens(word, best);
        if (word.length() < CACHE_MAX_LENGTH && cache.size() < CACHE_CAPACITY) {
            cache.put(word, tokens);
        }
        return tokens;
    }

    /** Best path ending at each char boundary: score, start of its last piece, and that piece's id. */
    private record Lattice(double[] score, int[] start, int[] id) {
    }

    private Lattice viterbi(String word) {
        int n = word.length();
        double[] score = new double[n + 1];
        int[] start = new int[n + 1];
        int[] id = new int[n + 1];
        java.util.Arrays.fill(start, -1);
        for (int pos = 0; pos < n; ) {
            double here = score[pos];
            int charLen = Character.charCount(word.codePointAt(pos));
            boolean singleCharPiece = false;
            int node = PieceTrie.ROOT;
            for (int j = pos; j < n; j++) {
                node = trie.child(node, word.charAt(j));
                if (node < 0) {
                    break;
                }
                int piece = trie.piece(node);
                if (piece < 0) {
                    continue;
                }
                int end = j + 1;
                double candidate = scores[piece] + here;
                if (start[end] < 0 || candidate > score[end]) {
                    score[end] = candidate;
                    start[end] = pos;
                    id[end] = piece;
                }
                singleCharPiece |= end - pos == charLen;
            }
            if (!singleCharPiece) {
                if (unkId < 0) {
                    throw new TokenizerException("Unigram met an unknown character but the model has no unk_id");
                }
                int end = pos + charLen;
                double candidate = unkScore + here;
                if (start[end] < 0 || candidate > score[end]) {
                    score[end] = candidate;
                    start[end] = pos;
                    id[end] = unkId;
                }
            }
            pos += charLen;
        }
        return new Lattice(score, start, id);
    }

    /** HF's back-trace with fused unknowns, then its {@code tokenize}: look each text up again, else bytes/unk. */
    private List<ModelToken> toTokens(String word, Lattice best) {
        List<int[]> spans = new ArrayList<>();
        int unkEnd = -1;
        for (int end = word.length(); end > 0; ) {
            int from = best.start[end];
            if (best.id[end] == unkId) {
                if (unkEnd < 0) {
                    unkEnd = end;
                }
            } else {
                if (unkEnd >= 0) {
                    spans.add(new int[] {end, unkEnd});
                    unkEnd = -1;
                }
                spans.add(new int[] {from, end});
            }
            end = from;
        }
        if (unkEnd >= 0) {
            spans.add(new int[] {0, unkEnd});
        }
        List<ModelToken> tokens = new ArrayList<>(spans.size());
        for (int k = spans.size() - 1; k >= 0; k--) {
            int from = spans.get(k)[0];
            int to = spans.get(k)[1];
            String text = word.substring(from, to);
            int id = ids.get(text);
            if (id >= 0) {
                tokens.add(new ModelToken(id, text, from, to));
                continue;
            }
            if (byteFallback && addBytes(tokens, text, from, to)) {
                continue;
            }
            if (unkId < 0) {
                throw new TokenizerException("Unigram met an unknown character but the model has no unk_id");
            }
            tokens.add(new ModelToken(unkId, text, from, to));
        }
        return List.copyOf(tokens);
    }

    private boolean addBytes(List<ModelToken> tokens, String text, int from, int to) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<ModelToken> out = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            String piece = String.format("<0x%02X>", b & 0xFF);
            int id = ids.get(piece);
            if (id < 0) {
                return false;
            }
            out.add(new ModelToken(id, piece, from, to));
        }
        tokens.addAll(out);
        return true;
    }

    @Override
    public Trace trace(String word) {
        if (word.isEmpty()) {
            return new Trace.Unigram(word, List.of(), 0);
        }
        Lattice best = viterbi(word);
        List<Trace.UnigramPiece> path = new ArrayList<>();
        for (int end = word.length(); end > 0; end = best.start[end]) {
            int from = best.start[end];
            int id = best.id[end];
            boolean unknown = id == unkId && trie.find(word, from, end) != id;
            path.add(0, new Trace.UnigramPiece(unknown ? word.substring(from, end) : pieces[id], id,
                    unknown ? unkScore : scores[id], from, end, unknown));
        }
        return new Trace.Unigram(word, path, best.score[word.length()]);
    }

    @Override
    public int tokenToId(String token) {
        return ids.get(token);
    }

    @Override
    public String idToToken(int id) {
        return id >= 0 && id < pieces.length ? pieces[id] : null;
    }

    @Override
    public int vocabSize() {
        return pieces.length;
    }
}
