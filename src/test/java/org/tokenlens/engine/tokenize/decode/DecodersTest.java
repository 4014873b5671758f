package org.tokenlens.engine.tokenize.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenlens.testing.HfOracle;

/**
 * Every decoder and option against HF (through DJL): a tiny WordLevel tokenizer whose vocabulary is the given
 * pieces decodes every single id, every pair and many random sequences; our decoder must give the same string.
 */
class DecodersTest {

    private static final List<String> BYTE_LEVEL = List.of("<unk>", "Ġhello", "Ġworld", "hello", "Ã", "©", "ð",
            "Ł", "ĺ", "Ģ", "ĠĠ", "Ċ", "<|end|>", "Ġ", "æĹ", "¥", "ĉtab", "caf", "Ã©", "Ġ日本");
    private static final List<String> WORD_PIECE = List.of("[UNK]", "hello", "##s", "world", ".", ",", "?", "!",
            "'", "n't", "'m", "do", "not", "'s", "'ve", "'re", "@@ing", "run", "##ning", "a");
    private static final List<String> METASPACE = List.of("<unk>", "▁hello", "▁world", "▁", "hello", "▁▁",
            "a▁b", "_x", "▁_", "end▁");
    private static final List<String> BYTE_FALLBACK = List.of("<unk>", "<0xE6>", "<0x97>", "<0xA5>", "<0x41>",
            "<0xe6>", "<0x+A>", "<0xZZ>", "▁hi", "abc", "<0xF0>", "<0x9F>", "<0x98>", "<0x80>", "<0x0A>", "<0x20>");
    // no piece made only of the stripped character: HF panics (and kills the JVM) when both cuts overlap
    private static final List<String> STRIP = List.of("<unk>", " hello", "  two", "end  ", "▁x▁", "▁▁▁a",
            "a▁▁▁", "mid dle", " x ", "x");
    private static final List<String> BPE = List.of("<unk>", "hel", "lo</w>", "world</w>", "</w>", "a</w>b",
            "x");
    private static final List<String> CTC = List.of("<unk>", "<pad>", "h", "e", "l", "o", "|", "w", " .", "a<pad>b",
            "'s");
    private static final List<String> REPLACE = List.of("<unk>", "▁hello", "a1b22", "▁▁", "x", "123", "日▁本");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(BYTE_LEVEL, "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":true}"),
                Arguments.of(BYTE_LEVEL, "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,"
                        + "\"trim_offsets\":false,\"use_regex\":false}"),
                Arguments.of(WORD_PIECE, "{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":true}"),
                Arguments.of(WORD_PIECE, "{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":false}"),
                Arguments.of(WORD_PIECE, "{\"type\":\"WordPiece\",\"prefix\":\"@@\",\"cleanup\":true}"),
                Arguments.of(METASPACE, "{\"type\":\"Metaspace\",\"replacement\":\"▁\","
                        + "\"prepend_scheme\":\"always\",\"split\":true}"),
                Arguments.of(METASPACE, "{\"type\":\"Metaspace\",\"replacement\":\"▁\","
                        + "\"prepend_scheme\":\"first\",\"split\":false}"),
                Arguments.of(METASPACE, "{\"type\":\"Metaspace\",\"replacement\":\"▁\","
                        + "\"prepend_scheme\":\"never\",\"split\":true}"),
                Arguments.of(METASPACE, "{\"type\":\"Metaspace\",\"replacement\":\"_\",\"prepend_scheme\":\"always\"}"),
                Arguments.of(METASPACE, "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"add_prefix_space\":true}"),
                Arguments.of(METASPACE, "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"str_rep\":\"▁\","
                        + "\"add_prefix_space\":false,\"prepend_scheme\":\"never\"}"),
                Arguments.of(BYTE_FALLBACK, "{\"type\":\"ByteFallback\"}"),
                Arguments.of(BYTE_FALLBACK, "{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"ByteFallback\"},"
                        + "{\"type\":\"Fuse\"}]}"),
                Arguments.of(STRIP, "{\"type\":\"Fuse\"}"),
                Arguments.of(METASPACE, "{\"type\":\"Fuse\"}"),
                Arguments.of(STRIP, "{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":1}"),
                Arguments.of(STRIP, "{\"type\":\"Strip\",\"content\":\" \",\"start\":2,\"stop\":0}"),
                Arguments.of(STRIP, "{\"type\":\"Strip\",\"content\":\"▁\",\"start\":0,\"stop\":2}"),
                Arguments.of(REPLACE, "{\"type\":\"Replace\",\"pattern\":{\"String\":\"▁\"},\"content\":\" \"}"),
                Arguments.of(REPLACE, "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"[0-9]+\"},\"content\":\"#\"}"),
                Arguments.of(REPLACE, "{\"type\":\"Replace\",\"pattern\":{\"String\":\"▁▁\"},\"content\":\"$1\"}"),
                Arguments.of(BPE, "{\"type\":\"BPEDecoder\",\"suffix\":\"</w>\"}"),
                Arguments.of(CTC, "{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\","
                        + "\"cleanup\":true}"),
                Arguments.of(CTC, "{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\","
                        + "\"cleanup\":false}"),
                // Llama 2 / Mistral: SentencePiece pieces with byte fallback
                Arguments.of(BYTE_FALLBACK, llama2Decoder()),
                Arguments.of(METASPACE, llama2Decoder()),
                // no decoder at all: HF joins the pieces with spaces
                Arguments.of(WORD_PIECE, null));
    }

    static String llama2Decoder() {
        return "{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"Replace\",\"pattern\":{\"String\":\"▁\"},"
                + "\"content\":\" \"},{\"type\":\"ByteFallback\"},{\"type\":\"Fuse\"},"
                + "{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":0}]}";
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decodesLikeHf(List<String> pieces, String decoderJson) throws Exception {
        Decoder ours = decoderJson == null ? null
                : Decoders.fromJson(TinyDecoderTokenizer.JSON.readTree(decoderJson), "$.decoder");
        try (HfOracle hf = HfOracle.fromJson(TinyDecoderTokenizer.json(pieces, decoderJson))) {
            for (int[] ids : idSequences(pieces.size())) {
                List<String> tokens = new ArrayList<>();
                for (int id : ids) {
                    tokens.add(pieces.get(id));
                }
                assertEquals(hf.decode(ids, false), Decoders.decode(ours, tokens), () -> "pieces " + tokens);
            }
        }
    }

    /**
     * Rust's lossy UTF-8 decoding, exercised through the ByteLevel decoder: a vocabulary of the 256 single-byte
     * pieces and runs of bytes biased towards lead and continuation bytes (truncated, overlong, surrogate and
     * out-of-range sequences all occur).
     */
    @org.junit.jupiter.api.Test
    void byteLevelDecodesArbitraryBytesLikeHf() throws Exception {
        List<String> pieces = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            pieces.add(String.valueOf(ByteLevelAlphabet.byteToChar(b)));
        }
        String json = "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":false}";
        Decoder ours = Decoders.fromJson(TinyDecoderTokenizer.JSON.readTree(json), "$.decoder");
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        Random random = new Random(3);
        try (HfOracle hf = HfOracle.fromJson(TinyDecoderTokenizer.json(pieces, json))) {
            for (int k = 0; k < 3000; k++) {
                int[] ids = new int[1 + random.nextInt(6)];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = random.nextInt(4) == 0 ? random.nextInt(256) : interesting[random.nextInt(interesting.length)];
                }
                List<String> tokens = new ArrayList<>();
                for (int id : ids) {
                    tokens.add(pieces.get(id));
                }
                assertEquals(hf.decode(ids, false), Decoders.decode(ours, tokens), () -> "bytes " + tokens);
            }
        }
    }

    /** Every single id, every pair, every triple of the first ids, and random longer runs (fixed seed). */
    static List<int[]> idSequences(int n) {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            out.add(new int[] {a});
            for (int b = 0; b < n; b++) {
                out.add(new int[] {a, b});
            }
        }
        int small = Math.min(n, 8);
        for (int a = 0; a < small; a++) {
            for (int b = 0; b < small; b++) {
                for (int c = 0; c < small; c++) {
                    out.add(new int[] {a, b, c});
                }
            }
        }
        Random random = new Random(42);
        for (int k = 0; k < 300; k++) {
            int[] ids = new int[4 + random.nextInt(9)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = random.nextInt(n);
            }
            out.add(ids);
        }
        return out;
    }
}
