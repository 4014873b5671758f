package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.LETTER;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.NUMBER;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.SPACE;

/**
 * cl100k_base split, by hand: {@code '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+|
 * ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s}. Each branch is one alternative, in order.
 */
final class Cl100kSplitter implements Splitter {

    @Override
    public int pieceEnd(String s, int i, int limit) {
        char c = s.charAt(i);
        if (c == '\'') {
            int end = contraction(s, i + 1, limit);
            if (end > 0) {
                return end;
            }
        }
        int cls = Splitter.classAt(s, i, limit);
        if ((cls & LETTER) != 0) {
            return Splitter.runEnd(s, i, limit, LETTER);
        }
        if ((cls & (NUMBER | SPACE)) == 0 || ((cls & SPACE) != 0 && c != '\r' && c != '\n')) {
            // possessive optional prefix [^\r\n\p{L}\p{N}]?+ then \p{L}++
            int next = i + Splitter.charCount(s, i, limit);
            if ((Splitter.classAt(s, next, limit) & LETTER) != 0) {
                return Splitter.runEnd(s, next, limit, LETTER);
            }
        }
        if ((cls & NUMBER) != 0) {
            int end = i;
            for (int k = 0; k < 3 && end < limit && (Splitter.classAt(s, end, limit) & NUMBER) != 0; k++) {
                end += Splitter.charCount(s, end, limit);
            }
            return end;
        }
        int from = i;
        if (c == ' ' && i + 1 < limit && isOther(Splitter.classAt(s, i + 1, limit))) {
            from = i + 1;
        }
        if (isOther(Splitter.classAt(s, from, limit))) {
            int end = R50kSplitter.otherRunEnd(s, from, limit);
            while (end < limit && (s.charAt(end) == '\r' || s.charAt(end) == '\n')) {
                end++;
            }
            return end;
        }
        return spaceEnd(s, i, limit);
    }

    /** {@code \s++$|\s*[\r\n]|\s+(?!\S)|\s} at a space (all White_Space code points are in the BMP). */
    private static int spaceEnd(String s, int i, int limit) {
        int w = i;
        int lastNewline = -1;
        while (w < limit) {
            char c = s.charAt(w);
            if ((CharClass.of(c) & SPACE) == 0 || Character.isSurrogate(c)) {
                break;
            }
            if (c == '\r' || c == '\n') {
                lastNewline = w;
            }
            w++;
        }
        if (w == limit) {
            return w;
        }
        if (lastNewline >= 0) {
            return lastNewline + 1;
        }
        return w - 1 > i ? w - 1 : i + 1;
    }

    private static boolean isOther(int cls) {
        return (cls & (SPACE | LETTER | NUMBER)) == 0;
    }

    /** Case-insensitive {@code [sdmt]|ll|ve|re} at {@code i}: its end, or -1. */
    static int contraction(String s, int i, int limit) {
        if (i >= limit) {
            return -1;
        }
        char a = s.charAt(i);
        if (eq(a, 's') || eq(a, 'd') || eq(a, 'm') || eq(a, 't')) {
            return i + 1;
        }
        if (i + 1 < limit) {
            char b = s.charAt(i + 1);
            if ((eq(a, 'l') && eq(b, 'l')) || (eq(a, 'v') && eq(b, 'e')) || (eq(a, 'r') && eq(b, 'e'))) {
                return i + 2;
            }
        }
        return -1;
    }

    /** Unicode simple case folding of ASCII letters: only 's' has a non-ASCII partner, U+017F LATIN SMALL LONG S. */
    static boolean eq(char c, char lower) {
        return (c | 0x20) == lower && (c & ~0x20) >= 'A' && (c & ~0x20) <= 'Z' || (lower == 's' && c == '\u017F');
    }
}
