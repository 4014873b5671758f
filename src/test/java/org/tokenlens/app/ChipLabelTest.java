package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tokenlens.app.chips.ChipLabel.Kind.BYTES;
import static org.tokenlens.app.chips.ChipLabel.Kind.TEXT;
import static org.tokenlens.app.chips.ChipLabel.Kind.WHITESPACE;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.chips.ChipLabel;
import org.tokenlens.app.chips.ChipLabel.Segment;

class ChipLabelTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whitespaceBecomesMutedGlyphs() {
        assertEquals(List.of(new Segment("·", WHITESPACE), new Segment("is", TEXT)), ChipLabel.ofBytes(utf8(" is")));
        assertEquals(List.of(new Segment("a", TEXT), new Segment("→↵", WHITESPACE), new Segment("b", TEXT)),
                ChipLabel.ofBytes(utf8("a\t\nb")));
        assertEquals(List.of(new Segment("↵↵", WHITESPACE)), ChipLabel.ofText("\r\n\n"));
        assertEquals(List.of(new Segment("⍽", WHITESPACE)), ChipLabel.ofBytes(utf8("\u00A0")));
        assertEquals(List.of(), ChipLabel.ofBytes(new byte[0]));
    }

    @Test
    void partsOfACharacterBecomeAHexBadgeNextToTheWholeOnes() {
        byte[] ri = utf8("日"); // E6 97 A5: byte-level BPE may split it 2 + 1, or glue a space in front
        assertEquals(List.of(new Segment("<E6 97>", BYTES)), ChipLabel.ofBytes(Arrays.copyOf(ri, 2)));
        assertEquals(List.of(new Segment("<A5>", BYTES)), ChipLabel.ofBytes(new byte[] {ri[2]}));
        assertEquals(List.of(new Segment("·", WHITESPACE), new Segment("<E6>", BYTES)),
                ChipLabel.ofBytes(new byte[] {' ', ri[0]}));
        assertEquals(List.of(new Segment("<A5>", BYTES), new Segment("本", TEXT)),
                ChipLabel.ofBytes(new byte[] {ri[2], (byte) 0xE6, (byte) 0x9C, (byte) 0xAC}));
        // a whole emoji (4 bytes, a surrogate pair in UTF-16) is text
        assertEquals(List.of(new Segment("🙂", TEXT)), ChipLabel.ofBytes(utf8("🙂")));
    }
}
