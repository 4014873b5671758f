package org.tokenlens.engine.tokenize.decode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes a minimal tokenizer.json (WordLevel model over given pieces, ids in list order) around one decoder. */
final class TinyDecoderTokenizer {
    static final ObjectMapper JSON = new ObjectMapper();

    private TinyDecoderTokenizer() {
    }

    static String json(List<String> pieces, String decoderJson) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", "1.0");
            root.putNull("truncation");
            root.putNull("padding");
            root.putArray("added_tokens");
            root.putNull("normalizer");
            root.putNull("pre_tokenizer");
            root.putNull("post_processor");
            if (decoderJson == null) {
                root.putNull("decoder");
            } else {
                root.set("decoder", JSON.readTree(decoderJson));
            }
            ObjectNode model = root.putObject("model");
            model.put("type", "WordLevel");
            ObjectNode vocab = model.putObject("vocab");
            for (int i = 0; i < pieces.size(); i++) {
                vocab.put(pieces.get(i), i);
            }
            model.put("unk_token", pieces.get(0));
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
