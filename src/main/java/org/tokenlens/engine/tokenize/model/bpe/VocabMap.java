package org.tokenlens.engine.tokenize.model.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.tokenlens.engine.tokenize.TokenizerException;

/**
 * Vocabulary piece → id, open addressing without boxing. Lookups also take a region of a string, or two regions
 * read as one string, so the hot loops of BPE and WordPiece test substrings (and "##" + substring) without
 * allocating them. Shared by all HF models; lives here because BPE is its main user. Immutable once built.
 */
public final class VocabMap {
    private final String[] keys;
    private final int[] ids;
    private final int mask;
    private int size;
    private String[] idToToken;
    private int maxId = -1;

    public VocabMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new String[cap];
        ids = new int[cap];
        mask = cap - 1;
        idToToken = new String[Math.max(16, expected)];
    }

    /**
     * Reads a JSON object {@code {"piece": id, …}} as HF does (a repeated key keeps its last id).
     *
     * @param path JSON path of the object, for error messages
     */
    public static VocabMap fromJson(JsonNode vocab, String path) {
        if (vocab == null || !vocab.isObject()) {
            throw new TokenizerException("expected an object of piece → id at " + path);
        }
        VocabMap map = new VocabMap(vocab.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
                throw new TokenizerException("id of '" + e.getKey() + "' must be a non-negative integer at "
                        + path + ", got " + v);
            }
            map.put(e.getKey(), v.intValue());
        }
        return map;
    }

    /** Adds or replaces a piece. Only while building. */
    public void put(String piece, int id) {
        int i = slot(piece.hashCode());
        while (keys[i] != null) {
            if (keys[i].equals(piece)) {
                ids[i] = id;
                remember(piece, id);
                return;
            }
            i = (i + 1) & mask;
        }
        if (size + 1 > (mask + 1) * 3 / 4) {
            throw new IllegalStateException("VocabMap sized for fewer pieces");
        }
        keys[i] = piece;
        ids[i] = id;
        size++;
        remember(piece, id);
    }

    private void remember(String piece, int id) {
        if (id >= idToToken.length) {
            idToToken = java.util.Arrays.copyOf(idToToken, Math.max(id + 1, idToToken.length * 2));
        }
        idToToken[id] = piece;
        maxId = Math.max(maxId, id);
    }

    public int get(String piece) {
        int i = slot(piece.hashCode());
        for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (k.equals(piece)) {
                return ids[i];
            }
        }
        return -1;
    }

    /** Id of {@code s[from, to)}, or -1. */
    public int get(String s, int from, int to) {
        int h = 0;
        for (int j = from; j < to; j++) {
            h = 31 * h + s.charAt(j);
        }
        int len = to - from;
        int i = slot(h);
        for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (k.length() == len && k.regionMatches(0, s, from, len)) {
                return ids[i];
            }
        }
        return -1;
    }

    /** Id of {@code a[aFrom, aTo) + b[bFrom, bTo)}, or -1. */
    public int get(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        int h = 0;
        for (int j = aFrom; j < aTo; j++) {
            h = 31 * h + a.charAt(j);
        }
        for (int j = bFrom; j < bTo; j++) {
            h = 31 * h + b.charAt(j);
        }
        int aLen = aTo - aFrom;
        int len = aLen + bTo - bFrom;
        int i = slot(h);
        for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (k.length() == len && k.regionMatches(0, a, aFrom, aLen) && k.regionMatches(aLen, b, bFrom, len - aLen)) {
                return ids[i];
            }
        }
        return -1;
    }

    /** Id of {@code a + b}, hashed from the strings' cached hash codes (no pass over the chars). */
    public int getConcat(String a, String b) {
        int pow = 1;
        for (int j = b.length(); j > 0; j--) {
            pow *= 31;
        }
        int h = a.hashCode() * pow + b.hashCode();
        int aLen = a.length();
        int len = aLen + b.length();
        int i = slot(h);
        for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (k.length() == len && k.startsWith(a) && k.endsWith(b)) {
                return ids[i];
            }
        }
        return -1;
    }

    /** Every piece with its id, in no particular order. */
    public void forEach(java.util.function.ObjIntConsumer<String> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept(keys[i], ids[i]);
            }
        }
    }

    /** Piece of an id, or null (ids may have holes). */
    public String token(int id) {
        return id >= 0 && id < idToToken.length ? idToToken[id] : null;
    }

    /** Largest id + 1, as HF's serializer counts (holes included). */
    public int idLimit() {
        return maxId + 1;
    }

    public int size() {
        return size;
    }

    private int slot(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1 >>> 7 & mask;
    }
}
