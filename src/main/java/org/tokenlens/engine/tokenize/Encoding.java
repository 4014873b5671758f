package org.tokenlens.engine.tokenize;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The result of tokenizing one input: parallel arrays, one entry per token, immutable by convention
 * (callers must not write into the arrays).
 *
 * <p>Offsets are half-open {@code [start, end)} in UTF-16 units into the original input
 * ({@link #text()}); a token inserted by a post-processor ({@code [CLS]}, {@code <|begin_of_text|>})
 * has {@code start == end == -1}. Byte offsets are the same spans counted in UTF-8 bytes of the input.
 *
 * @param text       the original input
 * @param ids        token ids
 * @param tokens     raw vocabulary pieces ({@code Ġhello}, {@code ##s}, {@code ▁the}, {@code <0xE6>})
 * @param bytes      the bytes each token stands for in decoded output ({@code Ġ} → space, {@code <0xE6>} → 0xE6,
 *                   {@code ##s} → "s"); a piece may hold only part of a UTF-8 character
 * @param starts     UTF-16 start offset per token, -1 if none
 * @param ends       UTF-16 end offset per token (exclusive), -1 if none
 * @param special    whether the token is a special token (added special or inserted by a post-processor)
 * @param wordIndex  index of the pre-tokenizer word the token came from, -1 for inserted tokens
 * @param edited     how this encoding was re-encoded from an earlier one, or null (see {@link Edited}); not part
 *                   of the value: equality compares the tokens alone
 */
public record Encoding(String text, int[] ids, String[] tokens, byte[][] bytes, int[] starts, int[] ends,
                       boolean[] special, int[] wordIndex, Edited edited) {

    /** An encoding made from scratch. */
    public Encoding(String text, int[] ids, String[] tokens, byte[][] bytes, int[] starts, int[] ends,
                    boolean[] special, int[] wordIndex) {
        this(text, ids, tokens, bytes, starts, ends, special, wordIndex, null);
    }

    /**
     * What an incremental re-encoding ({@link Tokenizer#encodeEdited}) kept of the earlier encoding: its first
     * {@code head} tokens are the earlier one's first {@code head}, unchanged, and its last {@code tail} tokens the
     * earlier one's last {@code tail}, with spans moved by the text's change of length (a token without a span
     * keeps -1) and word indexes by one constant. Whoever holds both encodings (the chips, their diff marks) can
     * then skip comparing the shared tokens one by one. The earlier encoding is held weakly: a chain of edits must
     * not keep every earlier text alive.
     */
    public static final class Edited {
        private final WeakReference<Encoding> from;
        private final int head;
        private final int tail;

        public Edited(Encoding from, int head, int tail) {
            if (head < 0 || tail < 0 || head + tail > from.size()) {
                throw new IllegalArgumentException("kept " + head + " + " + tail + " of " + from.size() + " tokens");
            }
            this.from = new WeakReference<>(from);
            this.head = head;
            this.tail = tail;
        }
    }

    /** Leading tokens this encoding shares unchanged with {@code earlier}, or -1 if not re-encoded from it. */
    public int keptHead(Encoding earlier) {
        return edited != null && edited.from.get() == earlier ? edited.head : -1;
    }

    /**
     * Trailing tokens this encoding shares with {@code earlier} (spans moved by the text's change of length, word
     * indexes by a constant), or -1 if not re-encoded from it; head and tail never overlap in either encoding.
     */
    public int keptTail(Encoding earlier) {
        return edited != null && edited.from.get() == earlier ? edited.tail : -1;
    }

    public Encoding {
        int n = ids.length;
        if (tokens.length != n || bytes.length != n || starts.length != n || ends.length != n
                || special.length != n || wordIndex.length != n) {
            throw new IllegalArgumentException("Encoding arrays differ in length");
        }
        if (edited != null && edited.head + edited.tail > n) {
            throw new IllegalArgumentException("kept " + edited.head + " + " + edited.tail + " of " + n + " tokens");
        }
    }

    public int size() {
        return ids.length;
    }

    public boolean hasOffsets(int i) {
        return starts[i] >= 0;
    }

    /** The token's span of the original text, or null for an inserted token. */
    public String sourceText(int i) {
        return hasOffsets(i) ? text.substring(starts[i], ends[i]) : null;
    }

    /** The token's bytes as text; bytes that do not form whole UTF-8 characters become U+FFFD. */
    public String decodedText(int i) {
        return new String(bytes[i], StandardCharsets.UTF_8);
    }

    /** UTF-8 byte offset of the token's start in the input, -1 if none. */
    public int byteStart(int i) {
        return starts[i] < 0 ? -1 : utf8Length(text, 0, starts[i]);
    }

    /** UTF-8 byte offset of the token's end in the input, -1 if none. */
    public int byteEnd(int i) {
        return ends[i] < 0 ? -1 : utf8Length(text, 0, ends[i]);
    }

    /** The first of tokens {@code [from, to)} starting at or after {@code position}, or {@code to}. */
    public int firstStartingAt(int from, int to, int position) {
        return firstAtLeast(starts, from, to, position);
    }

    /**
     * The first token of the word holding token {@code t}, looking back no further than {@code from}; {@code t}
     * itself if {@code t <= from} (-1 stays -1).
     */
    public int wordStart(int from, int t) {
        return t <= from ? t : firstAtLeast(wordIndex, from, t, wordIndex[t]);
    }

    /** The token of {@code [from, to)} that begins a word exactly at {@code position}, or -1. */
    public int wordStartingAt(int from, int to, int position) {
        int t = firstStartingAt(from, to, position);
        return t < to && starts[t] == position && (t == 0 || wordIndex[t] != wordIndex[t - 1]) ? t : -1;
    }

    /**
     * The first index in {@code [from, to)} whose value is at least {@code value}, or {@code to}: a binary search.
     * The three searches above rest on it and on what re-encodings after an edit hold for the tokens they search:
     * starts and word indexes never decrease along them.
     */
    private static int firstAtLeast(int[] values, int from, int to, int value) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of UTF-8 bytes encoding {@code s[from, to)}; a lone surrogate counts 3 (as U+FFFD would). */
    public static int utf8Length(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Copies tokens {@code [from, to)} of {@code e} into the arrays at {@code at}, spans moved by {@code shift} and
     * word indexes by {@code wordShift} (a token without a span or word keeps its -1): the building block of
     * re-encodings that keep the tokens an edit left alone.
     */
    public static void copy(Encoding e, int from, int to, int at, int shift, int wordShift, int[] ids,
                            String[] tokens, byte[][] bytes, int[] starts, int[] ends, boolean[] special,
                            int[] words) {
        int n = to - from;
        System.arraycopy(e.ids, from, ids, at, n);
        System.arraycopy(e.tokens, from, tokens, at, n);
        System.arraycopy(e.bytes, from, bytes, at, n);
        System.arraycopy(e.special, from, special, at, n);
        if (shift == 0 && wordShift == 0) {
            System.arraycopy(e.starts, from, starts, at, n);
            System.arraycopy(e.ends, from, ends, at, n);
            System.arraycopy(e.wordIndex, from, words, at, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            int s = e.starts[from + k];
            int t = e.ends[from + k];
            int w = e.wordIndex[from + k];
            starts[at + k] = s < 0 ? s : s + shift;
            ends[at + k] = t < 0 ? t : t + shift;
            words[at + k] = w < 0 ? w : w + wordShift;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e && text.equals(e.text) && Arrays.equals(ids, e.ids)
                && Arrays.equals(tokens, e.tokens) && Arrays.deepEquals(bytes, e.bytes)
                && Arrays.equals(starts, e.starts) && Arrays.equals(ends, e.ends)
                && Arrays.equals(special, e.special) && Arrays.equals(wordIndex, e.wordIndex);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Encoding" + Arrays.toString(ids);
    }
}
