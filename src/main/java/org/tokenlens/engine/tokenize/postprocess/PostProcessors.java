package org.tokenlens.engine.tokenize.postprocess;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenlens.engine.tokenize.TokenizerException;

/**
 * Builds post-processors from tokenizer.json, dispatching on {@code "type"}. Fields HF requires are required here
 * too (HF refuses such a file); a template naming a special token that {@code special_tokens} lacks is rejected
 * at load time, where HF would only fail on the first encode.
 */
public final class PostProcessors {
    private PostProcessors() {
    }

    /** The post-processor described by {@code node} (not null); {@code jsonPath} such as {@code $.post_processor}. */
    public static PostProcessor fromJson(JsonNode node, String jsonPath) {
        if (node == null || !node.isObject()) {
            throw new TokenizerException("post-processor at " + jsonPath + " must be a JSON object");
        }
        String type = text(node, "type", jsonPath);
        return switch (type) {
            case "TemplateProcessing" -> template(node, jsonPath);
            case "BertProcessing" -> new BertProcessor(pair(node, "cls", jsonPath), pair(node, "sep", jsonPath));
            case "RobertaProcessing" -> new RobertaProcessor(pair(node, "cls", jsonPath), pair(node, "sep", jsonPath),
                    bool(node, "trim_offsets", jsonPath), bool(node, "add_prefix_space", jsonPath));
            case "ByteLevel" -> new ByteLevelProcessor(bool(node, "trim_offsets", jsonPath),
                    bool(node, "add_prefix_space", jsonPath));
            case "Sequence" -> sequence(node, jsonPath);
            default -> throw new TokenizerException("unknown post-processor type '" + type + "' at " + jsonPath);
        };
    }

    private static PostProcessor sequence(JsonNode node, String path) {
        JsonNode list = array(node, "processors", path);
        List<PostProcessor> processors = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            processors.add(fromJson(list.get(i), path + ".processors[" + i + "]"));
        }
        return new SequenceProcessor(processors);
    }

    private static PostProcessor template(JsonNode node, String path) {
        Map<String, TemplateProcessor.Special> specials = specialTokens(node, path);
        array(node, "pair", path); // required by HF; pairs are not encoded here
        JsonNode single = array(node, "single", path);
        List<TemplateProcessor.Piece> pieces = new ArrayList<>(single.size());
        for (int i = 0; i < single.size(); i++) {
            pieces.add(piece(single.get(i), specials, path + ".single[" + i + "]"));
        }
        return new TemplateProcessor(pieces);
    }

    private static TemplateProcessor.Piece piece(JsonNode node, Map<String, TemplateProcessor.Special> specials,
                                                 String path) {
        if (node.has("Sequence")) {
            JsonNode seq = node.get("Sequence");
            String id = text(seq, "id", path + ".Sequence");
            if (!id.equals("A")) {
                throw new TokenizerException("a single-sequence template can only use sequence A, not '" + id
                        + "', at " + path);
            }
            return new TemplateProcessor.Piece(null, uint(seq, "type_id", path + ".Sequence"));
        }
        if (node.has("SpecialToken")) {
            JsonNode tok = node.get("SpecialToken");
            String id = text(tok, "id", path + ".SpecialToken");
            TemplateProcessor.Special special = specials.get(id);
            if (special == null) {
                throw new TokenizerException("special token '" + id + "' used at " + path
                        + " is missing from special_tokens");
            }
            return new TemplateProcessor.Piece(special, uint(tok, "type_id", path + ".SpecialToken"));
        }
        throw new TokenizerException("template piece at " + path + " must be {\"Sequence\": …} or {\"SpecialToken\": …}");
    }

    private static Map<String, TemplateProcessor.Special> specialTokens(JsonNode parent, String path) {
        JsonNode map = require(parent, "special_tokens", path);
        if (!map.isObject()) {
            throw new TokenizerException("field 'special_tokens' at " + path + " must be an object");
        }
        Map<String, TemplateProcessor.Special> out = new HashMap<>();
        for (var e : map.properties()) {
            String at = path + ".special_tokens['" + e.getKey() + "']";
            JsonNode ids = array(e.getValue(), "ids", at);
            JsonNode tokens = array(e.getValue(), "tokens", at);
            if (ids.size() != tokens.size()) {
                throw new TokenizerException("ids and tokens differ in length at " + at);
            }
            int[] idArray = new int[ids.size()];
            String[] tokenArray = new String[tokens.size()];
            for (int i = 0; i < idArray.length; i++) {
                if (!ids.get(i).canConvertToInt() || ids.get(i).intValue() < 0) {
                    throw new TokenizerException("ids[" + i + "] at " + at + " must be a token id");
                }
                idArray[i] = ids.get(i).intValue();
                tokenArray[i] = tokens.get(i).asText();
            }
            out.put(e.getKey(), new TemplateProcessor.Special(e.getKey(), idArray, tokenArray));
        }
        return out;
    }

    /** HF's {@code (String, u32)} tuple, written in JSON as {@code ["[SEP]", 102]}. */
    private static SpecialPiece pair(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.isArray() || value.size() != 2 || !value.get(0).isTextual() || !value.get(1).canConvertToInt()
                || value.get(1).intValue() < 0) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be [token, id]");
        }
        return new SpecialPiece(value.get(0).asText(), value.get(1).intValue());
    }

    private static JsonNode require(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new TokenizerException("missing field '" + field + "' at " + path);
        }
        return value;
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.isTextual()) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.isBoolean()) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be true or false");
        }
        return value.booleanValue();
    }

    private static int uint(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a non-negative integer");
        }
        return value.intValue();
    }

    private static JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = require(node, field, path);
        if (!value.isArray()) {
            throw new TokenizerException("field '" + field + "' at " + path + " must be a list");
        }
        return value;
    }
}
