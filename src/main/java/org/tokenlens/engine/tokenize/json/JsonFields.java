package org.tokenlens.engine.tokenize.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.tokenlens.engine.tokenize.TokenizerException;

/**
 * Reads the fields of a tokenizer.json component (decoders, pre-tokenizers): a required field that is missing or
 * of the wrong type fails loading with its JSON path, as HF refuses to load such a file.
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static JsonNode require(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new TokenizerException("missing field '" + field + "' at " + path);
        }
        return value;
    }

    public static String text(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.isTextual()) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a string");
        }
        return value.asText();
    }

    public static boolean bool(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.isBoolean()) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be true or false");
        }
        return value.booleanValue();
    }

    /** An optional boolean: {@code fallback} if absent or null. */
    public static boolean bool(JsonNode node, String field, String path, boolean fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : bool(node, field, path);
    }

    public static int positive(JsonNode node, String field, String path, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a non-negative integer");
        }
        return value.intValue();
    }

    /** A Rust {@code char}: a string of exactly one code point. */
    public static int count(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a non-negative integer");
        }
        return value.intValue();
    }

    /** A Rust {@code char}: a string of exactly one code point. */
    public static int codePoint(JsonNode node, String field, String path) {
        String s = text(node, field, path);
        if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a single character");
        }
        return s.codePointAt(0);
    }
}
