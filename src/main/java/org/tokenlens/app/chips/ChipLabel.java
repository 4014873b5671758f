package org.tokenlens.app.chips;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a chip shows for a token, split into runs the skin styles differently. Pure functions, no JavaFX. */
public final class ChipLabel {

    /** How a run is drawn: ordinary text, a muted whitespace glyph, or a monospace hex badge. */
    public enum Kind { TEXT, WHITESPACE, BYTES }

    public record Segment(String text, Kind kind) {
    }

    private ChipLabel() {
    }

    /**
     * The runs for a token's bytes. Whole UTF-8 characters become text, with whitespace made visible
     * ({@code ·} space, {@code →} tab, {@code ↵} newline, {@code ⍽} no-break space); bytes that are only part of
     * a character (byte-level BPE splits CJK and emoji) become a hex badge such as {@code <E6 97>} instead of a
     * misleading U+FFFD.
     */
    public static List<Segment> ofBytes(byte[] bytes) {
        List<Segment> out = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        StringBuilder hex = new StringBuilder();
        while (in.hasRemaining()) {
            CoderResult r = decoder.decode(in, chars, true);
            if (chars.position() > 0) {
                flushHex(hex, out);
                chars.flip();
                addText(chars.toString(), out);
                chars.clear();
            }
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", in.get() & 0xFF));
                }
                decoder.reset();
            }
        }
        flushHex(hex, out);
        return out;
    }

    /** The runs for text (a special token's piece, or tests): whitespace made visible, the rest as is. */
    public static List<Segment> ofText(String text) {
        List<Segment> out = new ArrayList<>();
        addText(text, out);
        return out;
    }

    private static void flushHex(StringBuilder hex, List<Segment> out) {
        if (hex.length() > 0) {
            out.add(new Segment("<" + hex + ">", Kind.BYTES));
            hex.setLength(0);
        }
    }

    private static void addText(String label, List<Segment> out) {
        StringBuilder run = new StringBuilder();
        for (int k = 0; k < label.length(); k++) {
            char c = label.charAt(k);
            String glyph = glyph(c);
            if (glyph == null) {
                run.append(c);
                continue;
            }
            if (c == '\r' && k + 1 < label.length() && label.charAt(k + 1) == '\n') {
                glyph = "↵"; // one glyph per line break, whatever the platform's line ending
                k++;
            }
            if (run.length() > 0) {
                append(out, run.toString(), Kind.TEXT);
                run.setLength(0);
            }
            append(out, glyph, Kind.WHITESPACE);
        }
        if (run.length() > 0) {
            append(out, run.toString(), Kind.TEXT);
        }
    }

    /** Adds a run, merging it into the previous one of the same kind. */
    private static void append(List<Segment> out, String text, Kind kind) {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(last.text() + text, kind));
        } else {
            out.add(new Segment(text, kind));
        }
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
