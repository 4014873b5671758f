package org.tokenlens.engine.tokenize.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;

/**
 * The decoders of real tokenizers (Llama 3, Qwen 3, GPT-4o byte-level; Gemma 3 SentencePiece with byte fallback;
 * bert WordPiece) decode ids exactly as HF does: ids HF encoded from varied text (emoji, CJK, accents, code,
 * whitespace), with and without skipping specials, and random id runs that split UTF-8 characters.
 */
class RealDecodersTest {

    static final List<String> TEXTS = List.of(
            "Hello, world! This is a test.",
            "  leading and trailing spaces   ",
            "Tabs\tand\nnewlines\r\n\n end",
            "I can't believe it's not butter; we're done, aren't we? Don't!",
            "Emoji 😀👍🏽 and flags 🇫🇷🇯🇵 and ZWJ 👩‍👩‍👧",
            "日本語のテキストと中文字符，还有한국어.",
            "Ünïcödé àccents: café naïve façade — “quotes” … ½ ² ℃",
            "def f(x):\n    return x ** 2  # comment\n",
            "Numbers 1234567 3.14159 1,000,000 and 0xFF",
            "Rare: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈 ꙮ ဪ ᚠᛇᚻ",
            "<|endoftext|> <s> [CLS] special-looking text",
            "a");

    static Stream<String> names() {
        return Stream.concat(Fixtures.NAMES.stream(), Stream.of("bert"));
    }

    /** The tokenizer.json of a fixture or the bundled bert, as text. */
    static String json(String name) {
        if (name.equals("bert")) {
            return Fixtures.bertJson();
        }
        try {
            return Files.readString(Fixtures.tokenizerJson(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What HF's decode looks up: added tokens first, then the model's vocabulary; specials marked. */
    record Vocab(Map<Integer, String> pieces, Set<Integer> special, int size) {
        static Vocab of(JsonNode root) {
            Map<Integer, String> pieces = new HashMap<>();
            int max = 0;
            JsonNode vocab = root.get("model").get("vocab");
            if (vocab.isObject()) {
                for (var it = vocab.fields(); it.hasNext(); ) {
                    var e = it.next();
                    pieces.put(e.getValue().intValue(), e.getKey());
                    max = Math.max(max, e.getValue().intValue());
                }
            } else { // Unigram: [[piece, score], …]
                for (int i = 0; i < vocab.size(); i++) {
                    pieces.put(i, vocab.get(i).get(0).asText());
                }
                max = vocab.size() - 1;
            }
            Set<Integer> special = new HashSet<>();
            for (JsonNode t : root.get("added_tokens")) {
                int id = t.get("id").intValue();
                pieces.put(id, t.get("content").asText());
                if (t.get("special").booleanValue()) {
                    special.add(id);
                }
                max = Math.max(max, id);
            }
            return new Vocab(pieces, special, max + 1);
        }

        List<String> tokens(int[] ids, boolean skipSpecial) {
            List<String> out = new ArrayList<>();
            for (int id : ids) {
                String p = pieces.get(id);
                if (p != null && !(skipSpecial && special.contains(id))) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void decodesEncodedTextAndRandomIdsLikeHf(String name) throws Exception {
        String json = json(name);
        JsonNode root = TinyDecoderTokenizer.JSON.readTree(json);
        Decoder decoder = root.get("decoder").isNull() ? null : Decoders.fromJson(root.get("decoder"), "$.decoder");
        Vocab vocab = Vocab.of(root);
        try (HfOracle hf = HfOracle.fromJson(json)) {
            List<int[]> sequences = new ArrayList<>();
            for (String text : TEXTS) {
                int[] ids = hf.encode(text, true).ids();
                sequences.add(ids);
                // every prefix of the sequence, so that decoding stops mid-character too
                for (int k = 1; k < ids.length; k++) {
                    sequences.add(java.util.Arrays.copyOf(ids, k));
                }
            }
            Random random = new Random(7);
            List<Integer> ids = new ArrayList<>(vocab.pieces().keySet());
            for (int k = 0; k < 400; k++) {
                int[] run = new int[1 + random.nextInt(12)];
                for (int i = 0; i < run.length; i++) {
                    run[i] = ids.get(random.nextInt(ids.size()));
                }
                sequences.add(run);
            }
            for (int[] seq : sequences) {
                for (boolean skip : new boolean[] {false, true}) {
                    List<String> tokens = vocab.tokens(seq, skip);
                    assertEquals(hf.decode(seq, skip), Decoders.decode(decoder, tokens),
                            () -> name + " skip=" + skip + " pieces " + tokens);
                }
            }
        }
    }

    /**
     * For a concatenating decoder the bytes of the pieces, joined, are the decoded text: checked on every text
     * HF encoded, without specials (their pieces are text, not bytes, in byte-level vocabularies).
     */
    @ParameterizedTest
    @MethodSource("names")
    void pieceBytesConcatenateToTheDecodedText(String name) throws Exception {
        String json = json(name);
        JsonNode root = TinyDecoderTokenizer.JSON.readTree(json);
        Decoder decoder = Decoders.fromJson(root.get("decoder"), "$.decoder");
        Vocab vocab = Vocab.of(root);
        try (HfOracle hf = HfOracle.fromJson(json)) {
            int checked = 0;
            for (String text : TEXTS) {
                int[] ids = hf.encode(text, false).ids();
                List<String> tokens = vocab.tokens(ids, true);
                if (tokens.size() < 2) {
                    continue;
                }
                // the first piece is decoded differently (no leading space for WordPiece); compare from the second
                byte[] expected = Decoders.decode(decoder, tokens).substring(
                        Decoders.decode(decoder, tokens.subList(0, 1)).length()).getBytes(StandardCharsets.UTF_8);
                if (name.equals("bert")) {
                    // WordPiece cleanup glues punctuation across pieces; only texts without it concatenate
                    if (!text.equals("a") && !text.startsWith("Tabs")) {
                        continue;
                    }
                }
                java.io.ByteArrayOutputStream actual = new java.io.ByteArrayOutputStream();
                for (String t : tokens.subList(1, tokens.size())) {
                    actual.writeBytes(decoder.pieceBytes(t));
                }
                assertArrayEquals(expected, actual.toByteArray(), () -> name + ": " + text + " " + tokens);
                checked++;
            }
            assertTrue(checked > 0, "no text checked for " + name);
        }
    }
}
