package org.tokenlens.app;

import java.util.Locale;
import org.tokenlens.app.chips.TokenMarks;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;

/**
 * The numbers a lane shows, computed off the FX thread with the encoding.
 *
 * @param tokens       number of tokens, specials included (what the model is fed)
 * @param characters   code points of the text (as a user counts characters; 🙂 is one)
 * @param bytes        UTF-8 bytes of the text
 * @param unknown      tokens that are the tokenizer's unknown token
 * @param byteFallback {@code <0xNN>} tokens
 */
public record LaneStats(int tokens, int characters, int bytes, int unknown, int byteFallback) {

    public static LaneStats of(Encoding e, byte[] marks) {
        String text = e.text();
        return counted(e.size(), text.codePointCount(0, text.length()), Encoding.utf8Length(text, 0, text.length()),
                marks);
    }

    /** The text's counts given; unknown and byte-fallback tokens counted from {@code marks}. */
    private static LaneStats counted(int tokens, int characters, int bytes, byte[] marks) {
        int unknown = 0;
        int fallback = 0;
        for (byte m : marks) {
            if (m == TokenMarks.UNKNOWN) {
                unknown++;
            } else if (m == TokenMarks.BYTE_FALLBACK) {
                fallback++;
            }
        }
        return new LaneStats(tokens, characters, bytes, unknown, fallback);
    }

    /**
     * {@link #of} for an edited text, from the stats of the text before it: the text's counts change by the
     * replaced range's alone.
     */
    public static LaneStats edited(LaneStats previous, String before, Encoding e, byte[] marks) {
        String after = e.text();
        TextEdit.Range r = TextEdit.between(before, after).wholeCodePoints(before, after);
        int characters = previous.characters - before.codePointCount(r.from(), r.beforeTo())
                + after.codePointCount(r.from(), r.afterTo());
        int bytes = previous.bytes - Encoding.utf8Length(before, r.from(), r.beforeTo())
                + Encoding.utf8Length(after, r.from(), r.afterTo());
        return counted(e.size(), characters, bytes, marks);
    }

    /** "7 tokens · 2.29 chars/token". */
    public String summary() {
        String count = tokens + (tokens == 1 ? " token" : " tokens");
        return tokens == 0 ? count : count + String.format(Locale.ROOT, " · %.2f chars/token", (double) characters / tokens);
    }

    /** "2.29 bytes/token · 0 unknown · 0 byte-fallback". */
    public String details() {
        String perToken = tokens == 0 ? "" : String.format(Locale.ROOT, "%.2f bytes/token · ", (double) bytes / tokens);
        return perToken + unknown + " unknown · " + byteFallback + " byte-fallback";
    }
}
