package org.tokenlens.app;

import java.util.Locale;
import org.tokenlens.app.chips.TokenMarks;
import org.tokenlens.engine.tokenize.Encoding;

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
        int unknown = 0;
        int fallback = 0;
        for (byte m : marks) {
            if (m == TokenMarks.UNKNOWN) {
                unknown++;
            } else if (m == TokenMarks.BYTE_FALLBACK) {
                fallback++;
            }
        }
        String text = e.text();
        return new LaneStats(e.size(), text.codePointCount(0, text.length()),
                Encoding.utf8Length(text, 0, text.length()), unknown, fallback);
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
