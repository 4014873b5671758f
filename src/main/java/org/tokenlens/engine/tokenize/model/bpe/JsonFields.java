package org.tokenlens.engine.tokenize.model.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import org.tokenlens.engine.tokenize.TokenizerException;

/** Typed reads of model fields, with the JSON path in every error. Absent and null read as "not set", as in HF. */
public final class JsonFields {
    private JsonFields() {
    }

    public static String optString(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new TokenizerException("expected a string at " + path + "." + field + ", got " + v);
        }
        return v.textValue();
    }

    public static String requireString(JsonNode node, String field, String path) {
        String s = optString(node, field, path);
        if (s == null) {
            throw new TokenizerException("missing string " + path + "." + field);
        }
        return s;
    }

    public static boolean optBoolean(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new TokenizerException("expected true or false at " + path + "." + field + ", got " + v);
        }
        return v.booleanValue();
    }

    public static double optDouble(JsonNode node, String field, String path, double absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isNumber()) {
            throw new TokenizerException("expected a number at " + path + "." + field + ", got " + v);
        }
        return v.doubleValue();
    }

    /** A non-negative integer (Rust usize); absent or null gives -1. */
    public static int optIndex(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return -1;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new TokenizerException("expected a non-negative integer at " + path + "." + field + ", got " + v);
        }
        return v.intValue();
    }

    public static int requireIndex(JsonNode node, String field, String path) {
        int i = optIndex(node, field, path);
        if (i < 0) {
            throw new TokenizerException("missing integer " + path + "." + field);
        }
        return i;
    }
}
