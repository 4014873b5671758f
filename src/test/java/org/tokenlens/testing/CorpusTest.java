package org.tokenlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus holds what its files promise, and every case crosses into HF tokenizers unchanged. */
class CorpusTest {

    @Test
    void filesAreStrictUtf8AndSmall() throws IOException {
        long total = 0;
        for (String f : Corpus.FILES) {
            byte[] bytes;
            try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + f)) {
                assertTrue(in != null, "missing corpus file " + f);
                bytes = in.readAllBytes();
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new AssertionError(f + " is not valid UTF-8", e);
            }
            total += bytes.length;
            assertTrue(Corpus.snippets(f).size() >= 5, f + " has at least 5 snippets");
        }
        assertTrue(total <= 200 * 1024, "corpus is " + total + " bytes");
    }

    @Test
    void whitespaceFileHasEveryKindOfWhitespace() {
        String all = String.join("", Corpus.snippets("whitespace.txt"));
        assertTrue(all.contains("\r\n") && all.contains("\rendings") && all.contains("\r\r"), "CR and CRLF");
        for (char c : new char[] {'\t', '\n', 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000, 0x200B, 0xFEFF}) {
            assertTrue(all.indexOf(c) >= 0, String.format("U+%04X missing", (int) c));
        }
        for (char c = 0x2000; c <= 0x200A; c++) {
            assertTrue(all.indexOf(c) >= 0, String.format("U+%04X missing", (int) c));
        }
    }

    @Test
    void proseHasNfcAndNfdFormsAndContractions() {
        List<String> prose = Corpus.snippets("prose-multilingual.txt");
        long nfd = prose.stream().filter(s -> !Normalizer.isNormalized(s, Normalizer.Form.NFC)).count();
        assertTrue(nfd >= 8, "decomposed snippets: " + nfd);
        for (String s : prose.stream().filter(s -> !Normalizer.isNormalized(s, Normalizer.Form.NFC)).toList()) {
            assertTrue(prose.contains(Normalizer.normalize(s, Normalizer.Form.NFC)), "NFC twin of " + Corpus.describe(s));
        }
        String english = String.join(" ", prose.subList(0, 4));
        for (String c : List.of("'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'VE", "'M", "'LL", "'D")) {
            assertTrue(english.contains(c), "contraction " + c);
        }
    }

    @Test
    void generatedRunsHaveNoSplitPoint() {
        List<String> g = Corpus.generated();
        assertTrue(g.contains("a".repeat(10_000)));
        assertTrue(g.contains("中".repeat(10_000)));
        assertTrue(g.contains("-".repeat(10_000)));
        assertTrue(g.contains(""));
    }

    @Test
    void randomStringsAreReproducibleAndValid() {
        assertEquals(Corpus.random(7, 50), Corpus.random(7, 50));
        assertNotEquals(Corpus.random(7, 50), Corpus.random(8, 50));
        for (String s : Corpus.random(7, 500)) {
            assertFalse(s.isEmpty());
            HfOracle.codePointToUtf16(s); // throws on a lone surrogate
        }
    }

    @Test
    void snippetsKeepCrlfAndDropOnlyTheSeparator() {
        List<String> ws = Corpus.snippets("whitespace.txt");
        assertTrue(ws.contains("Windows\r\nline\r\nendings\r\n\r\nand old Mac\rendings\r\rand\n\n\nUnix\n"), "byte-exact snippet");
        assertTrue(ws.contains("\n".repeat(8)));
        for (String s : Corpus.snippets()) {
            assertFalse(s.contains("\n---\n"), "separator leaked into " + Corpus.describe(s));
        }
    }

    @Test
    void everyCaseRoundTripsThroughByteLevelHf() {
        // Llama 3 is byte-level BPE: lossless, so decode(encode(x)) == x proves each case reached Rust intact
        HfOracle llama = HfOracle.shared(Fixtures.tokenizerJson("llama3"));
        List<String> all = Corpus.all();
        assertTrue(all.size() > 300, "cases: " + all.size());
        for (String text : all) {
            OracleEncoding e = llama.encode(text, false);
            assertEquals(text, llama.decode(e.ids(), false), Corpus.describe(text));
            for (int i = 0; i < e.size(); i++) {
                assertTrue(e.starts()[i] >= 0 && e.starts()[i] <= e.ends()[i] && e.ends()[i] <= text.length(),
                        "offsets of " + Corpus.describe(text));
            }
        }
    }
}
