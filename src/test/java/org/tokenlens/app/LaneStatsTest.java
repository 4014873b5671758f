package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.chips.TokenMarks;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * A lane's numbers: characters are code points and bytes UTF-8 bytes (a lone surrogate as U+FFFD), counted independently here (the JDK's
 * code point stream and encoder); after an edit they follow from the previous numbers and the replaced range alone,
 * even when the edit cuts into or completes a surrogate pair.
 */
class LaneStatsTest {

    private static final List<String> SNIPPETS = List.of("a", " ", "é", "日本", "🙂", "\uD83D", "\uDE42", "👍🏽", "\n",
            "[UNK]", "x y");

    @Test
    void countsAfterEveryEditEqualAFreshCount() {
        Tokenizer bert = new TokenizerRegistry().load("bert-base-uncased");
        int unknown = TokenMarks.unknownId(bert);
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder text = new StringBuilder("Hello 🙂 world\uD83D and \uDE42 ok ⿰");
        Encoding e = bert.encode(text.toString());
        LaneStats stats = LaneStats.of(e, TokenMarks.of(e, unknown));
        for (int step = 0; step < 3000; step++) {
            int at = random.nextInt(text.length() + 1);
            if (random.nextBoolean() || text.length() < 4) {
                text.insert(at, SNIPPETS.get(random.nextInt(SNIPPETS.size())));
            } else {
                text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(3)));
            }
            String before = e.text();
            e = bert.encode(text.toString());
            byte[] marks = TokenMarks.of(e, unknown);
            stats = LaneStats.edited(stats, before, e, marks);
            String now = text.toString();
            int s = step;
            assertEquals(now.codePoints().count(), stats.characters(), () -> "step " + s);
            // a lone surrogate goes out as U+FFFD (the JDK's encoder would write '?'); regex reads pairs as one
            // code point, so the class below matches lone surrogates only
            int utf8 = now.replaceAll("[\\uD800-\\uDFFF]", "\uFFFD").getBytes(StandardCharsets.UTF_8).length;
            assertEquals(utf8, stats.bytes(), () -> "step " + s);
            assertEquals(LaneStats.of(e, marks), stats, () -> "step " + s);
        }
    }
}
