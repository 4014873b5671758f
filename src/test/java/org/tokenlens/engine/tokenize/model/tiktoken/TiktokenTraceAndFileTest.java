package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;

/** Merge traces replay to the encoder's tokens; user rank files load, are recognised, and fail clearly. */
class TiktokenTraceAndFileTest {
    @TempDir
    Path dir;

    @Test
    void traceEndsInTheTokensOfItsWord() {
        Tokenizer tok = TiktokenDifferentialTest.ours(TiktokenEncoding.O200K_BASE);
        List<String> inputs = new ArrayList<>(TiktokenCorpus.HAND_PICKED.subList(1, 18));
        inputs.addAll(TiktokenCorpus.random(5, 40, 30));
        for (String text : inputs) {
            Encoding enc = tok.encode(text);
            for (int i = 0; i < enc.size(); i++) {
                Trace.Bpe t = (Trace.Bpe) tok.trace(text, i).orElseThrow();
                List<String> word = new ArrayList<>();
                for (int j = 0; j < enc.size(); j++) {
                    if (enc.wordIndex()[j] == enc.wordIndex()[i]) {
                        word.add(enc.tokens()[j]);
                    }
                }
                List<String> last = t.merges().isEmpty() ? t.initial() : t.merges().get(t.merges().size() - 1).after();
                assertEquals(word, last, "trace of token " + i + " in " + TiktokenDifferentialTest.show(text));
                assertEquals(String.join("", word), t.word());
                List<String> symbols = t.initial();
                for (Trace.Merge m : t.merges()) {
                    assertEquals(m.left(), symbols.get(m.position()));
                    assertEquals(m.right(), symbols.get(m.position() + 1));
                    assertEquals(m.left() + m.right(), m.result());
                    assertEquals(m.id(), tok.tokenToId(m.result()));
                    assertEquals(m.rank(), m.id());
                    symbols = m.after();
                }
            }
        }
    }

    @Test
    void traceOfHelloShowsByteLevelMerges() {
        Tokenizer tok = TiktokenDifferentialTest.ours(TiktokenEncoding.CL100K_BASE);
        Trace.Bpe t = (Trace.Bpe) tok.trace("say hello", 1).orElseThrow();
        assertEquals("Ġhello", t.word());
        assertEquals(List.of("Ġ", "h", "e", "l", "l", "o"), t.initial());
        assertEquals(List.of("Ġhello"), t.merges().get(t.merges().size() - 1).after());
    }

    @Test
    void userFileIsRecognisedByNameOrByRankCount() throws Exception {
        byte[] cl100k = SplitterEquivalenceTest.resource(TiktokenEncoding.CL100K_BASE);
        Path named = dir.resolve("my-cl100k_base.tiktoken");
        Files.write(named, cl100k);
        Path anonymous = dir.resolve("ranks.tiktoken");
        Files.write(anonymous, cl100k);
        String text = "Hello world's  \n\n 12345 🙂";
        int[] expected = TiktokenDifferentialTest.jtokkit(TiktokenEncoding.CL100K_BASE).encodeOrdinary(text).toArray();
        for (Path p : List.of(named, anonymous)) {
            Tokenizer tok = TiktokenTokenizer.fromFile(p);
            assertEquals(p.getFileName().toString(), tok.name());
            assertEquals("cl100k_base", ((TiktokenTokenizer) tok).encodingName());
            assertArrayEquals(expected, tok.encode(text).ids());
        }
    }

    @Test
    void unknownEncodingIsAClearError() throws Exception {
        Path p = write("ranks.tiktoken", allBytes());
        TokenizerException e = assertThrows(TokenizerException.class, () -> TiktokenTokenizer.fromFile(p));
        assertTrue(e.getMessage().contains("ranks.tiktoken") && e.getMessage().contains("256 ranks"), e.getMessage());
    }

    @Test
    void malformedLinesNameFileAndLine() throws Exception {
        assertMessage(write("a-gpt2.tiktoken", allBytes() + "!!notbase64 256\n"), "line 257", "bad base64");
        assertMessage(write("b-gpt2.tiktoken", allBytes() + "YWI=\n"), "line 257", "missing rank");
        assertMessage(write("c-gpt2.tiktoken", allBytes() + "YWI= 12x\n"), "line 257", "'12x' is not");
        assertMessage(write("d-gpt2.tiktoken", allBytes() + "YWI= 5\n"), "line 257", "rank 5 given twice");
        assertMessage(write("e-gpt2.tiktoken", "YQ== 0\n"), "e-gpt2.tiktoken", "no rank for the single byte 0x00");
        assertMessage(write("f-gpt2.tiktoken", "\n\n"), "f-gpt2.tiktoken", "no ranks");
        assertMessage(dir.resolve("missing.tiktoken"), "missing.tiktoken", "cannot read");
    }

    @Test
    void bundledRejectsUnknownName() {
        assertThrows(TokenizerException.class, () -> TiktokenTokenizer.bundled("cl200k"));
        assertEquals("r50k_base", ((TiktokenTokenizer) TiktokenTokenizer.bundled("gpt2")).encodingName());
    }

    private void assertMessage(Path file, String... parts) {
        TokenizerException e = assertThrows(TokenizerException.class, () -> TiktokenTokenizer.fromFile(file));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A minimal valid rank file: the 256 single bytes, ranks 0..255. */
    private static String allBytes() {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            sb.append(java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) b})).append(' ').append(b)
                    .append('\n');
        }
        return sb.toString();
    }
}
