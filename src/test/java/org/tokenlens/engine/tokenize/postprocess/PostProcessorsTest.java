package org.tokenlens.engine.tokenize.postprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * Each post-processor against HF (through DJL), in isolation: HF encodes a text with the same tokenizer but no
 * post-processor; those tokens go through our processor; the result must equal HF's encoding with the processor,
 * with and without special tokens: ids, pieces, UTF-16 offsets, special flags, word indexes and type ids.
 *
 * <p>The tokenizers are tiny: a ByteLevel (or whitespace) pre-tokenizer and a WordLevel model whose vocabulary
 * holds exactly the words HF's pre-tokenizer produced for the test texts (found by a first HF run with a
 * one-character-per-token model), so pieces keep their {@code Ġ} and the offset trimming has something to do.
 */
class PostProcessorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> TEXTS = List.of("hello world", "  leading spaces", "trailing   ", "a  b   c", " x",
            "tab\there", "new\nline  \n end", "é ü 日本 😀", "x", "", " ", "   ");

    static final String CLS_SEP = "\"cls\":[\"<s>\",0],\"sep\":[\"</s>\",2]";

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (boolean preAps : new boolean[] {true, false}) {
            String pre = byteLevelPre(preAps);
            for (boolean trim : new boolean[] {true, false}) {
                for (boolean aps : new boolean[] {true, false}) {
                    b.add(Arguments.of(pre, "{\"type\":\"ByteLevel\",\"add_prefix_space\":" + aps
                            + ",\"trim_offsets\":" + trim + ",\"use_regex\":true}"));
                    b.add(Arguments.of(pre, "{\"type\":\"RobertaProcessing\"," + CLS_SEP + ",\"trim_offsets\":"
                            + trim + ",\"add_prefix_space\":" + aps + "}"));
                }
            }
            // order matters: after the template the first real token is no longer at index 0
            b.add(Arguments.of(pre, "{\"type\":\"Sequence\",\"processors\":[" + byteLevelPost(true) + ","
                    + bosTemplate() + "]}"));
            b.add(Arguments.of(pre, "{\"type\":\"Sequence\",\"processors\":[" + bosTemplate() + ","
                    + byteLevelPost(true) + "]}"));
        }
        String ws = "{\"type\":\"WhitespaceSplit\"}";
        b.add(Arguments.of(ws, "{\"type\":\"BertProcessing\",\"sep\":[\"[SEP]\",102],\"cls\":[\"[CLS]\",101]}"));
        b.add(Arguments.of(ws, bosTemplate()));
        // type ids, a special standing for two ids, the sequence twice
        b.add(Arguments.of(ws, "{\"type\":\"TemplateProcessing\",\"single\":["
                + special("[CLS]", 0) + "," + sequence(1) + "," + special("[SEP]", 1) + "," + special("<x>", 2) + "],"
                + "\"pair\":[" + sequence(0) + ",{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}],"
                + "\"special_tokens\":{\"[CLS]\":{\"id\":\"[CLS]\",\"ids\":[101],\"tokens\":[\"[CLS]\"]},"
                + "\"[SEP]\":{\"id\":\"[SEP]\",\"ids\":[102],\"tokens\":[\"[SEP]\"]},"
                + "\"<x>\":{\"id\":\"<x>\",\"ids\":[7,8],\"tokens\":[\"<a>\",\"<b>\"]}}}"));
        b.add(Arguments.of(ws, "{\"type\":\"TemplateProcessing\",\"single\":[" + sequence(0) + ","
                + special("<bos>", 0) + "," + sequence(3) + "],\"pair\":[],\"special_tokens\":{\"<bos>\":"
                + "{\"id\":\"<bos>\",\"ids\":[1],\"tokens\":[\"<bos>\"]}}}"));
        b.add(Arguments.of(ws, "{\"type\":\"Sequence\",\"processors\":[{\"type\":\"BertProcessing\","
                + "\"sep\":[\"[SEP]\",102],\"cls\":[\"[CLS]\",101]}," + bosTemplate() + "]}"));
        return b.build();
    }

    static String byteLevelPre(boolean addPrefixSpace) {
        return "{\"type\":\"ByteLevel\",\"add_prefix_space\":" + addPrefixSpace
                + ",\"trim_offsets\":true,\"use_regex\":true}";
    }

    static String byteLevelPost(boolean trim) {
        return "{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":" + trim + ",\"use_regex\":true}";
    }

    static String special(String id, int typeId) {
        return "{\"SpecialToken\":{\"id\":\"" + id + "\",\"type_id\":" + typeId + "}}";
    }

    static String sequence(int typeId) {
        return "{\"Sequence\":{\"id\":\"A\",\"type_id\":" + typeId + "}}";
    }

    static String bosTemplate() {
        return "{\"type\":\"TemplateProcessing\",\"single\":[" + special("<bos>", 0) + "," + sequence(0) + "],"
                + "\"pair\":[" + special("<bos>", 0) + "," + sequence(0) + "," + special("<bos>", 1) + ","
                + "{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}],"
                + "\"special_tokens\":{\"<bos>\":{\"id\":\"<bos>\",\"ids\":[1],\"tokens\":[\"<bos>\"]}}}";
    }

    @ParameterizedTest
    @MethodSource("cases")
    void processesLikeHf(String preTokenizer, String processorJson) throws Exception {
        String bare = tokenizer(preTokenizer, words(preTokenizer), null);
        String full = tokenizer(preTokenizer, words(preTokenizer), processorJson);
        PostProcessor ours = PostProcessors.fromJson(JSON.readTree(processorJson), "$.post_processor");
        try (HfOracle hfBare = HfOracle.fromJson(bare); HfOracle hf = HfOracle.fromJson(full);
             HuggingFaceTokenizer djl = djl(full)) {
            for (String text : TEXTS) {
                for (boolean add : new boolean[] {true, false}) {
                    OracleEncoding in = hfBare.encode(text, false);
                    TokenList list = new TokenList();
                    for (int i = 0; i < in.size(); i++) {
                        list.add(in.ids()[i], in.tokens()[i], in.starts()[i], in.ends()[i], in.special()[i],
                                in.wordIds()[i], 0);
                    }
                    TokenList out = ours.process(list, text, add);
                    OracleEncoding expected = hf.encode(text, add);
                    String what = processorJson + " on '" + text + "' add=" + add + "\nexpected " + expected;
                    assertArrayEquals(expected.ids(), out.ids(), what);
                    assertArrayEquals(expected.tokens(), out.tokens(), what);
                    assertArrayEquals(hfOffsets(expected, expected.starts(), in, in.starts()), out.starts(), what);
                    assertArrayEquals(hfOffsets(expected, expected.ends(), in, in.ends()), out.ends(), what);
                    assertArrayEquals(expected.special(), out.specials(), what);
                    assertArrayEquals(expected.wordIds(), out.wordIndexes(), what);
                    long[] typeIds = djl.encode(text, add, false).getTypeIds();
                    for (int i = 0; i < out.size(); i++) {
                        assertEquals(typeIds[i], out.typeId(i), what);
                    }
                }
            }
        }
    }

    /**
     * HF gives every inserted token offsets (0, 0); DJL reports a span only inside what it sees as the input
     * sequence, so an inserted token wrapped by a later template shows as (0, 0) and the first of two copies of
     * the sequence shows no span at all. Map both to our convention: -1/-1 for inserted tokens, and for a real
     * token whose span DJL cannot report, the offsets the bare encoding had (the template moves no offsets).
     */
    private static int[] hfOffsets(OracleEncoding e, int[] offsets, OracleEncoding bare, int[] bareOffsets) {
        int[] out = offsets.clone();
        int real = 0;
        for (int i = 0; i < out.length; i++) {
            boolean inserted = e.special()[i] && e.wordIds()[i] == -1;
            if (inserted) {
                out[i] = -1;
            } else {
                if (out[i] == -1) {
                    out[i] = bareOffsets[real % bare.size()];
                }
                real++;
            }
        }
        return out;
    }

    /** The words HF's pre-tokenizer makes of the texts: one HF run with a model that has a token per character. */
    static Set<String> words(String preTokenizer) throws Exception {
        Set<String> chars = new LinkedHashSet<>();
        for (String text : TEXTS) {
            text.codePoints().forEach(c -> chars.add(Character.toString(c)));
        }
        for (int b = 0; b < 256; b++) {
            chars.add(String.valueOf(org.tokenlens.engine.tokenize.decode.ByteLevelAlphabet.byteToChar(b)));
        }
        ObjectNode root = (ObjectNode) JSON.readTree(tokenizer(preTokenizer, Set.of(), null));
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        ObjectNode vocab = model.putObject("vocab");
        int id = 0;
        for (String c : chars) {
            vocab.put(c, id++);
        }
        model.putArray("merges");
        Set<String> words = new LinkedHashSet<>();
        try (HfOracle perChar = HfOracle.fromJson(JSON.writeValueAsString(root))) {
            for (String text : TEXTS) {
                OracleEncoding e = perChar.encode(text, false);
                StringBuilder word = new StringBuilder();
                for (int i = 0; i < e.size(); i++) {
                    word.append(e.tokens()[i]);
                    if (i + 1 == e.size() || e.wordIds()[i + 1] != e.wordIds()[i]) {
                        words.add(word.toString());
                        word.setLength(0);
                    }
                }
            }
        }
        assertTrue(words.size() > 10, "pre-tokenizer produced words " + words);
        return words;
    }

    /** WordLevel over {@code words} (ids from 10; 0–9 left for specials) behind the given pre-tokenizer. */
    static String tokenizer(String preTokenizer, Set<String> words, String processor) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.set("pre_tokenizer", JSON.readTree(preTokenizer));
        root.set("post_processor", processor == null ? null : JSON.readTree(processor));
        root.set("decoder", null);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        vocab.put("<unk>", 9);
        int id = 10;
        for (String w : words) {
            vocab.put(w, id++);
        }
        model.put("unk_token", "<unk>");
        return JSON.writeValueAsString(root);
    }

    /** DJL directly, for the type ids HfOracle does not report. */
    static HuggingFaceTokenizer djl(String json) throws Exception {
        return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Map.of("truncation", "false", "padding", "false"));
    }

    static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }
}
