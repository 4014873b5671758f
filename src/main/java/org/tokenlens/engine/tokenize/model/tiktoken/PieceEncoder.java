package org.tokenlens.engine.tokenize.model.tiktoken;

import java.util.Arrays;

/**
 * The working state of one encode call: turns each split piece into UTF-8, byte-pair merges it and collects ids,
 * UTF-16 offsets and word indexes in primitive arrays. Reuses its buffers across pieces; not thread-safe.
 */
final class PieceEncoder {
    private final RankTable ranks;
    private final BytePairMerger merger;
    private byte[] buf = new byte[256];
    /** Per byte of {@link #buf}: UTF-16 start and end of the character the byte belongs to (non-ASCII pieces). */
    private int[] charStart = new int[256];
    private int[] charEnd = new int[256];

    int size;
    int[] ids;
    int[] starts;
    int[] ends;
    int[] words;

    PieceEncoder(RankTable ranks, int expectedTokens) {
        this.ranks = ranks;
        this.merger = new BytePairMerger(ranks);
        int cap = Math.max(16, expectedTokens);
        ids = new int[cap];
        starts = new int[cap];
        ends = new int[cap];
        words = new int[cap];
    }

    void add(int id, int start, int end, int word) {
        if (size == ids.length) {
            int n = size * 2;
            ids = Arrays.copyOf(ids, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            words = Arrays.copyOf(words, n);
        }
        ids[size] = id;
        starts[size] = start;
        ends[size] = end;
        words[size] = word;
        size++;
    }

    /** Encodes {@code text[from, to)}, one split piece, as word {@code word}. */
    void encodePiece(String text, int from, int to, int word) {
        int maxBytes = (to - from) * 3;
        if (buf.length < maxBytes) {
            buf = new byte[Math.max(maxBytes, buf.length * 2)];
        }
        byte[] b = buf;
        int n = 0;
        int i = from;
        while (i < to && text.charAt(i) < 0x80) {
            b[n++] = (byte) text.charAt(i++);
        }
        boolean ascii = i == to;
        if (!ascii) {
            n = encodeWithOffsets(text, from, to);
        }
        if (n == 1) {
            add(ranks.byteRank(b[0]), from, to, word);
            return;
        }
        int whole = ranks.rank(b, 0, n);
        if (whole != RankTable.NONE) {
            add(whole, from, to, word);
            return;
        }
        int count = merger.merge(b, n);
        int[] bounds = merger.bounds;
        int[] tokenIds = merger.ids;
        for (int k = 0; k < count; k++) {
            int b0 = bounds[k];
            int b1 = bounds[k + 1];
            int id = tokenIds[k];
            if (ascii) {
                add(id, from + b0, from + b1, word);
            } else {
                add(id, charStart[b0], charEnd[b1 - 1], word);
            }
        }
    }

    /** UTF-8 of {@code text[from, to)} into {@link #buf} with each byte's character span; a lone surrogate as U+FFFD. */
    private int encodeWithOffsets(String text, int from, int to) {
        int maxBytes = (to - from) * 3;
        if (charStart.length < maxBytes) {
            charStart = new int[Math.max(maxBytes, charStart.length * 2)];
            charEnd = new int[charStart.length];
        }
        byte[] b = buf;
        int n = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int cp = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                width = 2;
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            }
            int first = n;
            if (cp < 0x80) {
                b[n++] = (byte) cp;
            } else if (cp < 0x800) {
                b[n++] = (byte) (0xC0 | (cp >> 6));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                b[n++] = (byte) (0xE0 | (cp >> 12));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[n++] = (byte) (0xF0 | (cp >> 18));
                b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            }
            for (int k = first; k < n; k++) {
                charStart[k] = i;
                charEnd[k] = i + width;
            }
            i += width;
        }
        return n;
    }
}
