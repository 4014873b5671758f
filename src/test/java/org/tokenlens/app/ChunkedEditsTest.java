package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fxmisc.richtext.model.PlainTextChange;
import org.junit.jupiter.api.Test;

/** A chunked paste's edits applied at its end give the text the edits make one by one. */
class ChunkedEditsTest {

    @Test
    void aPastesChunksJoinBetweenTheTextAroundIt() {
        // "hello wörld": [2, 5) replaced by "AB", then "CD🙂" and "E" inserted after it, as a chunked paste goes in
        List<PlainTextChange> changes = List.of(new PlainTextChange(2, "llo", "AB"),
                new PlainTextChange(4, "", "CD🙂"), new PlainTextChange(8, "", "E"));
        assertEquals("heABCD🙂E wörld", ChunkedEdits.applied("hello wörld", changes));
    }

    @Test
    void editsThatDoNotFollowEachOtherAreAppliedInOrder() {
        List<PlainTextChange> changes = List.of(new PlainTextChange(0, "h", "J"), new PlainTextChange(5, "", "!"),
                new PlainTextChange(1, "el", ""));
        assertEquals("Jlo! world", ChunkedEdits.applied("hello world", changes));
    }

    @Test
    void randomPastesMatchTheEditsAppliedOneByOne() {
        Random random = new Random(7);
        String alphabet = "ab \n語🙂";
        for (int round = 0; round < 200; round++) {
            String text = randomText(random, alphabet, random.nextInt(40));
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            List<PlainTextChange> changes = new ArrayList<>();
            StringBuilder expected = new StringBuilder(text);
            int at = from;
            for (int k = 0, n = 1 + random.nextInt(5); k < n; k++) {
                String inserted = randomText(random, alphabet, random.nextInt(8));
                String removed = k == 0 ? text.substring(from, to) : "";
                changes.add(new PlainTextChange(at, removed, inserted));
                expected.replace(at, at + removed.length(), inserted);
                at += inserted.length();
            }
            assertEquals(expected.toString(), ChunkedEdits.applied(text, changes), "round " + round);
        }
    }

    private static String randomText(Random random, String alphabet, int codePoints) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < codePoints; k++) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }
}
