package org.tokenlens.engine.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The replaced range between two texts: rebuilding the new text from the old one and the range gives it back. */
class TextEditTest {

    @Test
    void anInsertDeleteOrReplaceIsFoundAsOneRange() {
        assertEquals(new TextEdit(2, 1, 3, 4), TextEdit.between("abc", "abXc"));
        assertEquals(1, TextEdit.between("abc", "abXc").changed());
        assertEquals(new TextEdit(3, 0, 3, 4), TextEdit.between("aaa", "aaaa"), "head first, never overlapping");
        assertEquals(0, TextEdit.between("same", "same").changed());
        assertEquals(5, TextEdit.between("", "hello").changed());
        assertEquals(-2, TextEdit.between("hello", "heo").shift());
    }

    @Test
    void theRangeRebuildsTheNewText() {
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 2000; k++) {
            String before = word(random, random.nextInt(12));
            String after = word(random, random.nextInt(12));
            TextEdit e = TextEdit.between(before, after);
            String rebuilt = before.substring(0, e.head()) + after.substring(e.head(), e.tailStart())
                    + before.substring(before.length() - e.tail());
            assertEquals(after, rebuilt, before + " → " + after);
            assertEquals(Math.max(before.length(), after.length()) - e.head() - e.tail(), e.changed());
            assertEquals(true, e.head() + e.tail() <= Math.min(before.length(), after.length()));
        }
    }

    private static String word(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(3)));
        }
        return sb.toString();
    }
}
