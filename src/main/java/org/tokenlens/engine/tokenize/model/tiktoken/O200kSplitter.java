package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.LETTER;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.LOWERISH;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.MARK;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.NUMBER;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.SPACE;
import static org.tokenlens.engine.tokenize.model.tiktoken.CharClass.UPPERISH;

/**
 * o200k_base split, by hand. The pattern's alternatives, in order (U = {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]},
 * L = {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}, P = {@code [^\r\n\p{L}\p{N}]}, C = the case-insensitive contractions):
 * {@code P?U*L+C?}, {@code P?U+L*C?}, {@code \p{N}{1,3}}, {@code ?[^\s\p{L}\p{N}]+[\r\n/]*}, {@code \s*[\r\n]+},
 * {@code \s+(?!\S)}, {@code \s+}. None is possessive, so the backtracking each allows is spelled out below.
 */
final class O200kSplitter implements Splitter {

    @Override
    public int pieceEnd(String s, int i, int limit) {
        int cls = Splitter.classAt(s, i, limit);
        char c = s.charAt(i);
        boolean prefix = (cls & (LETTER | NUMBER)) == 0 && c != '\r' && c != '\n';
        int afterPrefix = prefix ? i + Splitter.charCount(s, i, limit) : i;
        // P?U*L+C? : with the prefix first; a mark can also start the word itself (M is in U and L, not in \p{L})
        int end = lowerWord(s, afterPrefix, limit);
        if (end < 0 && prefix && (cls & MARK) != 0) {
            end = lowerWord(s, i, limit);
        }
        if (end < 0) {
            end = upperWord(s, afterPrefix, limit);
            if (end < 0 && prefix && (cls & MARK) != 0) {
                end = upperWord(s, i, limit);
            }
        }
        if (end >= 0) {
            return end;
        }
        if ((cls & NUMBER) != 0) {
            end = i;
            for (int k = 0; k < 3 && end < limit && (Splitter.classAt(s, end, limit) & NUMBER) != 0; k++) {
                end += Splitter.charCount(s, end, limit);
            }
            return end;
        }
        int from = c == ' ' && i + 1 < limit && isOther(Splitter.classAt(s, i + 1, limit)) ? i + 1 : i;
        if (isOther(Splitter.classAt(s, from, limit))) {
            end = R50kSplitter.otherRunEnd(s, from, limit);
            while (end < limit && ((c = s.charAt(end)) == '\r' || c == '\n' || c == '/')) {
                end++;
            }
            return end;
        }
        return spaceEnd(s, i, limit);
    }

    /** {@code U*L+C?} from {@code j}: greedy U*, giving back code points until an L can follow; end or -1. */
    private static int lowerWord(String s, int j, int limit) {
        int u = j;
        int lastLowerInRun = -1;
        int cls;
        while (u < limit && ((cls = Splitter.classAt(s, u, limit)) & UPPERISH) != 0) {
            if ((cls & LOWERISH) != 0) {
                lastLowerInRun = u;
            }
            u += Splitter.charCount(s, u, limit);
        }
        int k;
        if ((Splitter.classAt(s, u, limit) & LOWERISH) != 0) {
            k = u;
        } else if (lastLowerInRun >= 0) {
            k = lastLowerInRun;
        } else {
            return -1;
        }
        return contractionEnd(s, Splitter.runEnd(s, k, limit, LOWERISH), limit);
    }

    /** {@code U+L*C?} from {@code j}: end or -1. */
    private static int upperWord(String s, int j, int limit) {
        if ((Splitter.classAt(s, j, limit) & UPPERISH) == 0) {
            return -1;
        }
        int u = Splitter.runEnd(s, j, limit, UPPERISH);
        return contractionEnd(s, Splitter.runEnd(s, u, limit, LOWERISH), limit);
    }

    /** {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)?} at {@code e}. */
    private static int contractionEnd(String s, int e, int limit) {
        if (e < limit && s.charAt(e) == '\'') {
            int end = Cl100kSplitter.contraction(s, e + 1, limit);
            if (end > 0) {
                return end;
            }
        }
        return e;
    }

    /** {@code \s*[\r\n]+|\s+(?!\S)|\s+} at a space. */
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
        if (lastNewline >= 0) {
            return lastNewline + 1;
        }
        if (w == limit) {
            return w;
        }
        return w - 1 > i ? w - 1 : w;
    }

    private static boolean isOther(int cls) {
        return (cls & (SPACE | LETTER | NUMBER)) == 0;
    }
}
