package org.tokenlens.app.chips;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * Grapheme clusters as UAX #29 defines them (the expected splits are the annex's rules applied by hand, the
 * kind of cases its GraphemeBreakTest.txt lists), where Java 17's BreakIterator gets emoji sequences wrong.
 */
class GraphemesTest {

    /** The text cut at every boundary. */
    private static List<String> clusters(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= s.length(); i++) {
            if (Graphemes.isBoundary(s, i)) {
                out.add(s.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    @Test
    void emojiSequencesAreOneCluster() {
        assertEquals(List.of("👍🏽"), clusters("👍🏽")); // skin tone: Extend (GB9)
        assertEquals(List.of("👨\u200D👩\u200D👧"), clusters("👨\u200D👩\u200D👧")); // ZWJ sequence (GB11)
        assertEquals(List.of("👩🏽\u200D💻"), clusters("👩🏽\u200D💻")); // modifier, then ZWJ (GB9, GB11)
        assertEquals(List.of("❤\uFE0F"), clusters("❤\uFE0F")); // variation selector
        assertEquals(List.of("1\uFE0F\u20E3"), clusters("1\uFE0F\u20E3")); // keycap: enclosing mark
        assertEquals(List.of("🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F"),
                clusters("🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F")); // tags
    }

    @Test
    void regionalIndicatorsPairUpFromTheStart() {
        assertEquals(List.of("🇯🇵", "🇫🇷"), clusters("🇯🇵🇫🇷")); // GB12/13
        assertEquals(List.of("🇯🇵", "🇫🇷", "🇩"), clusters("🇯🇵🇫🇷🇩"));
        assertEquals(List.of("a", "🇯🇵"), clusters("a🇯🇵"));
    }

    @Test
    void theOlderRulesStillHold() {
        assertEquals(List.of("a", "\r\n", "b"), clusters("a\r\nb")); // GB3, GB4/5
        assertEquals(List.of("e\u0301", "x"), clusters("e\u0301x")); // combining mark
        assertEquals(List.of("x\u200D", "y"), clusters("x\u200Dy")); // ZWJ extends, but y is no pictograph
        assertEquals(List.of("\u1100\u1161\u11A8", "가"), clusters("\u1100\u1161\u11A8가")); // Hangul L V T (GB6-8)
        assertEquals(List.of("कि", "a"), clusters("कि" + "a")); // spacing mark (GB9a)
        assertEquals(List.of("\u0600" + "1", "2"), clusters("\u06001" + "2")); // prepend (GB9b)
        assertEquals(List.of("a", "\u0007", "\u0301"), clusters("a\u0007\u0301")); // nothing extends a control
        assertEquals(List.of("🙂", "👍🏽"), clusters("🙂👍🏽"));
    }

    /** On a real byte-level tokenizer: 👍🏽 (8 bytes in five tokens or so) is one chip, and so is a flag. */
    @Test
    void byteTokensOfAnEmojiSequenceFormOneChip() {
        String text = "ok 👍🏽 🇯🇵 👨\u200D👩\u200D👧!";
        Encoding e = new TokenizerRegistry().load("gpt2").encode(text);
        int[] starts = TokenClusters.starts(e);
        List<String> labels = new ArrayList<>();
        for (int c = 0; c + 1 < starts.length; c++) {
            labels.add(ChipContent.of(e, new byte[e.size()], starts[c], starts[c + 1], ChipMode.TEXT).labelText());
        }
        assertEquals(String.join("", labels), text.replace(' ', '·'));
        for (String emoji : List.of("👍🏽", "🇯🇵", "👨\u200D👩\u200D👧")) {
            assertEquals(1, labels.stream().filter(l -> l.contains(emoji)).count(), emoji + " in one chip: " + labels);
        }
    }
}
