package org.tokenlens.app.chips;

import org.tokenlens.engine.tokenize.Encoding;

/**
 * Groups tokens into grapheme-aligned clusters: a cluster is a maximal run of tokens whose bytes (or source span)
 * do not end on a character boundary. Byte-level BPE splits 😀 into three tokens of one, two and one bytes; shown
 * alone each would be U+FFFD, shown as one cluster the emoji appears once with its three ids. Pure; runs off the
 * FX thread.
 */
public final class TokenClusters {

    private TokenClusters() {
    }

    /**
     * The first token of every cluster, followed by {@code e.size()} as a sentinel: cluster {@code c} holds
     * tokens {@code [starts[c], starts[c + 1])}.
     */
    public static int[] starts(Encoding e) {
        int n = e.size();
        int[] out = new int[n + 1];
        int[] count = {0};
        scan(e, 0, i -> false, i -> out[count[0]++] = i);
        out[count[0]] = n;
        return java.util.Arrays.copyOf(out, count[0] + 1);
    }

    /**
     * Walks the tokens from {@code from} (the first token of a cluster) and reports the first token of each
     * cluster to {@code clusterStart}; stops before a cluster start for which {@code stopAt} holds (that token is
     * not reported) and returns it, or returns {@code e.size()} at the end. A cluster start carries no state, so
     * a walk may begin at any of them.
     */
    static int scan(Encoding e, int from, java.util.function.IntPredicate stopAt,
                    java.util.function.IntConsumer clusterStart) {
        int n = e.size();
        int textLength = e.text().length();
        int pending = 0; // continuation bytes still owed by the last lead byte
        boolean open = false;
        for (int i = from; i < n; i++) {
            boolean special = e.special()[i];
            if (!open || special) {
                if (i > from && stopAt.test(i)) {
                    return i;
                }
                clusterStart.accept(i);
            }
            if (special) {
                pending = 0;
                open = false; // a special token is its own cluster
                continue;
            }
            for (byte b : e.bytes()[i]) {
                pending = nextPending(pending, b);
            }
            int end = e.ends()[i];
            boolean onGrapheme = end < 0 || end >= textLength || Graphemes.isBoundary(e.text(), end);
            open = pending != 0 || !onGrapheme;
            if (open && i + 1 < n && e.special()[i + 1]) {
                open = false;
            }
        }
        return n;
    }

    /** UTF-8 decoder state: how many continuation bytes are still expected after {@code b}. */
    static int nextPending(int pending, byte b) {
        int u = b & 0xFF;
        if (pending > 0 && (u & 0xC0) == 0x80) {
            return pending - 1;
        }
        if (u >= 0xF0 && u < 0xF8) {
            return 3;
        }
        if (u >= 0xE0) {
            return u < 0xF0 ? 2 : 0;
        }
        if (u >= 0xC0) {
            return 1;
        }
        return 0; // ASCII, or a stray continuation byte: nothing more is owed
    }

    /** Whether {@code bytes} alone decode as whole UTF-8 characters. */
    public static boolean isWholeUtf8(byte[] bytes) {
        int pending = 0;
        for (byte b : bytes) {
            int u = b & 0xFF;
            if ((u & 0xC0) == 0x80) {
                if (pending == 0) {
                    return false;
                }
                pending--;
            } else {
                if (pending != 0) {
                    return false;
                }
                pending = nextPending(0, b);
            }
        }
        return pending == 0;
    }
}
