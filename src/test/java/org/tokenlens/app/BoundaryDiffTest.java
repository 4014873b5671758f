package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Boundaries move forward past whitespace exactly as {@link Character#isWhitespace(char)} defines it. */
class BoundaryDiffTest {

    @Test
    void canonicalSkipsWhatCharacterIsWhitespaceCallsWhitespaceForEveryChar() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + (char) c + "b";
            int expected = Character.isWhitespace((char) c) ? 3 : 1;
            assertEquals(expected, BoundaryDiff.canonical(text, 1), "U+" + Integer.toHexString(c));
        }
    }
}
