package org.tokenlens.engine.embed.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingModel;

class TextVectorsTest {
    @TempDir
    Path dir;

    @Test
    void gloveWordsBecomeAWordLevelVocabulary() throws Exception {
        Path file = dir.resolve("glove.txt");
        Files.writeString(file, "the 0.5 -1.25 3\nking 1e-3 2.0 -0\n. . . 7 8 9\nthe 9 9 9\nqueen 4 5 6\n");
        try (EmbeddingModel m = TextVectors.load(file)) {
            assertEquals(5, m.input().rows());        // the, king, ". . .", queen, <unk>
            assertEquals(3, m.input().dim());
            assertNull(m.output());
            assertArrayEquals(new float[] {0.5f, -1.25f, 3f}, m.input().row(0));   // first 'the' wins
            assertArrayEquals(new float[] {7, 8, 9}, m.input().row(2));
            assertArrayEquals(new float[] {0, 0, 0}, m.input().row(4));
            int[] ids = m.tokenizer().encode("the  queen\tking zebra").ids();
            assertArrayEquals(new int[] {0, 3, 1, 4}, ids);
            assertEquals(". . .", m.tokenizer().idToToken(2));
            assertTrue(m.tokenizer().isSpecial(4));
            assertEquals(5, m.tokenizer().vocabSize());
        }
    }

    @Test
    void word2vecHeaderIsReadAndChecked() throws Exception {
        Path file = dir.resolve("w2v.vec");
        Files.writeString(file, "3 2\n<unk> 0 0\ncat 1 2\ndog 3 4\n");
        try (EmbeddingModel m = TextVectors.load(file)) {
            assertEquals(3, m.input().rows());         // <unk> present: no row added
            assertArrayEquals(new float[] {3, 4}, m.input().row(m.tokenizer().tokenToId("dog")));
            assertArrayEquals(new int[] {1, 0}, m.tokenizer().encode("cat bird").ids());
        }
        Files.writeString(file, "5 2\ncat 1 2\ndog 3 4\n");
        assertMessage(file, "the header says 5 words, the file has 2");
    }

    @Test
    void malformedLinesAreNamed() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "a 1 2 3\nb 1 2\n");
        assertMessage(file, "bad.txt line 2: 2 values, expected 3");
        Files.writeString(file, "a 1 2 3\nb 1 x 3\n");
        assertMessage(file, "line 2: 'x' is not a number");
        Files.writeString(file, "\n\n");
        assertMessage(file, "no vectors");
        Files.writeString(file, "3 0\n");
        assertMessage(file, "dimension 0 is outside");
        assertMessage(dir.resolve("absent.txt"), "no such file");
    }

    private static void assertMessage(Path file, String part) {
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> TextVectors.load(file));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
