package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.chips.ChipLabel;
import org.tokenlens.app.chips.ChipLabel.Segment;
import org.tokenlens.engine.tokenize.Encoding;

class ChipLabelTest {

    @Test
    void whitespaceBecomesMutedGlyphs() {
        assertEquals(List.of(new Segment("·", true), new Segment("is", false)), ChipLabel.segments(" is"));
        assertEquals(List.of(new Segment("a", false), new Segment("→↵", true), new Segment("b", false)),
                ChipLabel.segments("a\t\nb"));
        assertEquals(List.of(new Segment("↵↵", true)), ChipLabel.segments("\r\n\n"));
        assertEquals(List.of(new Segment("⍽", true)), ChipLabel.segments("\u00A0"));
        assertEquals(List.of(), ChipLabel.segments(""));
    }

    @Test
    void partialUtf8ShowsHexAndSpecialsShowTheirPiece() {
        byte[] ri = "日".getBytes(StandardCharsets.UTF_8); // E6 97 A5, split 2 + 1 as byte-level BPE may
        Encoding e = new Encoding("日", new int[] {1, 65, 66}, new String[] {"[CLS]", "æĹ", "¥"},
                new byte[][] {"[CLS]".getBytes(StandardCharsets.UTF_8), {ri[0], ri[1]}, {ri[2]}},
                new int[] {-1, 0, 0}, new int[] {-1, 1, 1}, new boolean[] {true, false, false}, new int[] {-1, 0, 0});
        assertEquals("[CLS]", ChipLabel.of(e, 0));
        assertEquals("<E6 97>", ChipLabel.of(e, 1));
        assertEquals("<A5>", ChipLabel.of(e, 2));
    }
}
