package org.tokenlens.engine.embed.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Fixtures;

/**
 * Metadata of real vocabularies, each flag checked for every id against what the test works out independently:
 * from the tokenizer.json read with Jackson, jtokkit's token bytes, and GPT-2's byte-to-character table rebuilt here.
 */
class TokenMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    @Test
    void bertWordPieceContinuationsSpecialsAndScripts() throws IOException {
        Tokenizer bert = REGISTRY.load("bert-base-uncased");
        TokenMetadata meta = TokenMetadata.of(bert);
        JsonNode root = JSON.readTree(Fixtures.bertJson());
        Map<Integer, String> pieces = vocab(root);
        Set<Integer> specials = specials(root);
        assertEquals(30_522, meta.size());
        int continuations = 0;
        for (Map.Entry<Integer, String> e : pieces.entrySet()) {
            int id = e.getKey();
            String piece = e.getValue();
            boolean continuation = piece.startsWith("##") && piece.length() > 2;
            continuations += continuation ? 1 : 0;
            assertEquals(continuation, meta.isContinuation(id), piece);
            assertEquals(specials.contains(id), meta.isSpecial(id), piece);
            assertFalse(meta.hasLeadingSpace(id), piece); // WordPiece marks continuations, not word starts
            assertFalse(meta.isByte(id), piece);
        }
        assertTrue(continuations > 5_000, "bert has ~5.8k ## pieces: " + continuations);
        int s = bert.tokenToId("##s");
        assertTrue(meta.isContinuation(s));
        assertEquals(1, meta.length(s));
        assertEquals(UnicodeScript.LATIN, meta.script(s));
        assertEquals(UnicodeScript.HAN, meta.script(bert.tokenToId("日")));
        assertEquals(UnicodeScript.CYRILLIC, meta.script(bert.tokenToId("и")));
        assertEquals(UnicodeScript.ARABIC, meta.script(bert.tokenToId("##ع")));
        assertEquals(UnicodeScript.COMMON, meta.script(bert.tokenToId("1999"))); // digits only
        assertEquals(UnicodeScript.LATIN, meta.script(bert.tokenToId("1990s"))); // COMMON does not outvote
        assertTrue(meta.isSpecial(bert.tokenToId("[CLS]")));
        assertEquals(5, meta.length(bert.tokenToId("[CLS]")));
    }

    /** GPT-2 through tiktoken's r50k ranks; the bytes of every id from jtokkit, not from our tokenizer. */
    @Test
    void gpt2BytesAndLeadingSpacesMatchJtokkit() {
        Tokenizer gpt2 = REGISTRY.load("gpt2");
        TokenMetadata meta = TokenMetadata.of(gpt2);
        Encoding jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        int bytesTokens = 0;
        for (int id = 0; id < 50_256; id++) {
            IntArrayList one = new IntArrayList();
            one.add(id);
            byte[] bytes = jtokkit.decodeBytes(one);
            boolean whole = isWholeUtf8(bytes);
            bytesTokens += whole ? 0 : 1;
            assertEquals(!whole, meta.isByte(id), "id " + id);
            assertEquals(bytes[0] == ' ', meta.hasLeadingSpace(id), "id " + id);
            assertFalse(meta.isByteFallback(id) || meta.isContinuation(id) || meta.isSpecial(id), "id " + id);
            if (whole) {
                assertEquals(new String(bytes, StandardCharsets.UTF_8).length(), meta.length(id), "id " + id);
            } else {
                assertNull(meta.script(id), "id " + id);
            }
        }
        assertTrue(bytesTokens >= 128, "every single byte 0x80-0xFF is a token of its own: " + bytesTokens);
        int the = gpt2.tokenToId("Ġthe");
        assertEquals(262, the);
        assertTrue(meta.hasLeadingSpace(the));
        assertEquals(4, meta.length(the));
        assertEquals(UnicodeScript.LATIN, meta.script(the));
        assertTrue(meta.isSpecial(50_256)); // <|endoftext|>
    }

    /** Llama 3 byte-level BPE: the byte each piece's characters stand for, from GPT-2's table rebuilt here. */
    @Test
    void llama3ByteLevelPieces() throws IOException {
        Tokenizer llama = REGISTRY.load(Fixtures.tokenizerJson("llama3").toString());
        TokenMetadata meta = TokenMetadata.of(llama);
        JsonNode root = JSON.readTree(Files.readString(Fixtures.tokenizerJson("llama3")));
        Map<Integer, Integer> charToByte = byteLevelTable();
        Set<Integer> specials = specials(root);
        for (Map.Entry<Integer, String> e : vocab(root).entrySet()) {
            String piece = e.getValue();
            byte[] bytes = new byte[piece.length()];
            for (int i = 0; i < piece.length(); i++) {
                bytes[i] = (byte) (int) charToByte.get((int) piece.charAt(i));
            }
            int id = e.getKey();
            assertEquals(!isWholeUtf8(bytes), meta.isByte(id), piece);
            assertEquals(piece.startsWith("Ġ"), meta.hasLeadingSpace(id), piece);
            assertEquals(specials.contains(id), meta.isSpecial(id), piece);
        }
        int the = llama.tokenToId("Ġthe");
        assertTrue(meta.hasLeadingSpace(the) && !meta.isByte(the) && meta.length(the) == 4);
        assertTrue(meta.isByte(llama.tokenToId("æ")), "æ is byte 0xE6 alone: part of a character");
        assertTrue(meta.isSpecial(llama.tokenToId("<|begin_of_text|>")));
    }

    /** Gemma 3: SentencePiece-style BPE with byte fallback: exactly the 256 {@code <0xNN>} pieces. */
    @Test
    void gemma3ByteFallbackAndMetaspace() throws IOException {
        Tokenizer gemma = REGISTRY.load(Fixtures.tokenizerJson("gemma3").toString());
        TokenMetadata meta = TokenMetadata.of(gemma);
        JsonNode root = JSON.readTree(Files.readString(Fixtures.tokenizerJson("gemma3")));
        Pattern byteName = Pattern.compile("<0x[0-9A-F]{2}>");
        int fallbacks = 0;
        for (Map.Entry<Integer, String> e : vocab(root).entrySet()) {
            boolean expected = byteName.matcher(e.getValue()).matches();
            fallbacks += expected ? 1 : 0;
            assertEquals(expected, meta.isByteFallback(e.getKey()), e.getValue());
            if (expected) {
                assertTrue(meta.isByte(e.getKey()));
            }
            if (e.getValue().startsWith("▁")) {
                assertTrue(meta.hasLeadingSpace(e.getKey()), e.getValue());
            }
        }
        assertEquals(256, fallbacks);
        int the = gemma.tokenToId("▁the");
        assertTrue(meta.hasLeadingSpace(the));
        assertEquals(UnicodeScript.LATIN, meta.script(the));
        int e6 = gemma.tokenToId("<0xE6>");
        assertTrue(meta.isByteFallback(e6) && meta.isByte(e6));
        assertNull(meta.script(e6));
    }

    private static Map<Integer, String> vocab(JsonNode root) {
        Map<Integer, String> out = new HashMap<>();
        root.get("model").get("vocab").properties().forEach(e -> out.put(e.getValue().asInt(), e.getKey()));
        return out;
    }

    private static Set<Integer> specials(JsonNode root) {
        Set<Integer> out = new HashSet<>();
        for (JsonNode t : root.get("added_tokens")) {
            if (t.get("special").asBoolean()) {
                out.add(t.get("id").asInt());
            }
        }
        return out;
    }

    private static boolean isWholeUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** GPT-2's bytes_to_unicode, inverted: printable Latin-1 bytes stand for themselves, the rest map to 256+n. */
    private static Map<Integer, Integer> byteLevelTable() {
        Map<Integer, Integer> charToByte = new HashMap<>();
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE && b <= 0xFF;
            charToByte.put(printable ? b : 256 + next++, b);
        }
        return charToByte;
    }
}
