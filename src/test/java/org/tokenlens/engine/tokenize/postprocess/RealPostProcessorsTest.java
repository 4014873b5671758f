package org.tokenlens.engine.tokenize.postprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * The post-processors of the real tokenizers (none of which trims offsets) turn HF's encoding without special
 * tokens into HF's encoding with them: Llama 3 and Qwen 3 ByteLevel, Gemma 3 and bert TemplateProcessing.
 */
class RealPostProcessorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> TEXTS = List.of("Hello, world!", "  two  spaces  ", "日本語 😀 café", "", "a",
            "line\nbreak\ttab");

    static Stream<String> names() {
        return Stream.of("llama3", "qwen3", "gemma3", "bert");
    }

    @ParameterizedTest
    @MethodSource("names")
    void addsWhatHfAdds(String name) throws Exception {
        String json = name.equals("bert") ? Fixtures.bertJson() : Files.readString(Fixtures.tokenizerJson(name));
        JsonNode root = JSON.readTree(json);
        PostProcessor ours = PostProcessors.fromJson(root.get("post_processor"), "$.post_processor");
        try (HfOracle hf = HfOracle.fromJson(json)) {
            for (String text : TEXTS) {
                for (boolean add : new boolean[] {true, false}) {
                    OracleEncoding in = hf.encode(text, false);
                    TokenList list = new TokenList();
                    for (int i = 0; i < in.size(); i++) {
                        list.add(in.ids()[i], in.tokens()[i], in.starts()[i], in.ends()[i], in.special()[i],
                                in.wordIds()[i], 0);
                    }
                    TokenList out = ours.process(list, text, add);
                    OracleEncoding expected = hf.encode(text, add);
                    String what = name + " '" + text + "' add=" + add + " expected " + expected;
                    assertArrayEquals(expected.ids(), out.ids(), what);
                    assertArrayEquals(expected.tokens(), out.tokens(), what);
                    assertArrayEquals(expected.starts(), out.starts(), what);
                    assertArrayEquals(expected.ends(), out.ends(), what);
                    assertArrayEquals(expected.special(), out.specials(), what);
                    assertArrayEquals(expected.wordIds(), out.wordIndexes(), what);
                }
            }
        }
    }

    private static TokenizerException refused(String json) {
        return assertThrows(TokenizerException.class,
                () -> PostProcessors.fromJson(JSON.readTree(json), "$.post_processor"));
    }

    @Test
    void malformedJsonNamesThePlace() {
        assertEquals("unknown post-processor type 'Magic' at $.post_processor.processors[1]",
                refused("{\"type\":\"Sequence\",\"processors\":[{\"type\":\"ByteLevel\",\"add_prefix_space\":true,"
                        + "\"trim_offsets\":true},{\"type\":\"Magic\"}]}").getMessage());
        assertEquals("missing field 'trim_offsets' at $.post_processor",
                refused("{\"type\":\"RobertaProcessing\",\"sep\":[\"</s>\",2],\"cls\":[\"<s>\",0],"
                        + "\"add_prefix_space\":true}").getMessage());
        assertEquals("field 'sep' at $.post_processor must be [token, id]",
                refused("{\"type\":\"BertProcessing\",\"sep\":\"[SEP]\",\"cls\":[\"[CLS]\",101]}").getMessage());
        assertEquals("special token '[X]' used at $.post_processor.single[0] is missing from special_tokens",
                refused("{\"type\":\"TemplateProcessing\",\"single\":[{\"SpecialToken\":{\"id\":\"[X]\","
                        + "\"type_id\":0}}],\"pair\":[],\"special_tokens\":{}}").getMessage());
        assertEquals("ids and tokens differ in length at $.post_processor.special_tokens['[X]']",
                refused("{\"type\":\"TemplateProcessing\",\"single\":[],\"pair\":[],\"special_tokens\":"
                        + "{\"[X]\":{\"id\":\"[X]\",\"ids\":[1,2],\"tokens\":[\"[X]\"]}}}").getMessage());
    }
}
