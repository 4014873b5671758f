package org.tokenlens.engine.tokenize.model.tiktoken;

/**
 * Finds the pieces tiktoken's split pattern cuts a text into, each then byte-pair encoded on its own. An
 * implementation returns the same pieces as the encoding's regex run over {@code text[from, limit)} as tiktoken runs
 * it (on the slice between allowed special tokens, so {@code $} and look-ahead see {@code limit} as the end).
 */
interface Splitter {

    /**
     * End (exclusive, UTF-16) of the piece that starts at {@code start}; always greater than {@code start}, since
     * each pattern matches every character. Pieces never split a surrogate pair.
     */
    int pieceEnd(String text, int start, int limit);

    /** Code point at {@code i}, a lone surrogate as itself (as java.util.regex sees it). */
    static int codePointAt(String s, int i, int limit) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < limit) {
            char d = s.charAt(i + 1);
            if (Character.isLowSurrogate(d)) {
                return Character.toCodePoint(c, d);
            }
        }
        return c;
    }

    /** Class flags of the code point at {@code i}, 0 at or past {@code limit}. */
    static int classAt(String s, int i, int limit) {
        if (i >= limit) {
            return 0;
        }
        char c = s.charAt(i);
        return Character.isSurrogate(c) ? CharClass.of(codePointAt(s, i, limit)) : CharClass.of(c);
    }

    /** UTF-16 length of the code point at {@code i}. */
    static int charCount(String s, int i, int limit) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < limit && Character.isLowSurrogate(s.charAt(i + 1))
                ? 2 : 1;
    }

    /** End of the run of code points from {@code i} whose class has any of {@code mask}. */
    static int runEnd(String s, int i, int limit, int mask) {
        while (i < limit) {
            char c = s.charAt(i);
            if (c < 0x80 && !Character.isSurrogate(c)) {
                if ((CharClass.of(c) & mask) == 0) {
                    return i;
                }
                i++;
            } else {
                if ((classAt(s, i, limit) & mask) == 0) {
                    return i;
                }
                i += charCount(s, i, limit);
            }
        }
        return i;
    }
}
