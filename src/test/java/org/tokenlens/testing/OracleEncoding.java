package org.tokenlens.testing;

import java.util.Arrays;

/**
 * What HF tokenizers (through DJL) returns for one input, converted to our conventions so tests can compare it
 * directly with {@link org.tokenlens.engine.tokenize.Encoding}: offsets are half-open UTF-16 ranges into the
 * original text, {@code -1/-1} for a token that a post-processor inserted.
 *
 * @param text    the input
 * @param ids     token ids
 * @param tokens  raw vocabulary pieces
 * @param starts  UTF-16 start per token, -1 for inserted tokens
 * @param ends    UTF-16 end per token (exclusive), -1 for inserted tokens
 * @param special HF's special-tokens mask (true for tokens a post-processor inserted)
 * @param wordIds pre-tokenizer word index per token, -1 where HF has none
 */
public record OracleEncoding(String text, int[] ids, String[] tokens, int[] starts, int[] ends,
                             boolean[] special, int[] wordIds) {

    public int size() {
        return ids.length;
    }

    /** The token's span of the input, or null for an inserted token. */
    public String sourceText(int i) {
        return starts[i] < 0 ? null : text.substring(starts[i], ends[i]);
    }

    /** Offsets as {@code [[start, end], …]}, {@code null} rows for inserted tokens, handy in assertion messages. */
    public int[][] offsets() {
        int[][] out = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = starts[i] < 0 ? null : new int[] {starts[i], ends[i]};
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OracleEncoding e && text.equals(e.text) && Arrays.equals(ids, e.ids)
                && Arrays.equals(tokens, e.tokens) && Arrays.equals(starts, e.starts)
                && Arrays.equals(ends, e.ends) && Arrays.equals(special, e.special)
                && Arrays.equals(wordIds, e.wordIds);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "OracleEncoding" + Arrays.toString(ids) + " " + Arrays.toString(tokens) + " "
                + Arrays.deepToString(offsets());
    }
}
