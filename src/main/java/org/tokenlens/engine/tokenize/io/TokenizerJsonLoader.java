package org.tokenlens.engine.tokenize.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Arrays;
import org.tokenlens.engine.tokenize.model.PreParsed;
import org.tokenlens.engine.tokenize.model.bpe.VocabMap;
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
        ObjectNode root;
        PreParsed big;
        try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
            root = MAPPER.createObjectNode();
            big = readTopLevel(parser, root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TokenizerException("malformed JSON in " + source + where + ": " + firstClause(e), e);
        } catch (IOException e) {
            throw new TokenizerException("cannot read " + source + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(root, name, source, big);
        } catch (TokenizerException e) {
            throw new TokenizerException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The parser's own words up to where they turn into its internals ("(start marker at [Source: REDACTED …"):
     * "Unexpected end-of-input: expected close marker for Object".
     */
    static String firstClause(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int cut = m.length();
        for (String internal : new String[] {" (start marker", "\n", " at [Source", " (for "}) {
            int at = m.indexOf(internal);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        return m.substring(0, cut).strip();
    }

    /** Build a tokenizer from a parsed tokenizer.json. */
    public static Tokenizer fromJson(JsonNode root, String name) {
        return fromJson(root, name, name, PreParsed.NONE);
    }

    /**
     * Reads the top-level object into {@code root}, except the model's vocabulary and merges, which are streamed
     * straight into their final structures (as tree nodes they were most of the load time of a large file).
     */
    private static PreParsed readTopLevel(JsonParser p, ObjectNode root) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new TokenizerException("not a tokenizer.json: the top level is not a JSON object");
        }
        PreParsed big = PreParsed.NONE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("model") && value == JsonToken.START_OBJECT) {
                ObjectNode model = MAPPER.createObjectNode();
                big = readModel(p, model);
                root.set("model", model);
            } else {
                root.set(field, tree(p));
            }
        }
        return big;
    }

    private static PreParsed readModel(JsonParser p, ObjectNode model) throws IOException {
        VocabMap vocab = null;
        String[] first = null;
        String[] second = null;
        int merges = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("vocab") && value == JsonToken.START_OBJECT) {
                vocab = readVocab(p);
            } else if (field.equals("merges") && value == JsonToken.START_ARRAY) {
                first = new String[1024];
                boolean pairs = false;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (merges == 0) {
                        pairs = t == JsonToken.START_ARRAY;
                        second = pairs ? new String[first.length] : null;
                    }
                    if (merges == first.length) {
                        first = Arrays.copyOf(first, merges * 2);
                        second = pairs ? Arrays.copyOf(second, merges * 2) : null;
                    }
                    String where = "$.model.merges[" + merges + "]";
                    if (pairs) {
                        if (t != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
                            throw new TokenizerException("merge must be a pair of two strings at " + where);
                        }
                        first[merges] = p.getText();
                        if (p.nextToken() != JsonToken.VALUE_STRING) {
                            throw new TokenizerException("merge must be a pair of two strings at " + where);
                        }
                        second[merges] = p.getText();
                        if (p.nextToken() != JsonToken.END_ARRAY) {
                            throw new TokenizerException("merge must be a pair of two strings at " + where);
                        }
                    } else {
                        if (t != JsonToken.VALUE_STRING) {
                            throw new TokenizerException("merge must be a string \"a b\" at " + where);
                        }
                        first[merges] = p.getText();
                    }
                    merges++;
                }
            } else {
                model.set(field, tree(p));
            }
        }
        return new PreParsed(vocab, first, second, merges);
    }

    private static VocabMap readVocab(JsonParser p) throws IOException {
        String[] keys = new String[1 << 15];
        int[] ids = new int[keys.length];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                    || p.getIntValue() < 0) {
                throw new TokenizerException("id of '" + key + "' must be a non-negative integer at $.model.vocab, got "
                        + p.getText());
            }
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                ids = Arrays.copyOf(ids, n * 2);
            }
            keys[n] = key;
            ids[n] = p.getIntValue();
            n++;
        }
        VocabMap map = new VocabMap(n);
        for (int i = 0; i < n; i++) {
            map.put(keys[i], ids[i]);
        }
        return map;
    }

    private static JsonNode tree(JsonParser p) throws IOException {
        JsonNode n = MAPPER.readTree(p);
        return n == null ? NullNode.getInstance() : n;
    }

    private static Tokenizer fromJson(JsonNode root, String name, String source, PreParsed big) {
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
        Model model = Models.fromJson(modelNode, "$.model", big);
        PostProcessor post = present(root, "post_processor")
                ? PostProcessors.fromJson(root.get("post_processor"), "$.post_processor") : null;
        Decoder decoder = present(root, "decoder") ? Decoders.fromJson(root.get("decoder"), "$.decoder") : null;
        List<AddedToken> added = addedTokens(root.get("added_tokens"));
        boolean lossless = normalizer == null && decoder != null && mentionsType(root.get("decoder"), "ByteLevel");
        return new HfTokenizer(name, normalizer, preTokenizer, model, post, decoder, added, lossless,
                info(root, source, added, big));
    }

    /** Each stage's JSON as the file has it, the model's vocabulary and merges replaced by their sizes. */
    private static TokenizerInfo info(JsonNode root, String source, List<AddedToken> added, PreParsed big) {
        Map<String, String> stages = new LinkedHashMap<>();
        for (String stage : new String[] {"normalizer", "pre_tokenizer"}) {
            stages.put(stage, root.path(stage).isMissingNode() ? "null" : root.get(stage).toString());
        }
        ObjectNode model = root.get("model").deepCopy();
        JsonNode vocab = model.remove("vocab");
        JsonNode merges = model.remove("merges");
        if (vocab != null || big.vocab() != null) {
            model.put("vocab", (big.vocab() != null ? big.vocab().size() : vocab.size()) + " entries");
        }
        if (merges != null || big.hasMerges()) {
            model.put("merges", (big.hasMerges() ? big.mergeCount() : merges.size()) + " merges");
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
