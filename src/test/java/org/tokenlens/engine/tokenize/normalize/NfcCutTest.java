package org.tokenlens.engine.tokenize.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer.Form;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What {@link UnicodeNormalizer#cutsBeforeAscii} and {@link UnicodeNormalizer#cutsBefore} claim for NFC, which the
 * piece-by-piece re-encoding of an edited text rests on: normalizing a text is normalizing its parts cut before
 * ASCII characters (and CJK ones), alignments included, and a part's normalized form ends with white space exactly
 * when the part does.
 */
class NfcCutTest {

    /** Marks of several classes, precomposed letters, Hangul jamo and syllables, excluded and singleton decompositions. */
    private static final List<String> POOL = List.of("e", "a", "x", " ", "\n", "<", "=", "\u0301", "\u0323", "\u0308",
            "\u0338", "\u0345", "\u0300", "é", "ñ", "Å", "\u212B", "\u1112", "\u1161", "\u11AB", "한", "\u1100", "가",
            "\u0B47", "\u0B3E", "\u0B56", "\u0915", "\u093C", "\u0958", "\u2000", "\u3000", "\u00A0", "中", "🙂",
            "\uD804\uDD31", "\uD804\uDD27", "\u3099", "か", "が", "、", "Ａ", "\u302A", "\uF900", "\u0F73", "\u0F71", "\u0F72", "ǅ", "ﬁ");

    private static final UnicodeNormalizer NFC = new UnicodeNormalizer(UnicodeNormalizer.Form.NFC);

    @Test
    void theCharactersNfcCutsBeforeNeverComposeWithWhatIsBeforeThem() {
        // a composition's second character comes after the first in the composite's full decomposition
        java.util.BitSet afterFirst = new java.util.BitSet();
        int checked = 0;
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            String one = new String(Character.toChars(cp));
            String d = java.text.Normalizer.normalize(one, Form.NFD);
            if (d.equals(one)) {
                continue;
            }
            checked++;
            int first = d.codePointAt(0);
            d.codePoints().skip(1).forEach(afterFirst::set);
            // no white space composes or comes out of a non-white-space character: the last claim's ground
            assertEquals(UnicodeProps.isWhitespace(cp), UnicodeProps.isWhitespace(d.codePointBefore(d.length())),
                    () -> "U+" + Integer.toHexString(one.codePointAt(0)));
            assertFalse(UnicodeProps.isWhitespace(first) && !UnicodeProps.isWhitespace(cp));
        }
        assertTrue(checked > 2000, checked + " decomposable characters");
        int cuts = 0;
        for (char c = 0; c < 0xFFFF; c++) {
            if (!NFC.cutsBefore(c)) {
                continue;
            }
            cuts++;
            String one = String.valueOf(c);
            assertFalse(Character.isSurrogate(c));
            int first = java.text.Normalizer.normalize(one, Form.NFD).codePointAt(0);
            String at = "U+" + Integer.toHexString(c);
            assertFalse(UnicodeData.isNonStarter(first), at + " decomposes to a starter");
            assertFalse(afterFirst.get(first), at + ": that starter is never the second of a composition");
            assertEquals(one, java.text.Normalizer.normalize(one, Form.NFC), at + " normalizes to itself");
        }
        assertTrue(cuts > 128 + 20000 + 11000, cuts + " characters to cut before");
        for (char c : new char[] {'\u302A', '\u3099', '\u1161', '\u11AB', '\u0301', '\u00E9', '\uF900', '\u0B3E'}) {
            assertFalse(NFC.cutsBefore(c), "U+" + Integer.toHexString(c));
        }
        assertTrue(NFC.cutsBeforeAscii());
        assertFalse(new UnicodeNormalizer(UnicodeNormalizer.Form.NFKC).cutsBeforeAscii());
        assertFalse(new UnicodeNormalizer(UnicodeNormalizer.Form.NFKC).cutsBefore('a'));
    }

    @Test
    void aTextNormalizesAsItsPartsCutBeforeTheCharactersNfcCutsBefore() {
        SplittableRandom random = new SplittableRandom(17);
        int cuts = 0;
        int differentElsewhere = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(POOL.get(random.nextInt(POOL.size())));
            }
            String text = b.toString();
            NormalizedString whole = NormalizedString.of(text).nfc();
            for (int p = 1; p < text.length(); p++) {
                if (Character.isLowSurrogate(text.charAt(p))) {
                    continue;
                }
                NormalizedString left = NormalizedString.ofRange(text, 0, p).nfc();
                NormalizedString right = NormalizedString.ofRange(text, p, text.length()).nfc();
                boolean same = sameAsJoined(whole, left, right);
                if (NFC.cutsBefore(text.charAt(p))) {
                    cuts++;
                    int at = p;
                    assertTrue(same, () -> "cut at " + at + " of " + escape(text));
                    assertEquals(UnicodeProps.isWhitespace(text.codePointBefore(p)),
                            UnicodeProps.isWhitespace(left.get().codePointBefore(left.length())), () -> escape(text));
                } else if (!same) {
                    differentElsewhere++;
                }
            }
        }
        assertTrue(cuts > 3000, cuts + " cuts");
        // the comparison sees a difference: cut elsewhere (before a mark, a jamo), the parts often normalize otherwise
        assertTrue(differentElsewhere > 500, differentElsewhere + " other positions where the parts differ");
    }

    private static boolean sameAsJoined(NormalizedString whole, NormalizedString left, NormalizedString right) {
        if (!whole.get().equals(left.get() + right.get())) {
            return false;
        }
        int[][] joined = new int[whole.length()][];
        for (int i = 0; i < left.length(); i++) {
            joined[i] = new int[] {left.alignStart(i), left.alignEnd(i)};
        }
        for (int i = 0; i < right.length(); i++) {
            joined[left.length() + i] = new int[] {right.alignStart(i), right.alignEnd(i)};
        }
        for (int i = 0; i < whole.length(); i++) {
            if (whole.alignStart(i) != joined[i][0] || whole.alignEnd(i) != joined[i][1]) {
                return false;
            }
        }
        assertArrayEquals(new int[] {whole.length()}, new int[] {joined.length});
        return true;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x80 && cp >= 0x20 ? String.valueOf((char) cp)
                : String.format("\\u%04X", cp)));
        return b.toString();
    }
}
