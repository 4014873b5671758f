package org.tokenlens.engine.tokenize.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * HF's own unit tests of {@code NormalizedString} (tokenizers/src/tokenizer/normalizer.rs, module tests), with
 * their byte alignments translated to UTF-16: "é" is 2 UTF-8 bytes but 1 UTF-16 unit, so HF's
 * {@code alignments_original} for "élégant" after NFD, {@code [(0,3),(0,3),(3,4),(4,7),(4,7),(7,8),…]} in bytes,
 * reads here as normalized units {@code e ́ l e ̀…} aligned to {@code [0,1) [0,1) [1,2) [2,3) [2,3) [3,4)…}.
 */
class NormalizedStringTest {

    private static int[][] align(NormalizedString s) {
        int[][] out = new int[s.length()][];
        for (int i = 0; i < s.length(); i++) {
            out[i] = new int[] {s.alignStart(i), s.alignEnd(i)};
        }
        return out;
    }

    private static String originalOf(NormalizedString s, int from, int to) {
        int[] r = s.originalRange(from, to);
        return s.input().substring(r[0], r[1]);
    }

    @Test
    void nfdAddsNewChars() {   // HF nfd_adds_new_chars
        NormalizedString n = NormalizedString.of("élégant").nfd();
        assertEquals("e\u0301le\u0301gant", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {0, 1}, {1, 2}, {2, 3}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}},
                align(n));
    }

    @Test
    void removeCharsAddedByNfd() {   // HF remove_chars_added_by_nfd
        NormalizedString n = NormalizedString.of("élégant").nfd()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK);
        assertEquals("elegant", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}}, align(n));
    }

    @Test
    void removeChars() {   // HF remove_chars: the eaten 'n' leaves no unit, 't' keeps its own span
        NormalizedString n = NormalizedString.of("élégant").filter(c -> c != 'n');
        assertEquals("élégat", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {6, 7}}, align(n));
    }

    @Test
    void mixedAdditionAndRemoval() {   // HF mixed_addition_and_removal
        NormalizedString n = NormalizedString.of("élégant").nfd()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && c != 'n');
        assertEquals("elegat", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {6, 7}}, align(n));
    }

    @Test
    void nfkcLigature() {   // HF unicode.rs test_nfkc: "ﬁ" -> "fi", both aligned to the ligature
        NormalizedString n = NormalizedString.of("\ufb01").nfkc();
        assertEquals("fi", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {0, 1}}, align(n));
    }

    @Test
    void addedCharactersAlignment() {   // HF added_characters_alignment: " 野  口  No"
        NormalizedString n = NormalizedString.of("野口 No");
        new BertNormalizer(false, true, false, false).normalize(n);
        assertEquals(" 野  口  No", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {0, 1}, {0, 1}, {1, 2}, {1, 2}, {1, 2}, {2, 3}, {3, 4}, {4, 5}},
                align(n));
    }

    @Test
    void removedAroundEdges() {   // HF remove_at_beginning / remove_at_end / removed_around_both_edges
        NormalizedString n = NormalizedString.of("  Hello  ").filter(c -> c != ' ');
        assertEquals("Hello", n.get());
        assertEquals("Hello", originalOf(n, 0, 5));
        assertEquals("ell", originalOf(n, 1, 4));
    }

    @Test
    void strips() {   // HF lstrip / rstrip / strip / strip_unicode
        assertEquals("This is an example  ", NormalizedString.of("  This is an example  ").strip(true, false).get());
        assertEquals("  This is an example", NormalizedString.of("  This is an example  ").strip(false, true).get());
        NormalizedString s = NormalizedString.of("  This is an example  ").strip(true, true);
        assertEquals("This is an example", s.get());
        assertEquals("This is an example", originalOf(s, 0, s.length()));
        NormalizedString u = NormalizedString.of("  你好asa \n").strip(true, true);
        assertEquals("你好asa", u.get());
        assertEquals("你好asa", originalOf(u, 0, u.length()));
    }

    @Test
    void prependAndAppend() {   // HF prepend / append
        NormalizedString p = NormalizedString.of("there").prepend("Hey ");
        assertEquals("Hey there", p.get());
        assertArrayEquals(new int[] {0, 1}, p.originalRange(0, 4));
        NormalizedString a = NormalizedString.of("Hey").append(" there");
        assertEquals("Hey there", a.get());
        assertArrayEquals(new int[] {2, 3}, a.originalRange(3, 9));
    }

    @Test
    void prependNormalizerAlignsToFirstChar() {   // HF prepend.rs test_prepend
        NormalizedString n = NormalizedString.of("Hello");
        new PrependNormalizer("▁").normalize(n);
        assertEquals("▁Hello", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}}, align(n));
    }

    @Test
    void sliceAfterNfkc() {   // HF slice: "𝔾𝕠𝕠𝕕 𝕞𝕠𝕣𝕟𝕚𝕟𝕘" NFKC, normalized 0..4 is "Good" from "𝔾𝕠𝕠𝕕"
        NormalizedString s = NormalizedString.of("𝔾𝕠𝕠𝕕 𝕞𝕠𝕣𝕟𝕚𝕟𝕘").nfkc();
        NormalizedString slice = s.slice(0, 4);
        assertEquals("Good", slice.get());
        assertEquals("𝔾𝕠𝕠𝕕", slice.original());
        NormalizedString stripped = NormalizedString.of("   Good Morning!   ").strip(true, true);
        assertEquals("Good", originalOf(stripped.slice(0, stripped.length()), 0, 4));
    }

    @Test
    void replace() {   // HF replace
        assertEquals("_Hello___friend_", replaced(" Hello   friend ", ReplaceNormalizer.ofString(" ", "_")));
        assertEquals("bbbbb", replaced("aaaab", ReplaceNormalizer.ofString("a", "b")));
        assertEquals("bab", replaced("aaaab", ReplaceNormalizer.ofString("aaa", "b")));
        assertEquals("_Hello_friend_", replaced(" Hello   friend ", ReplaceNormalizer.ofRegex("\\s+", "_")));
        assertEquals("This is a \"test\"", replaced("This is a ''test''", ReplaceNormalizer.ofString("''", "\"")));
    }

    private static String replaced(String text, Normalizer n) {
        NormalizedString s = NormalizedString.of(text);
        n.normalize(s);
        return s.get();
    }

    @Test
    void splitBehaviours() {   // HF split on '-' over "The-final--countdown" (empty pieces dropped)
        NormalizedString s = NormalizedString.of("The-final--countdown");
        Matches m = Matches.ofLiteral("-", s.get());
        assertEquals(List.of("The", "final", "countdown"), pieces(s, m, SplitBehavior.REMOVED));
        assertEquals(List.of("The", "-", "final", "-", "-", "countdown"), pieces(s, m, SplitBehavior.ISOLATED));
        assertEquals(List.of("The-", "final-", "-", "countdown"), pieces(s, m, SplitBehavior.MERGED_WITH_PREVIOUS));
        assertEquals(List.of("The", "-final", "-", "-countdown"), pieces(s, m, SplitBehavior.MERGED_WITH_NEXT));
        assertEquals(List.of("The", "-", "final", "--", "countdown"), pieces(s, m, SplitBehavior.CONTIGUOUS));
    }

    private static List<String> pieces(NormalizedString s, Matches m, SplitBehavior b) {
        return s.split(m, b).stream().map(NormalizedString::get).filter(x -> !x.isEmpty())
                .collect(Collectors.toList());
    }

    @Test
    void stripAccentsMultiple() {   // HF strip.rs test_strip_accents_multiple: "e\u0304\u0304\u0304o" -> "eo"
        NormalizedString n = NormalizedString.of("e\u0304\u0304\u0304o");
        new StripAccentsNormalizer().normalize(n);
        assertEquals("eo", n.get());
        assertArrayEquals(new int[][] {{0, 1}, {4, 5}}, align(n));
    }

    @Test
    void vietnameseAndThai() {   // HF strip.rs test_vietnamese_bug / test_thai_bug
        Normalizer seq = new SequenceNormalizer(List.of(new UnicodeNormalizer(UnicodeNormalizer.Form.NFKD),
                new StripAccentsNormalizer(), new LowercaseNormalizer()));
        assertEquals("a...", replaced("ậ…", seq));
        assertEquals("cu the, ban se tham gia mot nhom cac giam đoc đieu hanh to chuc",
                replaced("Cụ thể, bạn sẽ tham gia một nhóm các giám đốc điều hành tổ chức", seq));
        assertEquals("านา3ลา", replaced("ำน\u0e49ำ3ลำ", seq));
    }
}
