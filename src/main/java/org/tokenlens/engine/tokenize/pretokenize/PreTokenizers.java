package org.tokenlens.engine.tokenize.pretokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;
import org.tokenlens.engine.tokenize.json.JsonFields;

/** Builds pre-tokenizers from the {@code pre_tokenizer} object of a tokenizer.json, dispatching on {@code "type"}. */
public final class PreTokenizers {
    private PreTokenizers() {
    }

    /**
     * The pre-tokenizer described by {@code node}, or null for a JSON null (no pre-tokenizer).
     *
     * @param jsonPath where {@code node} is, for error messages ({@code $.pre_tokenizer})
     * @throws TokenizerException for an unknown type or a missing or malformed field, naming the JSON path
     */
    public static PreTokenizer fromJson(JsonNode node, String jsonPath) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new TokenizerException("pre-tokenizer at " + jsonPath + " must be an object");
        }
        String type = JsonFields.text(node, "type", jsonPath);
        return switch (type) {
            case "ByteLevel" -> new ByteLevelPreTokenizer(
                    JsonFields.bool(node, "add_prefix_space", jsonPath),
                    JsonFields.bool(node, "trim_offsets", jsonPath),
                    JsonFields.bool(node, "use_regex", jsonPath, true));
            case "Split" -> split(node, jsonPath);
            case "Whitespace" -> new WhitespacePreTokenizer();
            case "WhitespaceSplit" -> new WhitespaceSplitPreTokenizer();
            case "Metaspace" -> metaspace(node, jsonPath);
            case "BertPreTokenizer" -> new BertPreTokenizer();
            case "Digits" -> new DigitsPreTokenizer(JsonFields.bool(node, "individual_digits", jsonPath));
            case "Punctuation" -> new PunctuationPreTokenizer(node.hasNonNull("behavior")
                    ? SplitBehavior.fromJson(JsonFields.text(node, "behavior", jsonPath), jsonPath + ".behavior")
                    : SplitBehavior.ISOLATED);
            case "CharDelimiterSplit" ->
                    new CharDelimiterSplitPreTokenizer(JsonFields.codePoint(node, "delimiter", jsonPath));
            case "UnicodeScripts" -> new UnicodeScriptsPreTokenizer();
            case "FixedLength" -> fixedLength(node, jsonPath);
            case "Sequence" -> sequence(node, jsonPath);
            default -> throw new TokenizerException("unknown pre-tokenizer type '" + type + "' at " + jsonPath);
        };
    }

    private static PreTokenizer split(JsonNode node, String path) {
        JsonNode pattern = JsonFields.require(node, "pattern", path);
        SplitBehavior behavior = SplitBehavior.fromJson(JsonFields.text(node, "behavior", path),
                path + ".behavior");
        boolean invert = JsonFields.bool(node, "invert", path);
        if (pattern.hasNonNull("String") && pattern.get("String").isTextual()) {
            return SplitPreTokenizer.ofLiteral(pattern.get("String").asText(), behavior, invert);
        }
        if (pattern.hasNonNull("Regex") && pattern.get("Regex").isTextual()) {
            String regex = pattern.get("Regex").asText();
            try {
                return SplitPreTokenizer.ofRegex(OnigRegex.compile(regex), behavior, invert);
            } catch (IllegalArgumentException e) {
                throw new TokenizerException("cannot use regex at " + path + ".pattern.Regex: " + e.getMessage(), e);
            }
        }
        throw new TokenizerException("field 'pattern' at " + path
                + " must be {\"String\": \"…\"} or {\"Regex\": \"…\"}");
    }

    private static PreTokenizer metaspace(JsonNode node, String path) {
        int replacement = JsonFields.codePoint(node, "replacement", path);
        MetaspacePreTokenizer.PrependScheme scheme = node.hasNonNull("prepend_scheme")
                ? MetaspacePreTokenizer.PrependScheme.fromJson(
                        JsonFields.text(node, "prepend_scheme", path), path + ".prepend_scheme")
                : MetaspacePreTokenizer.PrependScheme.ALWAYS;
        // legacy files say add_prefix_space instead; false must agree with the scheme, as HF checks
        if (node.hasNonNull("add_prefix_space") && !JsonFields.bool(node, "add_prefix_space", path)) {
            if (scheme != MetaspacePreTokenizer.PrependScheme.NEVER) {
                throw new TokenizerException("add_prefix_space does not match declared prepend_scheme at " + path);
            }
        }
        return new MetaspacePreTokenizer(replacement, scheme, JsonFields.bool(node, "split", path, true));
    }

    private static PreTokenizer fixedLength(JsonNode node, String path) {
        int length = JsonFields.positive(node, "length", path, 5);
        if (length == 0) {
            throw new TokenizerException("field 'length' at " + path + " must be at least 1");
        }
        return new FixedLengthPreTokenizer(length);
    }

    private static PreTokenizer sequence(JsonNode node, String path) {
        JsonNode list = JsonFields.require(node, "pretokenizers", path);
        if (!list.isArray()) {
            throw new TokenizerException("field 'pretokenizers' at " + path + " must be an array");
        }
        List<PreTokenizer> steps = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".pretokenizers[" + i + "]";
            PreTokenizer step = fromJson(list.get(i), at);
            if (step == null) {
                throw new TokenizerException("pre-tokenizer at " + at + " must not be null");
            }
            steps.add(step);
        }
        return new SequencePreTokenizer(steps);
    }
}
