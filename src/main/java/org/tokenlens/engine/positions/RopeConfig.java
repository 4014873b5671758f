package org.tokenlens.engine.positions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tokenlens.engine.embed.EmbeddingException;

/**
 * What a rotary embedding needs from a model config, resolved the way HF transformers resolves it.
 *
 * @param base                  {@code rope_theta} (θ, 10000 in RoFormer, 500000 in Llama 3)
 * @param headDim               dimension of one attention head
 * @param partialRotaryFactor   share of the head that is rotated (1 for Llama; 0.25 for GPT-NeoX, Phi-2 0.4)
 * @param maxPositionEmbeddings {@code max_position_embeddings} (dynamic NTK and YaRN use it)
 * @param scaling               the {@code rope_scaling} block
 */
public record RopeConfig(double base, int headDim, double partialRotaryFactor, int maxPositionEmbeddings,
                         RopeScaling scaling) {

    /** HF's LlamaConfig defaults, used when a config omits the field. */
    static final double DEFAULT_THETA = 10000;
    static final int DEFAULT_MAX_POSITIONS = 2048;

    public RopeConfig {
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("rope_theta must be a finite number > 1: " + base);
        }
        if (headDim < 2) {
            throw new IllegalArgumentException("head dim must be ≥ 2: " + headDim);
        }
        if (!(partialRotaryFactor > 0 && partialRotaryFactor <= 1)) {
            throw new IllegalArgumentException("partial rotary factor must be in (0, 1]: " + partialRotaryFactor);
        }
        if (maxPositionEmbeddings < 1) {
            throw new IllegalArgumentException("max_position_embeddings must be ≥ 1: " + maxPositionEmbeddings);
        }
        if (scaling == null) {
            throw new IllegalArgumentException("rope scaling must be given (RopeScaling.None for none)");
        }
        int rotary = (int) (headDim * partialRotaryFactor);
        if (rotary < 2 || rotary % 2 != 0) {
            throw new IllegalArgumentException("rotary dim (head dim × partial rotary factor) must be even and ≥ 2: "
                    + headDim + " × " + partialRotaryFactor + " = " + rotary);
        }
    }

    /** Plain RoPE over a whole head. */
    public static RopeConfig plain(double base, int headDim) {
        return new RopeConfig(base, headDim, 1.0, DEFAULT_MAX_POSITIONS, new RopeScaling.None());
    }

    /** Rotated dimensions: {@code int(head_dim × partial_rotary_factor)}, as HF truncates. */
    public int rotaryDim() {
        return (int) (headDim * partialRotaryFactor);
    }

    /** From a model folder (its {@code config.json}) or a config.json file. */
    public static RopeConfig fromConfig(Path folderOrFile) {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve("config.json") : folderOrFile;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new EmbeddingException(file + ": cannot read config: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EmbeddingException(file + ": config must be a JSON object");
        }
        return fromJson(root, file.toString());
    }

    /**
     * From a parsed config. Accepts the HF spellings: {@code rope_theta} (or {@code rope_parameters.rope_theta},
     * GPT-NeoX {@code rotary_emb_base}), {@code head_dim} or {@code hidden_size / num_attention_heads},
     * {@code partial_rotary_factor} (GPT-NeoX {@code rotary_pct}), {@code rope_scaling} or
     * {@code rope_parameters} with {@code rope_type} (older {@code type}).
     */
    public static RopeConfig fromJson(JsonNode root, String source) {
        JsonNode params = root.path("rope_parameters");
        JsonNode scaling = root.path("rope_scaling").isObject() ? root.path("rope_scaling") : params;
        double theta = number(root, "rope_theta", source, Double.NaN);
        if (Double.isNaN(theta)) {
            theta = number(params, "rope_theta", source, Double.NaN);
        }
        if (Double.isNaN(theta)) {
            theta = number(root, "rotary_emb_base", source, DEFAULT_THETA);
        }
        int headDim;
        if (root.hasNonNull("head_dim")) {
            headDim = (int) number(root, "head_dim", source, 0);
        } else {
            int hidden = (int) required(root, "hidden_size", source);
            int heads = (int) required(root, "num_attention_heads", source);
            if (heads < 1) {
                throw new EmbeddingException(source + ": $.num_attention_heads must be ≥ 1: " + heads);
            }
            headDim = hidden / heads;
        }
        double partial = number(root, "partial_rotary_factor", source, Double.NaN);
        if (Double.isNaN(partial)) {
            partial = number(params, "partial_rotary_factor", source, Double.NaN);
        }
        if (Double.isNaN(partial)) {
            partial = number(root, "rotary_pct", source, 1.0);
        }
        int maxPos = (int) number(root, "max_position_embeddings", source, DEFAULT_MAX_POSITIONS);
        try {
            return new RopeConfig(theta, headDim, partial, maxPos, scaling(scaling, source));
        } catch (IllegalArgumentException e) {
            throw new EmbeddingException(source + ": " + e.getMessage(), e);
        }
    }

    private static RopeScaling scaling(JsonNode s, String source) {
        if (!s.isObject()) {
            return new RopeScaling.None();
        }
        String path = "$.rope_scaling";
        String type = s.hasNonNull("rope_type") ? s.get("rope_type").asText()
                : s.hasNonNull("type") ? s.get("type").asText() : "default";
        String at = source + ": " + path;
        try {
            switch (type) {
                case "default":
                    return new RopeScaling.None();
                case "linear":
                    return new RopeScaling.Linear(required(s, "factor", at));
                case "dynamic":
                    return new RopeScaling.DynamicNtk(required(s, "factor", at));
                case "yarn": {
                    double fast = number(s, "beta_fast", at, 0);
                    double slow = number(s, "beta_slow", at, 0);
                    double attention = number(s, "attention_factor", at, Double.NaN);
                    return new RopeScaling.Yarn(required(s, "factor", at),
                            Double.isNaN(attention) ? null : attention,
                            fast == 0 ? 32 : fast, slow == 0 ? 1 : slow,
                            number(s, "mscale", at, 0), number(s, "mscale_all_dim", at, 0),
                            (int) number(s, "original_max_position_embeddings", at, 0),
                            !s.has("truncate") || s.get("truncate").asBoolean(true));
                }
                case "llama3":
                    return new RopeScaling.Llama3(required(s, "factor", at), required(s, "low_freq_factor", at),
                            required(s, "high_freq_factor", at),
                            (int) required(s, "original_max_position_embeddings", at));
                default:
                    throw new EmbeddingException(at + ".rope_type: '" + type
                            + "' is not supported (supported: default, linear, dynamic, yarn, llama3)");
            }
        } catch (IllegalArgumentException e) {
            throw new EmbeddingException(at + ": " + e.getMessage(), e);
        }
    }

    private static double required(JsonNode node, String field, String at) {
        double v = number(node, field, at, Double.NaN);
        if (Double.isNaN(v)) {
            throw new EmbeddingException(at + (at.contains("$") ? "." : ": $.") + field + ": missing");
        }
        return v;
    }

    private static double number(JsonNode node, String field, String at, double absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isNumber()) {
            throw new EmbeddingException(at + (at.contains("$") ? "." : ": $.") + field + ": expected a number, got "
                    + v);
        }
        return v.asDouble();
    }
}
