package org.tokenlens.engine.tokenize.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.json.JsonFields;

/** Builds decoders from tokenizer.json and runs them as HF's {@code TokenizerImpl::decode} does. */
public final class Decoders {
    private Decoders() {
    }

    /**
     * HF's decode of a token list: the decoder's chain joined without separator, or, when the tokenizer has no
     * decoder ({@code d == null}), the tokens joined with single spaces.
     */
    public static String decode(Decoder d, List<String> tokens) {
        if (d == null) {
            return String.join(" ", tokens);
        }
        return String.join("", d.decodeChain(tokens));
    }

    /**
     * The decoder described by {@code node} (the value of {@code "decoder"}, not null), dispatching on
     * {@code "type"}. {@code jsonPath} names the node in error messages, e.g. {@code $.decoder}.
     */
    public static Decoder fromJson(JsonNode node, String jsonPath) {
        return build(node, jsonPath);
    }

    private static PieceDecoder build(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new TokenizerException("decoder at " + path + " must be a JSON object");
        }
        String type = JsonFields.text(node, "type", path);
        return switch (type) {
            case "ByteLevel" -> {
                // HF requires these although the decoder ignores them
                JsonFields.bool(node, "add_prefix_space", path);
                JsonFields.bool(node, "trim_offsets", path);
                yield new ByteLevelDecoder();
            }
            case "WordPiece" -> new WordPieceDecoder(JsonFields.text(node, "prefix", path),
                    JsonFields.bool(node, "cleanup", path));
            case "Metaspace" -> metaspace(node, path);
            case "ByteFallback" -> new ByteFallbackDecoder();
            case "Fuse" -> new FuseDecoder();
            case "Strip" -> new StripDecoder(JsonFields.codePoint(node, "content", path),
                    JsonFields.count(node, "start", path), JsonFields.count(node, "stop", path));
            case "Replace" -> replace(node, path);
            case "BPEDecoder" -> new BpeDecoder(JsonFields.text(node, "suffix", path));
            case "CTC" -> new CtcDecoder(JsonFields.text(node, "pad_token", path),
                    JsonFields.text(node, "word_delimiter_token", path), JsonFields.bool(node, "cleanup", path));
            case "Sequence" -> sequence(node, path);
            default -> throw new TokenizerException("unknown decoder type '" + type + "' at " + path);
        };
    }

    private static PieceDecoder metaspace(JsonNode node, String path) {
        int replacement = JsonFields.codePoint(node, "replacement", path);
        MetaspaceDecoder.PrependScheme scheme = MetaspaceDecoder.PrependScheme.ALWAYS;
        JsonNode schemeNode = node.get("prepend_scheme");
        if (schemeNode != null && !schemeNode.isNull()) {
            scheme = switch (schemeNode.asText()) {
                case "first" -> MetaspaceDecoder.PrependScheme.FIRST;
                case "never" -> MetaspaceDecoder.PrependScheme.NEVER;
                case "always" -> MetaspaceDecoder.PrependScheme.ALWAYS;
                default -> throw new TokenizerException("unknown prepend_scheme '" + schemeNode.asText()
                        + "' at " + path + " (expected first, never or always)");
            };
        }
        // legacy files carry add_prefix_space; false must agree with prepend_scheme "never", as HF insists
        JsonNode addPrefix = node.get("add_prefix_space");
        if (addPrefix != null && addPrefix.isBoolean() && !addPrefix.booleanValue()
                && scheme != MetaspaceDecoder.PrependScheme.NEVER) {
            throw new TokenizerException("add_prefix_space does not match declared prepend_scheme at " + path);
        }
        return new MetaspaceDecoder(replacement, scheme);
    }

    private static PieceDecoder replace(JsonNode node, String path) {
        JsonNode pattern = JsonFields.require(node, "pattern", path);
        String content = JsonFields.text(node, "content", path);
        String patternPath = path + ".pattern";
        if (pattern.has("String")) {
            return ReplaceDecoder.ofString(JsonFields.text(pattern, "String", patternPath), content);
        }
        if (pattern.has("Regex")) {
            String regex = JsonFields.text(pattern, "Regex", patternPath);
            try {
                return ReplaceDecoder.ofRegex(Pattern.compile(regex), content);
            } catch (PatternSyntaxException e) {
                throw new TokenizerException("invalid regex at " + patternPath + ": " + e.getDescription(), e);
            }
        }
        throw new TokenizerException("pattern at " + patternPath + " must be {\"String\": …} or {\"Regex\": …}");
    }

    private static PieceDecoder sequence(JsonNode node, String path) {
        JsonNode list = JsonFields.require(node, "decoders", path);
        if (!list.isArray()) {
            throw new TokenizerException("field 'decoders' at " + path + " must be a list");
        }
        List<PieceDecoder> stages = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            stages.add(build(list.get(i), path + ".decoders[" + i + "]"));
        }
        return new SequenceDecoder(stages);
    }
}
