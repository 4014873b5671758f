package org.tokenlens.engine.tokenize.normalize;

import java.text.Normalizer.Form;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three Unicode facts HF's normalization needs per character (full decomposition, "is a non-starter", pairwise
 * composition), derived from {@link java.text.Normalizer} because Java has no public API for canonical combining
 * classes (ccc) or composition pairs. Each answer is computed once from tiny strings and cached:
 * <ul>
 * <li>non-starter ({@code ccc > 0}): NFD reorders {@code U+0345 x} to {@code x U+0345} exactly when
 *     {@code 0 < ccc(x) < 240}; U+0345 is the only character of class 240, so that test plus {@code x == U+0345}
 *     decides it for every fully decomposed {@code x};</li>
 * <li>order of two non-starters: NFD of {@code a b} swaps them exactly when {@code ccc(a) > ccc(b)};</li>
 * <li>composition: NFC of {@code a b} is a single code point exactly when {@code a b} has a primary composite, given
 *     that {@code a} is a starter and {@code b} follows a canonically ordered run (which is how recomposition calls
 *     it).</li>
 * </ul>
 * Java 17 carries Unicode 13 data; HF's crate carries Unicode 9: characters assigned after 9.0 are inert here too
 * ({@link Unicode9}).
 */
final class UnicodeData {
    private static final int[] NONE = new int[0];
    private static final int[][] CANONICAL_BMP = new int[0x10000][];
    private static final int[][] COMPAT_BMP = new int[0x10000][];
    private static final ConcurrentHashMap<Integer, int[]> CANONICAL_SUPP = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, int[]> COMPAT_SUPP = new ConcurrentHashMap<>();
    /** 0 = not yet known, 1 = starter, 2 = non-starter; benign races: every writer writes the same value. */
    private static final byte[] NON_STARTER = new byte[0x110000];
    private static final ConcurrentHashMap<Long, Integer> COMPOSE = new ConcurrentHashMap<>();

    private static final int S_BASE = 0xAC00;
    private static final int L_BASE = 0x1100;
    private static final int V_BASE = 0x1161;
    private static final int T_BASE = 0x11A7;
    private static final int L_COUNT = 19;
    private static final int V_COUNT = 21;
    private static final int T_COUNT = 28;
    private static final int N_COUNT = V_COUNT * T_COUNT;
    private static final int S_COUNT = L_COUNT * N_COUNT;

    private UnicodeData() {
    }

    /**
     * The full decomposition of {@code cp}, or an empty array when it decomposes to itself. Compatibility
     * decomposition when {@code compat}; canonical otherwise.
     */
    static int[] decomposition(int cp, boolean compat) {
        if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF) || Unicode9.isNewerThan9(cp)) {
            return NONE;   // ASCII and C1 never decompose; a lone surrogate is not a char in HF
        }
        if (cp < 0x10000) {
            int[][] table = compat ? COMPAT_BMP : CANONICAL_BMP;
            int[] d = table[cp];
            if (d == null) {
                d = compute(cp, compat);
                table[cp] = d;
            }
            return d;
        }
        return (compat ? COMPAT_SUPP : CANONICAL_SUPP).computeIfAbsent(cp, c -> compute(c, compat));
    }

    private static int[] compute(int cp, boolean compat) {
        String one = new String(Character.toChars(cp));
        String d = java.text.Normalizer.normalize(one, compat ? Form.NFKD : Form.NFD);
        return d.equals(one) ? NONE : d.codePoints().toArray();
    }

    /** {@code ccc(cp) > 0}, for a fully decomposed {@code cp}. */
    static boolean isNonStarter(int cp) {
        if (cp < 0x300) {
            return false;
        }
        byte known = NON_STARTER[cp];
        if (known == 0) {
            boolean ns = cp == 0x345 || !Unicode9.isNewerThan9(cp) && java.text.Normalizer.normalize(
                    "\u0345" + new String(Character.toChars(cp)), Form.NFD).charAt(0) != '\u0345';
            known = ns ? (byte) 2 : (byte) 1;
            NON_STARTER[cp] = known;
        }
        return known == 2;
    }

    /** {@code ccc(a) > ccc(b)}. */
    static boolean cccGreater(int a, int b) {
        if (!isNonStarter(a)) {
            return false;
        }
        if (!isNonStarter(b)) {
            return true;
        }
        if (a == b) {
            return false;
        }
        String ab = new String(Character.toChars(a)) + new String(Character.toChars(b));
        return java.text.Normalizer.normalize(ab, Form.NFD).codePointAt(0) == b;
    }

    /** The primary composite of {@code a b}, or -1. */
    static int compose(int a, int b) {
        if (b < 0x300 || Unicode9.isNewerThan9(b)) {
            return -1;   // no composition has a second character below the combining diacritics
        }
        // Hangul syllables compose algorithmically: L + V -> LV, LV + T -> LVT
        if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT) {
            return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
        }
        if (a >= S_BASE && a < S_BASE + S_COUNT && (a - S_BASE) % T_COUNT == 0
                && b > T_BASE && b < T_BASE + T_COUNT) {
            return a + (b - T_BASE);
        }
        long key = ((long) a << 21) | b;
        Integer known = COMPOSE.get(key);
        if (known == null) {
            String ab = new String(Character.toChars(a)) + new String(Character.toChars(b));
            String c = java.text.Normalizer.normalize(ab, Form.NFC);
            known = c.codePointCount(0, c.length()) == 1 && !Unicode9.isNewerThan9(c.codePointAt(0))
                    ? c.codePointAt(0) : -1;
            COMPOSE.put(key, known);
        }
        return known;
    }
}
