package org.tokenlens.app.chips;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.Encoding;

/** What a chip shows for a token, and how whitespace inside it is made visible. Pure functions, no JavaFX. */
public final class ChipLabel {

    /** A run of a chip's label: ordinary text, or a glyph standing for whitespace (drawn muted). */
    public record Segment(String text, boolean whitespace) {
    }

    private ChipLabel() {
    }

    /**
     * The token's decoded text. Special tokens show their piece ({@code [CLS]}); a token whose bytes are not
     * whole UTF-8 characters (a byte-level piece of a CJK character or emoji) shows its bytes as hex
     * ({@code <E6 97>}) instead of a misleading U+FFFD.
     */
    public static String of(Encoding encoding, int i) {
        byte[] bytes = encoding.bytes()[i];
        if (encoding.special()[i] || bytes == null || bytes.length == 0) {
            return encoding.tokens()[i];
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return hex(bytes);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("<");
        for (int k = 0; k < bytes.length; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", bytes[k] & 0xFF));
        }
        return sb.append('>').toString();
    }

    /** Split {@code label} into text runs and visible-whitespace glyphs: · space, → tab, ↵ newline, ⍽ NBSP. */
    public static List<Segment> segments(String label) {
        List<Segment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int k = 0; k < label.length(); k++) {
            char c = label.charAt(k);
            String glyph = glyph(c);
            if (glyph == null) {
                run.append(c);
                continue;
            }
            if (k + 1 < label.length() && c == '\r' && label.charAt(k + 1) == '\n') {
                glyph = "↵"; // one glyph per line break, whatever the platform's line ending
                k++;
            }
            if (run.length() > 0) {
                out.add(new Segment(run.toString(), false));
                run.setLength(0);
            }
            if (!out.isEmpty() && out.get(out.size() - 1).whitespace()) {
                Segment last = out.remove(out.size() - 1);
                out.add(new Segment(last.text() + glyph, true));
            } else {
                out.add(new Segment(glyph, true));
            }
        }
        if (run.length() > 0) {
            out.add(new Segment(run.toString(), false));
        }
        return out;
    }

    private static String glyph(char c) {
        return switch (c) {
            case ' ' -> "·";
            case '\t' -> "→";
            case '\n' -> "↵";
            case '\r' -> "␍";
            case '\u00A0' -> "⍽";
            default -> null;
        };
    }
}
