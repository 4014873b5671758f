package org.tokenlens.engine.tokenize.postprocess;

import java.util.Arrays;

/**
 * A growable, mutable encoding under construction inside the pipeline: what HF calls an Encoding before it is
 * frozen. Offsets are UTF-16 into the original input, -1/-1 for inserted tokens. Not thread-safe; one per call.
 */
public final class TokenList {
    private int size;
    private int[] ids = new int[16];
    private String[] tokens = new String[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] special = new boolean[16];
    private int[] wordIndex = new int[16];
    private int[] typeIds = new int[16];

    public void add(int id, String token, int start, int end, boolean isSpecial, int word, int typeId) {
        if (size == ids.length) {
            int n = size * 2;
            ids = Arrays.copyOf(ids, n);
            tokens = Arrays.copyOf(tokens, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            special = Arrays.copyOf(special, n);
            wordIndex = Arrays.copyOf(wordIndex, n);
            typeIds = Arrays.copyOf(typeIds, n);
        }
        ids[size] = id;
        tokens[size] = token;
        starts[size] = start;
        ends[size] = end;
        special[size] = isSpecial;
        wordIndex[size] = word;
        typeIds[size] = typeId;
        size++;
    }

    /** Append an inserted special token (no offsets, no word). */
    public void addSpecial(int id, String token, int typeId) {
        add(id, token, -1, -1, true, -1, typeId);
    }

    /** Append all tokens of {@code other}. */
    public void addAll(TokenList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.ids[i], other.tokens[i], other.starts[i], other.ends[i], other.special[i],
                    other.wordIndex[i], other.typeIds[i]);
        }
    }

    public int size() {
        return size;
    }

    public int id(int i) {
        return ids[i];
    }

    public String token(int i) {
        return tokens[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public boolean special(int i) {
        return special[i];
    }

    public int wordIndex(int i) {
        return wordIndex[i];
    }

    public int typeId(int i) {
        return typeIds[i];
    }

    public void setOffsets(int i, int start, int end) {
        starts[i] = start;
        ends[i] = end;
    }

    public void setTypeId(int i, int typeId) {
        typeIds[i] = typeId;
    }

    public int[] ids() {
        return Arrays.copyOf(ids, size);
    }

    public String[] tokens() {
        return Arrays.copyOf(tokens, size);
    }

    public int[] starts() {
        return Arrays.copyOf(starts, size);
    }

    public int[] ends() {
        return Arrays.copyOf(ends, size);
    }

    public boolean[] specials() {
        return Arrays.copyOf(special, size);
    }

    public int[] wordIndexes() {
        return Arrays.copyOf(wordIndex, size);
    }
}
