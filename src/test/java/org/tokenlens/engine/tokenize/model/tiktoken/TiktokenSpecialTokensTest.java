package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;

/** Special tokens: ordinary text by default ({@code encode_ordinary}), their own ids when allowed in text. */
class TiktokenSpecialTokensTest {
    private static final EncodeOptions ALLOW = new EncodeOptions(false, true);

    @Test
    void tiktokenDocExamplesForGpt2() {
        // tiktoken core.py's docstring: enc = gpt2
        Tokenizer gpt2 = TiktokenDifferentialTest.ours(TiktokenEncoding.R50K_BASE);
        assertArrayEquals(new int[] {31373, 995}, gpt2.encode("hello world").ids());
        assertArrayEquals(new int[] {50256}, gpt2.encode("<|endoftext|>", ALLOW).ids());
        assertArrayEquals(new int[] {27, 91, 437, 1659, 5239, 91, 29}, gpt2.encode("<|endoftext|>").ids());
        assertFalse(gpt2.defaultOptions().allowSpecialInText());
        assertFalse(gpt2.defaultOptions().addSpecialTokens());
    }

    @Test
    void jtokkitEncodeRefusesSpecialTokensInText() {
        // so jtokkit cannot be the oracle for allowed specials; the expectation below is built from its ordinary
        // encoding of the segments between specials, which is how tiktoken's CoreBPE.encode proceeds
        assertThrows(UnsupportedOperationException.class,
                () -> TiktokenDifferentialTest.jtokkit(TiktokenEncoding.CL100K_BASE).encode("a<|endoftext|>b"));
    }

    @ParameterizedTest
    @EnumSource(TiktokenEncoding.class)
    void allowedSpecialsSplitTheTextIntoSegments(TiktokenEncoding e) {
        Tokenizer tok = TiktokenDifferentialTest.ours(e);
        var ref = TiktokenDifferentialTest.jtokkit(e);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> s : e.specials.entrySet()) {
            parts.add(s.getKey());
        }
        // text around specials ends in spaces/newlines: \s++$ and (?!\S) must see the segment's end as the end
        String[] around = {"Hello  ", "  world\n\n", "x'S", "", " 12345 ", "\r\n  "};
        StringBuilder text = new StringBuilder();
        List<Integer> expected = new ArrayList<>();
        List<Boolean> specialFlags = new ArrayList<>();
        for (int k = 0; k < around.length; k++) {
            for (int id : ref.encodeOrdinary(around[k]).toArray()) {
                expected.add(id);
                specialFlags.add(false);
            }
            text.append(around[k]);
            String sp = parts.get(k % parts.size());
            text.append(sp);
            expected.add(e.specials.get(sp));
            specialFlags.add(true);
        }
        String input = text.toString();
        Encoding enc = tok.encode(input, ALLOW);
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), enc.ids());
        for (int i = 0; i < enc.size(); i++) {
            assertEquals(specialFlags.get(i), enc.special()[i], "special flag " + i);
            if (enc.special()[i]) {
                assertEquals(enc.tokens()[i], enc.sourceText(i));
                assertEquals(enc.tokens()[i], new String(enc.bytes()[i], java.nio.charset.StandardCharsets.UTF_8));
                assertTrue(tok.isSpecial(enc.ids()[i]));
            }
        }
        TiktokenDifferentialTest.assertCoverage(input, enc);
        assertEquals(input, tok.decode(enc.ids()));
        // skipping specials leaves the ordinary text
        StringBuilder plain = new StringBuilder();
        for (String a : around) {
            plain.append(a);
        }
        assertEquals(plain.toString(), tok.decode(enc.ids(), true));
        // not allowed: the same text is ordinary text, as jtokkit's encodeOrdinary
        assertArrayEquals(ref.encodeOrdinary(input).toArray(), tok.encode(input).ids());
    }

    @ParameterizedTest
    @EnumSource(TiktokenEncoding.class)
    void vocabularyLookups(TiktokenEncoding e) {
        Tokenizer tok = TiktokenDifferentialTest.ours(e);
        int maxSpecial = e.specials.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals(Math.max(maxSpecial, e.rankCount) + 1, tok.vocabSize());
        for (Map.Entry<String, Integer> s : e.specials.entrySet()) {
            assertEquals(s.getKey(), tok.idToToken(s.getValue()));
            assertEquals(s.getValue(), tok.tokenToId(s.getKey()));
        }
        int hello = TiktokenDifferentialTest.jtokkit(e).encodeOrdinary(" hello").get(0);
        assertEquals("Ġhello", tok.idToToken(hello));
        assertEquals(hello, tok.tokenToId("Ġhello"));
        assertArrayEquals(" hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), tok.tokenBytes(hello));
        int newline = TiktokenDifferentialTest.jtokkit(e).encodeOrdinary("\n").get(0);
        assertEquals("Ċ", tok.idToToken(newline));
        assertEquals(-1, tok.tokenToId("not a ☃ piece"));
        assertNull(tok.idToToken(-1));
        assertNull(tok.idToToken(tok.vocabSize()));
        assertNull(tok.tokenBytes(tok.vocabSize()));
        assertTrue(tok.isLossless());
        assertFalse(tok.isSpecial(hello));
        assertThrows(TokenizerException.class, () -> tok.decode(new int[] {tok.vocabSize() + 5}));
    }

    @Test
    void decodeReplacesBrokenUtf8() {
        Tokenizer tok = TiktokenDifferentialTest.ours(TiktokenEncoding.CL100K_BASE);
        Encoding enc = tok.encode("🙂");
        assertTrue(enc.size() > 1, "an emoji is several byte tokens in cl100k");
        assertEquals("\uFFFD", tok.decode(new int[] {enc.ids()[0]}).substring(0, 1));
        for (int i = 0; i < enc.size(); i++) {
            assertEquals(0, enc.starts()[i], "a partial character spans the whole character");
            assertEquals(2, enc.ends()[i]);
        }
    }
}
