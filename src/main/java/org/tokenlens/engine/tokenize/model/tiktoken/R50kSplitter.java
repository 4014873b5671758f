package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.LETTER;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.NUMBER;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.SPACE;

/**
 * r50k_base / p50k_base (GPT-2) split, by hand:
 * {@code '(?:[sdmt]|ll|ve|re)| ?\p{L}++| ?\p{N}++| ?[^\s\p{L}\p{N}]++|\s++$|\s+(?!\S)|\s}.
 * Each branch below is one alternative, tried in order as a backtracking regex would.
 */
final class R50kSplitter implements Splitter {

    @Override
    public int pieceEnd(String s, int i, int limit) {
        char c = s.charAt(i);
        if (c == '\'') {
            int end = contraction(s, i + 1, limit);
            if (end > 0) {
                return end;
            }
        }
        // " ?X++" for X = letters, numbers, other: the optional space only if X follows it
        int from = c == ' ' && i + 1 < limit ? i + 1 : i;
        int cls = Splitter.classAt(s, from, limit);
        if ((cls & SPACE) != 0 && from != i) {
            from = i;
            cls = SPACE;
        }
        if ((cls & LETTER) != 0) {
            return Splitter.runEnd(s, from, limit, LETTER);
        }
        if ((cls & NUMBER) != 0) {
            return Splitter.runEnd(s, from, limit, NUMBER);
        }
        if ((cls & SPACE) == 0) {
            return otherRunEnd(s, from, limit);
        }
        int w = Splitter.runEnd(s, i, limit, SPACE);
        if (w == limit) {
            return w; // \s++$
        }
        return w - 1 > i ? w - 1 : i + 1; // \s+(?!\S) leaves the last space to the next word; else \s
    }

    /** End of {@code [^\s\p{L}\p{N}]++} from {@code i} (at least one code point). */
    static int otherRunEnd(String s, int i, int limit) {
        i += Splitter.charCount(s, i, limit);
        while (i < limit && (Splitter.classAt(s, i, limit) & (SPACE | LETTER | NUMBER)) == 0) {
            i += Splitter.charCount(s, i, limit);
        }
        return i;
    }

    /** Case-sensitive {@code [sdmt]|ll|ve|re} at {@code i}: its end, or -1. */
    private static int contraction(String s, int i, int limit) {
        if (i >= limit) {
            return -1;
        }
        char a = s.charAt(i);
        if (a == 's' || a == 'd' || a == 'm' || a == 't') {
            return i + 1;
        }
        if (i + 1 < limit) {
            char b = s.charAt(i + 1);
            if ((a == 'l' && b == 'l') || (a == 'v' && b == 'e') || (a == 'r' && b == 'e')) {
                return i + 2;
            }
        }
        return -1;
    }
}
