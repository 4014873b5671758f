package org.tokenlens.engine.tokenize.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece of the user's input after normalization, aligned to the original: every UTF-16 unit of the normalized
 * text knows the {@code [start, end)} span of the original input it came from. This is what makes every token map
 * back to exactly what the user typed, after lowercasing, accent stripping, NFKC or byte-level mapping.
 *
 * <p>Follows HF tokenizers' {@code NormalizedString}, with two differences of representation: alignments are
 * counted in UTF-16 units (HF: UTF-8 bytes), and they are absolute offsets into the whole input (HF: relative to
 * the slice plus an {@code original_shift}). Both are equivalent under offset conversion.
 *
 * <p>Edits follow HF's {@code transform_range}: a list of (code point, change) pairs rebuilds a range, where
 * change 0 replaces the next original code point, {@code +1} inserts (aligned to the previous unit), and {@code -n}
 * replaces one and removes n more.
 */
public final class NormalizedString {
    private final String input;
    private final int originalStart;
    private final int originalEnd;
    private String normalized;
    private int[] alignStart;
    private int[] alignEnd;

    private NormalizedString(String input, int originalStart, int originalEnd, String normalized, int[] alignStart,
                             int[] alignEnd) {
        this.input = input;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.normalized = normalized;
        this.alignStart = alignStart;
        this.alignEnd = alignEnd;
    }

    /** The whole input, not yet normalized: each unit aligned to itself. */
    public static NormalizedString of(String input) {
        return ofRange(input, 0, input.length());
    }

