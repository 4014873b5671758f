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

    /** The last edit worked out: every lane (and each stage of one) asks for the same pair of texts per keystroke. */
    private static volatile Memo last;

    private record Memo(String before, String after, TextEdit edit) {
    }

    public static TextEdit between(String before, String after) {
        Memo memo = last;
        if (memo != null && memo.before == before && memo.after == after) {
            return memo.edit;
        }
        TextEdit edit = compute(before, after);
        last = new Memo(before, after, edit);
        return edit;
    }

    private static TextEdit compute(String before, String after) {
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

    /**
     * The replaced range widened to whole code points: {@code [from, beforeTo)} of the text before the edit became
     * {@code [from, afterTo)}; no surrogate pair of either text is cut at its ends, so per-character sums over
     * the text change by the range's sums alone.
     */
    public Range wholeCodePoints(String before, String after) {
        int from = head;
        int beforeTo = beforeLength - tail;
        int afterTo = afterLength - tail;
        if (from > 0 && Character.isHighSurrogate(after.charAt(from - 1))
                && (isLowAt(before, from) || isLowAt(after, from))) {
            from--;
        }
        if (afterTo < afterLength && Character.isLowSurrogate(after.charAt(afterTo))
                && ((beforeTo > 0 && Character.isHighSurrogate(before.charAt(beforeTo - 1)))
                || (afterTo > 0 && Character.isHighSurrogate(after.charAt(afterTo - 1))))) {
            beforeTo++;
            afterTo++;
        }
        return new Range(from, beforeTo, afterTo);
    }

    private static boolean isLowAt(String s, int i) {
        return i < s.length() && Character.isLowSurrogate(s.charAt(i));
    }

    /** See {@link #wholeCodePoints}. */
    public record Range(int from, int beforeTo, int afterTo) {
    }

    /** Characters the edit removed or put in, whichever is more (0: the texts are equal). */
    public int changed() {
        return Math.max(afterLength, beforeLength) - head - tail;
    }
}
