package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * o200k_base against HF tokenizers (DJL) running gpt4o's tokenizer.json, the same vocabulary as a byte-level BPE
 * with the same split regex: ids, raw pieces ({@code Ġhello}) and offsets (DJL counts code points; converted to
 * UTF-16). HF always matches its added tokens, so ours runs with special tokens allowed in text.
 */
class O200kVsHfTokenizerJsonTest {
    private static HuggingFaceTokenizer djl;
    private static Tokenizer ours;

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of(System.getProperty("tokenlens.fixtures", "target/fixtures"), "gpt4o", "tokenizer.json");
        assertTrue(Files.isRegularFile(file), "missing fixture " + file + " (run .ci/fixtures.sh)");
        djl = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "false", "truncation", "false",
                "padding", "false"));
        ours = TiktokenTokenizer.bundled("o200k_base");
    }

    @AfterAll
    static void close() {
        djl.close();
    }

    @Test
    void idsPiecesAndOffsetsEqualHf() {
        List<String> inputs = new ArrayList<>(TiktokenCorpus.HAND_PICKED);
        inputs.removeIf(s -> s.contains("\uD83D y")); // lone surrogates cannot cross into Rust
        inputs.addAll(TiktokenCorpus.long_());
        inputs.addAll(TiktokenCorpus.random(11, 300, 60));
        EncodeOptions allow = new EncodeOptions(false, true);
        for (String text : inputs) {
            ai.djl.huggingface.tokenizers.Encoding ref = djl.encode(text, false, false);
            Encoding enc = ours.encode(text, allow);
            String shown = TiktokenDifferentialTest.show(text);
            long[] refIds = ref.getIds();
            int[] ids = new int[refIds.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = (int) refIds[i];
            }
            assertArrayEquals(ids, enc.ids(), () -> "ids of " + shown);
            assertArrayEquals(ref.getTokens(), enc.tokens(), () -> "pieces of " + shown);
            CharSpan[] spans = ref.getCharTokenSpans();
            int[] starts = new int[spans.length];
            int[] ends = new int[spans.length];
            for (int i = 0; i < spans.length; i++) {
                starts[i] = text.offsetByCodePoints(0, spans[i].getStart());
                ends[i] = text.offsetByCodePoints(0, spans[i].getEnd());
            }
            assertArrayEquals(starts, enc.starts(), () -> "starts of " + shown);
            assertArrayEquals(ends, enc.ends(), () -> "ends of " + shown);
        }
    }
}