    /** {@code input[start, end)} as an un-normalized piece whose offsets point into the whole input. */
    public static NormalizedString ofRange(String input, int start, int end) {
        int n = end - start;
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            int cp = input.codePointAt(start + i);
            int w = Character.charCount(cp);
            if (w == 2 && i + 1 < n) {
                s[i] = s[i + 1] = start + i;
                e[i] = e[i + 1] = start + i + 2;
                i++;
            } else {
                s[i] = start + i;
                e[i] = start + i + 1;
            }
        }
        return new NormalizedString(input, start, end, input.substring(start, end), s, e);
    }

    /** The normalized text. */
    public String get() {
        return normalized;
    }

    public int length() {
        return normalized.length();
    }

    public boolean isEmpty() {
        return normalized.isEmpty();
    }

    /** The whole input this piece belongs to. */
    public String input() {
        return input;
    }

    /** The original text of this piece (the span of the input it covers). */
    public String original() {
        return input.substring(originalStart, originalEnd);
    }

    /** Start of this piece in the whole input (UTF-16). HF's {@code offsets_original().0}. */
    public int originalStart() {
        return originalStart;
    }

    public int originalEnd() {
        return originalEnd;
    }

    /** Original span (absolute, in the input) of normalized unit {@code i}. */
    public int alignStart(int i) {
        return alignStart[i];
    }

    public int alignEnd(int i) {
        return alignEnd[i];
    }

    /**
     * The original span {@code [start, end)} (absolute offsets into the input) of the normalized range
     * {@code [from, to)}; HF's {@code convert_offsets(Range::Normalized)} plus the shift. An empty range maps to the
     * original position of its location.
     */
    public int[] originalRange(int from, int to) {
        if (from >= to) {
            int at = from < alignStart.length ? alignStart[from]
                    : (alignEnd.length > 0 ? alignEnd[alignEnd.length - 1] : originalStart);
            return new int[] {at, at};
        }
        return new int[] {alignStart[from], alignEnd[to - 1]};
    }

    /**
     * The sub-piece for normalized range {@code [from, to)}; its original is the span its units align to
     * (HF {@code slice(Range::Normalized)}).
     */
    public NormalizedString slice(int from, int to) {
        if (from == 0 && to == normalized.length()) {
            return new NormalizedString(input, originalStart, originalEnd, normalized, alignStart, alignEnd);
        }
        int oStart;
        int oEnd;
        if (from < to) {
            oStart = alignStart[from];
            oEnd = alignEnd[to - 1];
        } else {
            oStart = oEnd = from < alignStart.length ? alignStart[from] : originalEnd;
        }
        return new NormalizedString(input, oStart, oEnd, normalized.substring(from, to),
                Arrays.copyOfRange(alignStart, from, to), Arrays.copyOfRange(alignEnd, from, to));
    }

    // ---------------------------------------------------------------- edits

    /**
     * Rebuild the normalized range {@code [from, to)} from {@code edit}, skipping {@code initialOffset} code points
     * of the range first (they are removed). HF's {@code transform_range} with a normalized range.
     */
    public void transformRange(int from, int to, Edit edit, int initialOffset) {
        String old = normalized;
        int offset = from;
        for (int k = 0; k < initialOffset && offset < to; k++) {
            offset += Character.charCount(old.codePointAt(offset));
        }
        StringBuilder out = new StringBuilder(edit.size + 4);
        int[] ns = new int[edit.size * 2 + 2];
        int[] ne = new int[edit.size * 2 + 2];
        int len = 0;
        for (int k = 0; k < edit.size; k++) {
            int cp = edit.codePoints[k];
            int change = edit.changes[k];
            int as;
            int ae;
            if (change > 0) {
                if (offset < 1) {
                    as = ae = originalStart;
                } else {
                    as = alignStart[offset - 1];
                    ae = alignEnd[offset - 1];
                }
            } else {
                as = alignStart[offset];
                ae = alignEnd[offset];
                offset += Character.charCount(old.codePointAt(offset));
                for (int r = 0; r < -change && offset < to; r++) {
                    offset += Character.charCount(old.codePointAt(offset));
                }
            }
            int w = Character.charCount(cp);
            if (len + w > ns.length) {
                ns = Arrays.copyOf(ns, ns.length * 2 + 2);
                ne = Arrays.copyOf(ne, ne.length * 2 + 2);
            }
            for (int u = 0; u < w; u++) {
                ns[len] = as;
                ne[len] = ae;
                len++;
            }
            out.appendCodePoint(cp);
        }
        int tail = old.length() - to;
        int[] s2 = new int[from + len + tail];
        int[] e2 = new int[from + len + tail];
        System.arraycopy(alignStart, 0, s2, 0, from);
        System.arraycopy(alignEnd, 0, e2, 0, from);
        System.arraycopy(ns, 0, s2, from, len);
        System.arraycopy(ne, 0, e2, from, len);
        System.arraycopy(alignStart, to, s2, from + len, tail);
        System.arraycopy(alignEnd, to, e2, from + len, tail);
        normalized = old.substring(0, from) + out + old.substring(to);
        alignStart = s2;
        alignEnd = e2;
    }

    /** Rebuild the whole normalized text from {@code edit} (HF {@code transform}). */
    public void transform(Edit edit, int initialOffset) {
        transformRange(0, normalized.length(), edit, initialOffset);
    }

    /** Map each code point to one code point (HF {@code map}). */
    public NormalizedString map(java.util.function.IntUnaryOperator f) {
        boolean changed = false;
        Edit edit = new Edit(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            int m = f.applyAsInt(cp);
            changed |= m != cp;
            edit.add(m, 0);
            i += Character.charCount(cp);
        }
        if (changed) {
            transform(edit, 0);
        }
        return this;
    }

    /** Keep only the code points for which {@code keep} holds (HF {@code filter}). */
    public NormalizedString filter(java.util.function.IntPredicate keep) {
        Edit edit = new Edit(normalized.length());
        int removed = 0;
        int removedStart = 0;
        int last = -1;
        boolean any = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (keep.test(cp)) {
                if (last >= 0) {
                    edit.add(last, -removed);
                } else {
                    removedStart = removed;
                }
                last = cp;
                removed = 0;
            } else {
                removed++;
                any = true;
            }
        }
        if (!any) {
            return this;
        }
        if (last >= 0) {
            edit.add(last, -removed);
        }
        transform(edit, removedStart);
        return this;
    }

    /** Insert {@code s} before the first character (HF {@code prepend}); nothing if empty. */
    public NormalizedString prepend(String s) {
        if (normalized.isEmpty() || s.isEmpty()) {
            return this;
        }
        int first = normalized.codePointAt(0);
        Edit edit = new Edit(s.length() + 1);
        int k = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            edit.add(cp, k == 0 ? 0 : 1);
            k++;
            i += Character.charCount(cp);
        }
        edit.add(first, 1);
        transformRange(0, Character.charCount(first), edit, 0);
        return this;
    }

    /** Append {@code s} after the last character (HF {@code append}). */
    public NormalizedString append(String s) {
        if (s.isEmpty()) {
            return this;
        }
        Edit edit = new Edit(s.length() + 1);
        int from = 0;
        if (!normalized.isEmpty()) {
            int last = normalized.codePointBefore(normalized.length());
            from = normalized.length() - Character.charCount(last);
            edit.add(last, 0);
        }
        s.codePoints().forEach(cp -> edit.add(cp, 1));
        transformRange(from, normalized.length(), edit, 0);
        return this;
    }

    /** Canonical decomposition with HF's alignments (see {@link UnicodeForms}). */
    public NormalizedString nfd() {
        UnicodeForms.nfd(this);
        return this;
    }

    /** Compatibility decomposition with HF's alignments. */
    public NormalizedString nfkd() {
        UnicodeForms.nfkd(this);
        return this;
    }

    /** Canonical decomposition then composition with HF's alignments. */
    public NormalizedString nfc() {
        UnicodeForms.nfc(this);
        return this;
    }

    /** Compatibility decomposition then canonical composition with HF's alignments. */
    public NormalizedString nfkc() {
        UnicodeForms.nfkc(this);
        return this;
    }

    /**
     * Replace every match with {@code content} in one pass (HF {@code replace}): the inserted units all align to the
     * last unit of the match (HF removes the match, then inserts after it), or to the unit before an empty match.
     */
    public NormalizedString replace(Matches matches, String content) {
        int[] spans = matches.spans();
        boolean any = false;
        for (int i = 2; i < spans.length; i += 3) {
            any |= spans[i] != 0;
        }
        if (!any) {
            return this;
        }
        int cap = normalized.length() + content.length() * 4 + 4;
        StringBuilder out = new StringBuilder(cap);
        int[] ns = new int[cap];
        int[] ne = new int[cap];
        int len = 0;
        for (int i = 0; i < spans.length; i += 3) {
            int start = spans[i];
            int end = spans[i + 1];
            boolean isMatch = spans[i + 2] != 0;
            int add = isMatch ? content.length() : end - start;
            if (len + add > ns.length) {
                ns = Arrays.copyOf(ns, Math.max(ns.length * 2, len + add));
                ne = Arrays.copyOf(ne, ns.length);
            }
            if (!isMatch) {
                out.append(normalized, start, end);
                System.arraycopy(alignStart, start, ns, len, end - start);
                System.arraycopy(alignEnd, start, ne, len, end - start);
                len += end - start;
                continue;
            }
            int as = end < 1 ? originalStart : alignStart[end - 1];
            int ae = end < 1 ? originalStart : alignEnd[end - 1];
            out.append(content);
            Arrays.fill(ns, len, len + content.length(), as);
            Arrays.fill(ne, len, len + content.length(), ae);
            len += content.length();
        }
        normalized = out.toString();
        alignStart = Arrays.copyOf(ns, len);
        alignEnd = Arrays.copyOf(ne, len);
        return this;
    }

    /** Lowercase code point by code point as Rust's {@code char::to_lowercase} (no context: Σ → σ). */
    public NormalizedString lowercase() {
        return caseMap(false);
    }

    /** Uppercase code point by code point as Rust's {@code char::to_uppercase} (ß → SS). */
    public NormalizedString uppercase() {
        return caseMap(true);
    }

    private NormalizedString caseMap(boolean upper) {
        Edit edit = new Edit(normalized.length());
        boolean changed = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                int m = upper ? (cp >= 'a' && cp <= 'z' ? cp - 32 : cp) : (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
                changed |= m != cp;
                edit.add(m, 0);
                continue;
            }
            String one = new String(Character.toChars(cp));
            String mapped = upper ? one.toUpperCase(java.util.Locale.ROOT) : one.toLowerCase(java.util.Locale.ROOT);
            if (mapped.equals(one)) {
                edit.add(cp, 0);
                continue;
            }
            changed = true;
            int k = 0;
            for (int j = 0; j < mapped.length(); ) {
                int m = mapped.codePointAt(j);
                edit.add(m, k == 0 ? 0 : 1);
                k++;
                j += Character.charCount(m);
            }
        }
        if (changed) {
            transform(edit, 0);
        }
        return this;
    }

    /** Strip Unicode whitespace (Rust {@code char::is_whitespace}) on the left and/or right (HF {@code lrstrip}). */
    public NormalizedString strip(boolean left, boolean right) {
        int[] cps = normalized.codePoints().toArray();
        int leading = 0;
        if (left) {
            while (leading < cps.length && UnicodeProps.isWhitespace(cps[leading])) {
                leading++;
            }
        }
        int trailing = 0;
        if (right) {
            while (trailing < cps.length - leading && UnicodeProps.isWhitespace(cps[cps.length - 1 - trailing])) {
                trailing++;
            }
        }
        if (leading == 0 && trailing == 0) {
            return this;
        }
        Edit edit = new Edit(cps.length);
        int count = cps.length;
        for (int i = 0; i < count; i++) {
            if (i < leading || i >= count - trailing) {
                continue;
            }
            edit.add(cps[i], i == count - trailing - 1 ? -trailing : 0);
        }
        transform(edit, leading);
        return this;
    }

    /**
     * Split at the matches of {@code pattern} with HF's delimiter behaviours (HF {@code split}); empty pieces are
     * dropped by the caller ({@link PreTokenizedString}).
     */
    public List<NormalizedString> split(Matches matches, SplitBehavior behavior) {
        int[] spans = matches.spans();   // [start0, end0, isMatch0, start1, ...]
        int n = spans.length / 3;
        // each entry: start, end, remove
        int[] out = new int[n * 3];
        int m = 0;
        boolean previousMatch = false;
        switch (behavior) {
            case ISOLATED -> {
                for (int i = 0; i < n; i++) {
                    out[m++] = spans[3 * i];
                    out[m++] = spans[3 * i + 1];
                    out[m++] = 0;
                }
            }
            case REMOVED -> {
                for (int i = 0; i < n; i++) {
                    out[m++] = spans[3 * i];
                    out[m++] = spans[3 * i + 1];
                    out[m++] = spans[3 * i + 2];
                }
            }
            case CONTIGUOUS -> {
                for (int i = 0; i < n; i++) {
                    boolean isMatch = spans[3 * i + 2] != 0;
                    if (isMatch == previousMatch && m > 0) {
                        out[m - 2] = spans[3 * i + 1];
                    } else {
                        out[m++] = spans[3 * i];
                        out[m++] = spans[3 * i + 1];
                        out[m++] = 0;
                    }
                    previousMatch = isMatch;
                }
            }
            case MERGED_WITH_PREVIOUS -> {
                for (int i = 0; i < n; i++) {
                    boolean isMatch = spans[3 * i + 2] != 0;
                    if (isMatch && !previousMatch && m > 0) {
                        out[m - 2] = spans[3 * i + 1];
                    } else {
                        out[m++] = spans[3 * i];
                        out[m++] = spans[3 * i + 1];
                        out[m++] = 0;
                    }
                    previousMatch = isMatch;
                }
            }
            case MERGED_WITH_NEXT -> {
                int[] rev = new int[n * 3];
                int r = 0;
                for (int i = n - 1; i >= 0; i--) {
                    boolean isMatch = spans[3 * i + 2] != 0;
                    if (isMatch && !previousMatch && r > 0) {
                        rev[r - 3] = spans[3 * i];
                    } else {
                        rev[r++] = spans[3 * i];
                        rev[r++] = spans[3 * i + 1];
                        rev[r++] = 0;
                    }
                    previousMatch = isMatch;
                }
                for (int i = r / 3 - 1; i >= 0; i--) {
                    out[m++] = rev[3 * i];
                    out[m++] = rev[3 * i + 1];
                    out[m++] = 0;
                }
            }
            default -> throw new IllegalStateException();
        }
        List<NormalizedString> pieces = new ArrayList<>(m / 3);
        for (int i = 0; i < m; i += 3) {
            if (out[i + 2] == 0) {
                pieces.add(slice(out[i], out[i + 1]));
            }
        }
        return pieces;
    }

    @Override
    public String toString() {
        return "NormalizedString[" + normalized + " ← " + original() + " @" + originalStart + "]";
    }

    /** A list of (code point, change) pairs for {@link #transform}; see the class comment for the meaning. */
    public static final class Edit {
        int[] codePoints;
        int[] changes;
        int size;

        public Edit(int capacity) {
            codePoints = new int[Math.max(4, capacity)];
            changes = new int[Math.max(4, capacity)];
        }

        public Edit add(int codePoint, int change) {
            if (size == codePoints.length) {
                codePoints = Arrays.copyOf(codePoints, size * 2);
                changes = Arrays.copyOf(changes, size * 2);
            }
            codePoints[size] = codePoint;
            changes[size] = change;
            size++;
            return this;
        }

        public int size() {
            return size;
        }
    }
}
