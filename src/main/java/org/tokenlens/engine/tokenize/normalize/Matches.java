package org.tokenlens.engine.tokenize.normalize;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The segmentation of a string into matches and non-matches of a pattern, in UTF-16 units, covering the whole
 * string in order (HF {@code Pattern::find_matches}). Stored flat: {@code [start, end, isMatch(0/1)]} per segment.
 */
public final class Matches {
    private final int[] spans;

    private Matches(int[] spans) {
        this.spans = spans;
    }

    /** Flat {@code [start, end, isMatch]} triples; do not modify. */
    public int[] spans() {
        return spans;
    }

    public int count() {
        return spans.length / 3;
    }

    /** Matches of a regular expression; an empty input gives one empty non-match. */
    public static Matches ofRegex(Pattern pattern, String inside) {
        if (inside.isEmpty()) {
            return new Matches(new int[] {0, 0, 0});
        }
        Builder b = new Builder(16);
        Matcher m = pattern.matcher(inside);
        int prev = 0;
        while (m.find()) {
            if (prev != m.start()) {
                b.add(prev, m.start(), false);
            }
            b.add(m.start(), m.end(), true);
            prev = m.end();
        }
        if (prev != inside.length()) {
            b.add(prev, inside.length(), false);
        }
        return b.build();
    }

    /** Matches of a literal string (HF escapes it into a regex); an empty literal matches nothing. */
    public static Matches ofLiteral(String literal, String inside) {
        if (literal.isEmpty()) {
            // HF returns the char count here (a quirk); for the spans this is only used to slice, so cover it all
            return new Matches(new int[] {0, inside.length(), 0});
        }
        if (inside.isEmpty()) {
            return new Matches(new int[] {0, 0, 0});
        }
        Builder b = new Builder(16);
        int prev = 0;
        int at = inside.indexOf(literal);
        while (at >= 0) {
            if (prev != at) {
                b.add(prev, at, false);
            }
            b.add(at, at + literal.length(), true);
            prev = at + literal.length();
            at = inside.indexOf(literal, prev);
        }
        if (prev != inside.length()) {
            b.add(prev, inside.length(), false);
        }
        return b.build();
    }

    /** Each code point for which {@code isDelimiter} holds is a match of its own (HF's {@code Fn(char) -> bool}). */
    public static Matches ofCodePoints(IntPredicate isDelimiter, String inside) {
        if (inside.isEmpty()) {
            return new Matches(new int[] {0, 0, 0});
        }
        Builder b = new Builder(16);
        int last = 0;
        int i = 0;
        while (i < inside.length()) {
            int cp = inside.codePointAt(i);
            int w = Character.charCount(cp);
            if (isDelimiter.test(cp)) {
                if (last < i) {
                    b.add(last, i, false);
                }
                b.add(i, i + w, true);
                last = i + w;
            }
            i += w;
        }
        if (i > last) {
            b.add(last, i, false);
        }
        return b.build();
    }

    /** The same segments with match and non-match swapped (HF {@code Invert}). */
    public Matches invert() {
        int[] s = spans.clone();
        for (int i = 2; i < s.length; i += 3) {
            s[i] = s[i] == 0 ? 1 : 0;
        }
        return new Matches(s);
    }

    /** Accumulates segments. */
    public static final class Builder {
        private int[] a;
        private int n;

        public Builder(int capacity) {
            a = new int[Math.max(3, capacity * 3)];
        }

        public Builder add(int start, int end, boolean isMatch) {
            if (n + 3 > a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = start;
            a[n++] = end;
            a[n++] = isMatch ? 1 : 0;
            return this;
        }

        public Matches build() {
            return new Matches(Arrays.copyOf(a, n));
        }
    }
}
