package org.tokenlens.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.tokenlens.engine.tokenize.Encoding;

/** Checks what a re-encoding claims to have kept of the encoding before the edit, token by token. */
public final class KeptTokens {

    private KeptTokens() {
    }

    /**
     * {@code edited}'s claim about {@code previous} ({@link Encoding#keptHead}, {@link Encoding#keptTail}), if it
     * makes one, holds: the head tokens are the previous ones in every field, the tail tokens too with spans moved
     * by the texts' length difference and word indexes by one constant. Returns head + tail, so a test can see that
     * something was kept at all; 0 for no claim (an edit path that fell back to encoding the whole text).
     */
    public static int assertKept(Encoding previous, Encoding edited, String at) {
        int head = edited.keptHead(previous);
        int tail = edited.keptTail(previous);
        if (head < 0 && tail < 0) {
            return 0;
        }
        assertTrue(head >= 0 && tail >= 0, at + ": a kept head without a kept tail, or the reverse");
        assertTrue(head + tail <= previous.size() && head + tail <= edited.size(), at + ": ranges overlap");
        for (int i = 0; i < head; i++) {
            assertToken(previous, i, edited, i, 0, 0, at + ": head token " + i);
        }
        int shift = edited.text().length() - previous.text().length();
        int wordShift = 0;
        for (int k = 1; k <= tail; k++) {
            int i = previous.size() - k;
            int j = edited.size() - k;
            if (previous.wordIndex()[i] >= 0) {
                wordShift = edited.wordIndex()[j] - previous.wordIndex()[i];
                break;
            }
        }
        for (int k = 1; k <= tail; k++) {
            assertToken(previous, previous.size() - k, edited, edited.size() - k, shift, wordShift,
                    at + ": tail token " + k + " from the end");
        }
        return head + tail;
    }

    private static void assertToken(Encoding a, int i, Encoding b, int j, int shift, int wordShift, String at) {
        assertEquals(a.ids()[i], b.ids()[j], at);
        assertEquals(a.tokens()[i], b.tokens()[j], at);
        assertArrayEquals(a.bytes()[i], b.bytes()[j], at);
        assertEquals(a.special()[i], b.special()[j], at);
        assertEquals(moved(a.starts()[i], shift), b.starts()[j], at);
        assertEquals(moved(a.ends()[i], shift), b.ends()[j], at);
        assertEquals(moved(a.wordIndex()[i], wordShift), b.wordIndex()[j], at);
    }

    private static int moved(int value, int by) {
        return value < 0 ? value : value + by;
    }
}
