package org.tokenlens.engine.tokenize.model.bpe;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.model.ModelToken;

/**
 * HF tokenizers (through DJL) running nothing but a model: a tokenizer.json with this model node and no
 * normalizer, pre-tokenizer, added tokens, post-processor or decoder, so one input string is one pre-token and
 * its encoding is exactly the model's split of that word. DJL's spans count code points; we turn them into the
 * word's UTF-16 offsets.
 */
public final class DjlModelOracle implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final HuggingFaceTokenizer djl;

    private DjlModelOracle(HuggingFaceTokenizer djl) {
        this.djl = djl;
    }

    public static DjlModelOracle of(String modelJson) {
        try {
            return of(JSON.readTree(modelJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DjlModelOracle of(JsonNode model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.putNull("pre_tokenizer");
        root.set("model", model);
        root.putNull("post_processor");
        root.putNull("decoder");
        try {
            Path file = Files.createTempFile("tokenlens-model", ".json");
            file.toFile().deleteOnExit();
            JSON.writeValue(file.toFile(), root);
            HuggingFaceTokenizer djl = HuggingFaceTokenizer.builder().optTokenizerPath(file)
                    .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build();
            Files.deleteIfExists(file);
            return new DjlModelOracle(djl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HF's model output for one word: id, piece, UTF-16 span. */
    public List<ModelToken> tokenize(String word) {
        Encoding e = djl.encode(word, false, false);
        long[] ids = e.getIds();
        String[] tokens = e.getTokens();
        CharSpan[] spans = e.getCharTokenSpans();
        List<ModelToken> out = new ArrayList<>(ids.length);
        int points = word.codePointCount(0, word.length());
        for (int i = 0; i < ids.length; i++) {
            int start = word.offsetByCodePoints(0, Math.min(points, spans[i].getStart()));
            int end = word.offsetByCodePoints(0, Math.min(points, spans[i].getEnd()));
            out.add(new ModelToken((int) ids[i], tokens[i], start, end));
        }
        return out;
    }

    @Override
    public void close() {
        djl.close();
    }
}
