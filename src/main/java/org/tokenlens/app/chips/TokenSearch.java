package org.tokenlens.app.chips;

/**
 * Finding tokens by text offset in an encoding's spans, by binary search: real tokens' starts (and ends) never
 * decrease; inserted tokens ({@code start == -1}) sit anywhere and are skipped. Pure.
 */
public final class TokenSearch {

    private TokenSearch() {
    }

    /**
     * The lowest index whose real token has {@code keys[i] > bound} (all later real tokens do too), or the size;
     * {@code keys} are the starts or the ends, and inserted tokens do not count.
     */
    public static int firstReal(int[] starts, int[] keys, int bound) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int probe = nextReal(starts, mid, hi);
            if (probe < 0) {
                hi = mid; // only inserted tokens in [mid, hi): the answer is at or before mid
            } else if (keys[probe] > bound) {
                hi = mid;
            } else {
                lo = probe + 1;
            }
        }
        return lo;
    }

    /** The first real token in [from, to), or -1. */
    public static int nextReal(int[] starts, int from, int to) {
        for (int i = from; i < to; i++) {
            if (starts[i] >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The last real token starting at or before {@code offset}, or -1 if none does. */
    public static int lastStartingAtOrBefore(int[] starts, int offset) {
        int i = firstReal(starts, starts, offset) - 1;
        while (i >= 0 && starts[i] < 0) {
            i--;
        }
        return i;
    }
}
