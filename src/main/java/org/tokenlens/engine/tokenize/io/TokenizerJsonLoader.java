package org.tokenlens.engine.tokenize.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tokenlens.engine.tokenize.TokenizerInfo;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.decode.Decoder;
import org.tokenlens.engine.tokenize.decode.Decoders;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.Models;
import org.tokenlens.engine.tokenize.normalize.Normalizer;
import org.tokenlens.engine.tokenize.normalize.Normalizers;
import org.tokenlens.engine.tokenize.pipeline.AddedToken;
import org.tokenlens.engine.tokenize.pipeline.HfTokenizer;
import org.tokenlens.engine.tokenize.postprocess.PostProcessor;
import org.tokenlens.engine.tokenize.postprocess.PostProcessors;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizer;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizers;

/**
 * Reads an HF tokenizer.json into a {@link Tokenizer}: the JSON is a tagged union per stage, each stage's
 * factory dispatches on {@code "type"} and names the JSON path of anything it cannot read. Padding and truncation
 * settings are read past: TokenLens shows every token.
 */
public final class TokenizerJsonLoader {
    // Field-name canonicalization pays off for repeated keys; a vocabulary is hundreds of thousands of distinct
    // keys, and canonicalizing them made Gemma 3's 33 MB file parse 3-5x slower (measured: 5.3 s → 1.0 s cold).
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build());

    private TokenizerJsonLoader() {
    }

    /** Load from a file; the tokenizer's name is the folder name for {@code …/name/tokenizer.json}. */
    public static Tokenizer load(Path file) {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Path parent = file.toAbsolutePath().getParent();
        String name = fileName.equals("tokenizer.json") && parent != null && parent.getFileName() != null
                ? parent.getFileName().toString() : fileName;
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, name, file.toString());
        } catch (NoSuchFileException e) {
            throw new TokenizerException("no such file: " + file);
        } catch (IOException e) {
            throw new TokenizerException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Load from a stream; {@code source} names it in error messages (a path or "bundled bert-base-uncased"). */
    public static Tokenizer load(InputStream in, String name, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TokenizerException("malformed JSON in " + source + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TokenizerException("cannot read " + source + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(root, name, source);
        } catch (TokenizerException e) {
            throw new TokenizerException(source + ": " + e.getMessage(), e);
        }
    }

    /** Build a tokenizer from a parsed tokenizer.json. */
    public static Tokenizer fromJson(JsonNode root, String name) {
        return fromJson(root, name, name);
    }

    private static Tokenizer fromJson(JsonNode root, String name, String source) {
        if (root == null || !root.isObject()) {
            throw new TokenizerException("not a tokenizer.json: the top level is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version != null && !version.isNull() && !"1.0".equals(version.asText())) {
            throw new TokenizerException("unknown tokenizer.json version '" + version.asText() + "' at $.version");
        }
        JsonNode modelNode = root.get("model");
        if (modelNode == null || modelNode.isNull()) {
            throw new TokenizerException("no model at $.model");
        }
        Normalizer normalizer = present(root, "normalizer") ? Normalizers.fromJson(root.get("normalizer"), "$.normalizer") : null;
        PreTokenizer preTokenizer = present(root, "pre_tokenizer")
                ? PreTokenizers.fromJson(root.get("pre_tokenizer"), "$.pre_tokenizer") : null;
        Model model = Models.fromJson(modelNode, "$.model");
        PostProcessor post = present(root, "post_processor")
                ? PostProcessors.fromJson(root.get("post_processor"), "$.post_processor") : null;
        Decoder decoder = present(root, "decoder") ? Decoders.fromJson(root.get("decoder"), "$.decoder") : null;
        List<AddedToken> added = addedTokens(root.get("added_tokens"));
        boolean lossless = normalizer == null && decoder != null && mentionsType(root.get("decoder"), "ByteLevel");
        return new HfTokenizer(name, normalizer, preTokenizer, model, post, decoder, added, lossless)
                .withInfo(info(root, source, added));
    }

    /** Each stage's JSON as the file has it, the model's vocabulary and merges replaced by their sizes. */
    private static TokenizerInfo info(JsonNode root, String source, List<AddedToken> added) {
        Map<String, String> stages = new LinkedHashMap<>();
        for (String stage : new String[] {"normalizer", "pre_tokenizer"}) {
            stages.put(stage, root.path(stage).isMissingNode() ? "null" : root.get(stage).toString());
        }
        ObjectNode model = root.get("model").deepCopy();
        JsonNode vocab = model.remove("vocab");
        JsonNode merges = model.remove("merges");
        if (vocab != null) {
            model.put("vocab", vocab.size() + " entries");
        }
        if (merges != null) {
            model.put("merges", merges.size() + " merges");
        }
        stages.put("model", model.toString());
        for (String stage : new String[] {"post_processor", "decoder"}) {
            stages.put(stage, root.path(stage).isMissingNode() ? "null" : root.get(stage).toString());
        }
        long specials = added.stream().filter(AddedToken::special).count();
        stages.put("added_tokens", added.size() + " (" + specials + " special)");
        Map<String, String> ignored = new LinkedHashMap<>();
        for (String setting : new String[] {"padding", "truncation"}) {
            JsonNode n = root.get(setting);
            if (n != null && !n.isNull()) {
                ignored.put(setting, n.toString());
            }
        }
        return new TokenizerInfo("tokenizer.json", source, stages, ignored);
    }

    private static boolean present(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && !n.isNull();
    }

    private static boolean mentionsType(JsonNode node, String type) {
        if (node == null) {
            return false;
        }
        if (type.equals(node.path("type").asText())) {
            return true;
        }
        for (JsonNode child : node.path("decoders")) {
            if (mentionsType(child, type)) {
                return true;
            }
        }
        return false;
    }

    private static List<AddedToken> addedTokens(JsonNode array) {
        List<AddedToken> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new TokenizerException("added_tokens is not an array at $.added_tokens");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode t = array.get(i);
            String where = "$.added_tokens[" + i + "]";
            JsonNode content = t.get("content");
            if (content == null || !content.isTextual()) {
                throw new TokenizerException("added token without text content at " + where);
            }
            boolean special = t.path("special").asBoolean(false);
            out.add(new AddedToken(content.asText(), t.path("single_word").asBoolean(false),
                    t.path("lstrip").asBoolean(false), t.path("rstrip").asBoolean(false),
                    t.path("normalized").asBoolean(!special), special));
        }
        return out;
    }
}
