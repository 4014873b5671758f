package org.tokenlens.engine.tokenize.model.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;

/**
 * HF's BPE model ({@code tokenizers/src/models/bpe}): characters (or byte-fallback pieces, or unk) merged by
 * rank. Dropout: HF draws random numbers, so no implementation can be reproduced exactly; a dropout above 0 is
 * accepted and ignored (the deterministic split, which is HF's result at dropout 0).
 */
public final class BpeModel implements Model {
    /** HF's {@code DEFAULT_CACHE_CAPACITY} and {@code MAX_LENGTH} (bytes): cache short words, stop when full. */
    private static final int CACHE_CAPACITY = 10_000;
    private static final int CACHE_MAX_BYTES = 256;

    private final VocabMap vocab;
    private final MergeTable merges;
    private final String unkToken;
    private final String prefix;
    private final String suffix;
    private final boolean fuseUnk;
    private final boolean byteFallback;
    private final boolean ignoreMerges;
    private final int[] byteIds;
    private final ConcurrentHashMap<String, List<ModelToken>> cache = new ConcurrentHashMap<>();

    private BpeModel(VocabMap vocab, MergeTable merges, String unkToken, String prefix, String suffix, boolean fuseUnk,
            boolean byteFallback, boolean ignoreMerges) {
        this.vocab = vocab;
        this.merges = merges;
        this.unkToken = unkToken;
        this.prefix = prefix == null || prefix.isEmpty() ? null : prefix;
        this.suffix = suffix == null || suffix.isEmpty() ? null : suffix;
        this.fuseUnk = fuseUnk;
        this.byteFallback = byteFallback;
        this.ignoreMerges = ignoreMerges;
        this.byteIds = new int[256];
        for (int b = 0; b < 256; b++) {
            byteIds[b] = vocab.get(String.format("<0x%02X>", b));
        }
    }

    /** Reads a {@code "type": "BPE"} model node; {@code path} is its JSON path (e.g. {@code $.model}). */
    public static BpeModel fromJson(JsonNode node, String path) {
        return fromJson(node, path, org.tokenlens.engine.tokenize.model.PreParsed.NONE);
    }

