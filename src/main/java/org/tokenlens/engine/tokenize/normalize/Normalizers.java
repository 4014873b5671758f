package org.tokenlens.engine.tokenize.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.TokenizerException;

/** Builds a {@link Normalizer} from tokenizer.json's {@code "normalizer"} object, dispatching on {@code "type"}. */
public final class Normalizers {
    private Normalizers() {
    }

    /**
     * The normalizer described by {@code node}, or {@code null} for a JSON null (no normalizer).
     *
     * @param path the JSON path of {@code node}, for error messages ({@code $.normalizer})
     * @throws TokenizerException naming the path for an unknown type or a missing or malformed field
     */
    public static Normalizer fromJson(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new TokenizerException("normalizer at " + path + " must be an object");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new TokenizerException("missing normalizer type at " + path);
        }
        String type = typeNode.asText();
        return switch (type) {
            case "BertNormalizer" -> new BertNormalizer(bool(node, "clean_text", path),
                    bool(node, "handle_chinese_chars", path), optionalBool(node, "strip_accents", path),
                    bool(node, "lowercase", path));
            case "NFC" -> new UnicodeNormalizer(UnicodeNormalizer.Form.NFC);
            case "NFD" -> new UnicodeNormalizer(UnicodeNormalizer.Form.NFD);
            case "NFKC" -> new UnicodeNormalizer(UnicodeNormalizer.Form.NFKC);
            case "NFKD" -> new UnicodeNormalizer(UnicodeNormalizer.Form.NFKD);
            case "Lowercase" -> new LowercaseNormalizer();
            case "StripAccents" -> new StripAccentsNormalizer();
            case "Strip" -> new StripNormalizer(bool(node, "strip_left", path), bool(node, "strip_right", path));
            case "Prepend" -> new PrependNormalizer(text(node, "prepend", path));
            case "Replace" -> replace(node, path);
            case "Nmt" -> new NmtNormalizer();
            case "ByteLevel" -> new ByteLevelNormalizer();
            case "Precompiled" -> PrecompiledNormalizer.fromBase64(text(node, "precompiled_charsmap", path),
                    path + ".precompiled_charsmap");
            case "Sequence" -> sequence(node, path);
            default -> throw new TokenizerException("unknown normalizer type '" + type + "' at " + path);
        };
    }

    private static Normalizer sequence(JsonNode node, String path) {
        JsonNode list = node.get("normalizers");
        if (list == null || !list.isArray()) {
            throw new TokenizerException("missing list 'normalizers' at " + path);
        }
        List<Normalizer> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".normalizers[" + i + "]";
            Normalizer n = fromJson(list.get(i), at);
            if (n == null) {
                throw new TokenizerException("null normalizer at " + at);
            }
            out.add(n);
        }
        return new SequenceNormalizer(out);
    }

    private static Normalizer replace(JsonNode node, String path) {
        String content = text(node, "content", path);
        JsonNode pattern = node.get("pattern");
        if (pattern == null || !pattern.isObject()) {
            throw new TokenizerException("missing object 'pattern' at " + path);
        }
        if (pattern.has("String")) {
            return ReplaceNormalizer.ofString(text(pattern, "String", path + ".pattern"), content);
        }
        if (pattern.has("Regex")) {
            String regex = text(pattern, "Regex", path + ".pattern");
            try {
                return ReplaceNormalizer.ofRegex(regex, content);
            } catch (IllegalArgumentException e) {
                throw new TokenizerException("invalid regex '" + regex + "' at " + path + ".pattern.Regex: "
                        + e.getMessage(), e);
            }
        }
        throw new TokenizerException("pattern at " + path + ".pattern must have a 'String' or a 'Regex'");
    }

    private static boolean bool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be true or false");
        }
        return v.booleanValue();
    }

    private static Boolean optionalBool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : bool(node, field, path);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a string");
        }
        return v.asText();
    }
}
