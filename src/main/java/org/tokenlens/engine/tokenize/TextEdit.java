package org.tokenlens.engine.tokenize;

/**
 * How a text changed into another, as one replaced range: both share {@code head} leading and {@code tail}
 * trailing characters (not overlapping), and the range between them is what the edit replaced. Incremental
 * re-encoding starts from it.
 *
 * @param head         characters both texts start with
 * @param tail         characters both texts end with, besides the head
 * @param beforeLength length of the text before the edit
 * @param afterLength  length of the text after it
 */
public record TextEdit(int head, int tail, int beforeLength, int afterLength) {

    public static TextEdit between(String before, String after) {
        int n = after.length();
        int m = before.length();
        int common = Math.min(n, m);
        int head = 0;
        while (head < common && after.charAt(head) == before.charAt(head)) {
            head++;
        }
        int tail = 0;
        while (tail < common - head && after.charAt(n - 1 - tail) == before.charAt(m - 1 - tail)) {
            tail++;
        }
        return new TextEdit(head, tail, m, n);
    }

    /** How much longer the text got (negative: shorter); a position in the tail moves by it. */
    public int shift() {
        return afterLength - beforeLength;
    }

    /** Where the shared tail starts in the text after the edit. */
    public int tailStart() {
        return afterLength - tail;
    }

    /** Characters the edit removed or put in, whichever is more (0: the texts are equal). */
    public int changed() {
        return Math.max(afterLength, beforeLength) - head - tail;
    }
}