    /** As {@link #fromJson(JsonNode, String)}, with the vocabulary and merges possibly read already. */
    public static BpeModel fromJson(JsonNode node, String path, org.tokenlens.engine.tokenize.model.PreParsed big) {
        JsonNode vocabNode = node.get("vocab");
        JsonNode mergesNode = node.get("merges");
        if ((vocabNode == null && big.vocab() == null) || (mergesNode == null && !big.hasMerges())) {
            throw new TokenizerException("BPE model at " + path + " needs both \"vocab\" and \"merges\"");
        }
        double dropout = JsonFields.optDouble(node, "dropout", path, 0);
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new TokenizerException("dropout must be between 0 and 1 at " + path + ".dropout, got " + dropout);
        }
        String prefix = JsonFields.optString(node, "continuing_subword_prefix", path);
        VocabMap vocab = big.vocab() != null ? big.vocab() : VocabMap.fromJson(vocabNode, path + ".vocab");
        MergeTable merges = big.hasMerges()
                ? MergeTable.fromLists(big.mergeFirst(), big.mergeSecond(), big.mergeCount(), vocab, prefix,
                        path + ".merges")
                : MergeTable.fromJson(mergesNode, vocab, prefix, path + ".merges");
        return new BpeModel(vocab, merges, JsonFields.optString(node, "unk_token", path), prefix,
                JsonFields.optString(node, "end_of_word_suffix", path), JsonFields.optBoolean(node, "fuse_unk", path),
                JsonFields.optBoolean(node, "byte_fallback", path), JsonFields.optBoolean(node, "ignore_merges", path));
    }

    @Override
    public List<ModelToken> tokenize(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        if (ignoreMerges) {
            int id = vocab.get(word);
            if (id >= 0) {
                return List.of(new ModelToken(id, word, 0, word.length()));
            }
        }
        List<ModelToken> hit = cache.get(word);
        if (hit != null) {
            return hit;
        }
        BpeWord symbols = initialSymbols(word);
        symbols.mergeAll(merges, vocab, null);
        List<ModelToken> tokens = toTokens(word, symbols);
        if (utf8Length(word) < CACHE_MAX_BYTES && cache.size() < CACHE_CAPACITY) {
            cache.put(word, tokens);
        }
        return tokens;
    }

    @Override
    public Trace trace(String word) {
        if (ignoreMerges && !word.isEmpty()) {
            int id = vocab.get(word);
            if (id >= 0) {
                return new Trace.Single(word, word, id);
            }
        }
        BpeWord symbols = initialSymbols(word);
        List<String> initial = symbols.livePieces(vocab);
        List<Trace.Merge> steps = new ArrayList<>();
        symbols.mergeAll(merges, vocab, steps);
        return new Trace.Bpe(word, initial, steps);
    }

    /** HF's {@code merge_word} before merging: one symbol per char, else its byte pieces, else (fused) unk. */
    private BpeWord initialSymbols(String word) {
        int n = word.length();
        BpeWord symbols = new BpeWord(n + 2);
        int unkId = -1;
        int unkLen = 0;
        for (int i = 0; i < n; ) {
            int cp = word.codePointAt(i);
            int end = i + Character.charCount(cp);
            int byteLen = utf8Length(cp);
            int id = lookupChar(word, i, end);
            if (id >= 0) {
                if (unkId >= 0) {
                    symbols.add(unkId, unkLen);
                    unkId = -1;
                }
                symbols.add(id, byteLen);
            } else if (byteFallback && addBytes(symbols, word, i, end)) {
                // HF adds the byte pieces without first flushing a pending unk: kept
            } else if (unkToken != null) {
                if (unkId >= 0 && fuseUnk) {
                    unkLen += byteLen;
                } else {
                    if (unkId >= 0) {
                        symbols.add(unkId, unkLen);
                    }
                    unkId = vocab.get(unkToken);
                    if (unkId < 0) {
                        throw new TokenizerException("BPE unk_token '" + unkToken + "' is not in the vocabulary");
                    }
                    unkLen = byteLen;
                }
            }
            i = end;
        }
        if (unkId >= 0) {
            symbols.add(unkId, unkLen);
        }
        return symbols;
    }

    /** Id of the char {@code word[from, to)} with the prefix (not first) and suffix (last) HF adds, or -1. */
    private int lookupChar(String word, int from, int to) {
        boolean withPrefix = prefix != null && from > 0;
        boolean withSuffix = suffix != null && to == word.length();
        if (!withPrefix && !withSuffix) {
            return vocab.get(word, from, to);
        }
        return vocab.get(decorate(word, from, to));
    }

    private String decorate(String word, int from, int to) {
        String s = word.substring(from, to);
        if (prefix != null && from > 0) {
            s = prefix + s;
        }
        if (suffix != null && to == word.length()) {
            s = s + suffix;
        }
        return s;
    }

    /** Byte fallback: {@code <0xXX>} per UTF-8 byte of the (decorated) char, only if all exist. */
    private boolean addBytes(BpeWord symbols, String word, int from, int to) {
        boolean plain = (prefix == null || from == 0) && (suffix == null || to < word.length());
        byte[] bytes = (plain ? word.substring(from, to) : decorate(word, from, to))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (byteIds[b & 0xFF] < 0) {
                return false;
            }
        }
        for (byte b : bytes) {
            symbols.add(byteIds[b & 0xFF], 1);
        }
        return true;
    }

    /**
     * HF's offsets are cumulative byte lengths; a byte range maps to the UTF-16 span of the chars it touches (as
     * HF's char offsets do), clamped to the word where HF's lengths run past it.
     */
    private List<ModelToken> toTokens(String word, BpeWord symbols) {
        ModelToken[] out = new ModelToken[symbols.count];
        int n = word.length();
        int c16 = 0;
        int cEnd16 = n == 0 ? 0 : Character.charCount(word.codePointAt(0));
        int cByteEnd = n == 0 ? 0 : utf8Length(word.codePointAt(0));
        int byteStart = 0;
        for (int k = 0; k < symbols.count; k++) {
            int byteEnd = byteStart + symbols.len[k];
            // char containing byteStart
            while (cByteEnd <= byteStart && cEnd16 < n) {
                c16 = cEnd16;
                int cp = word.codePointAt(c16);
                cEnd16 = c16 + Character.charCount(cp);
                cByteEnd += utf8Length(cp);
            }
            int start = cByteEnd <= byteStart ? n : c16;
            // char containing byteEnd - 1
            while (cByteEnd < byteEnd && cEnd16 < n) {
                c16 = cEnd16;
                int cp = word.codePointAt(c16);
                cEnd16 = c16 + Character.charCount(cp);
                cByteEnd += utf8Length(cp);
            }
            int id = symbols.id[k];
            out[k] = new ModelToken(id, vocab.token(id), start, cEnd16);
            byteStart = byteEnd;
        }
        return List.of(out);
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            bytes += utf8Length(cp);
            i += Character.charCount(cp);
        }
        return bytes;
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

    /**
     * The code-point pairs inside this vocabulary's pieces, when this model never puts a token across two
     * characters of a word that are no such pair; else null. Then a word cut between two such characters (a
     * "forced cut") is tokenized as its two sides are, one after the other: {@code tokenize(w) = tokenize(left) ++
     * tokenize(right)}, tokens of the right side moved by the left's length.
     * <p>Why. It holds when there is no continuing-subword prefix or end-of-word suffix, ignore_merges is off
     * (it would look the halves up whole), every byte has its {@code <0xXX>} piece (so byte fallback always
     * succeeds and no char becomes unk, which fuse_unk would join across the cut), no merge takes a byte piece,
     * and no two pieces share an id — all checked here. The initial symbols are each one char (a vocabulary
     * piece equal to that char) or one of the byte pieces of one char. A merge of two symbols yields the piece
     * {@code left + right} ({@link MergeTable} looks exactly that up); byte pieces never merge. So, by induction,
     * every symbol at every stage is either a byte piece inside one char or a vocabulary piece equal to the text it
     * covers. A symbol over the cut would thus be a piece with the two characters next to each other: there is
     * none. No merge is ever made across the cut, and a merge's candidates are adjacent symbols, so the queue's
     * entries for either side are those the side alone would have (an entry across the cut never applies), popped
     * in the same order (rank, then position; positions on either side keep their order), each seeing the same
     * symbols: either side ends as it would alone, whatever the tie rules.
     */
    public CharPairs innerPairs() {
        if (prefix != null || suffix != null || ignoreMerges || !byteFallback) {
            return null;
        }
        java.util.BitSet bytePieces = new java.util.BitSet();
        for (int id : byteIds) {
            if (id < 0) {
                return null;
            }
            bytePieces.set(id);
        }
        return merges.usesAny(bytePieces) ? null : CharPairs.of(vocab);
    }

    /** Number of merges, for display. */
    public int mergeCount() {
        return merges.size();
    }
}
