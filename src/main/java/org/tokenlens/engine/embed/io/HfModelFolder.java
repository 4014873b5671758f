package org.tokenlens.engine.embed.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * A Hugging Face model folder: {@code tokenizer.json}, {@code config.json} (optional) and safetensors weights.
 * Only the embedding tensors are mapped; the rest of the model is never read.
 *
 * <p><b>Output side.</b> {@code tie_word_embeddings} from config.json decides; when absent, transformers' own
 * default for the model type applies: {@code PretrainedConfig} defaults to tied (BERT, GPT-2, Gemma, T5, …), while
 * the config classes of Llama, Mistral, Mixtral, Qwen 2/3, Phi, GPT-NeoX, OLMo, StableLM, DeepSeek and Granite
 * default to untied; without config.json, a saved {@code lm_head.weight} means untied. Untied models use {@code lm_head.weight} (GPT-NeoX: {@code embed_out.weight}); an untied
 * model without one (an encoder saved without its head) has no output matrix.
 *
 * <p><b>Rows vs vocabulary.</b> Rows must be ≥ the tokenizer's ids (otherwise ids would index past the matrix).
 * More rows are accepted when config.json's {@code vocab_size} equals the row count — models pad the matrix for
 * GPU efficiency (Qwen 2.5: 151,936 rows for 151,665 ids; Phi-2: 51,200 for 50,295) and the config is what HF
 * sizes the tensor from — or, without a vocab_size, when the row count is a multiple of 64 (the usual padding).
 */
public final class HfModelFolder {
    /** Input embedding names, most common first; then any 2-D tensor ending in one of {@link #INPUT_SUFFIXES}. */
    static final List<String> INPUT_NAMES = List.of(
            "embeddings.word_embeddings.weight", "bert.embeddings.word_embeddings.weight",
            "distilbert.embeddings.word_embeddings.weight", "roberta.embeddings.word_embeddings.weight",
            "electra.embeddings.word_embeddings.weight", "deberta.embeddings.word_embeddings.weight",
            "wte.weight", "transformer.wte.weight", "model.embed_tokens.weight", "embed_tokens.weight",
            "model.language_model.embed_tokens.weight", "language_model.model.embed_tokens.weight",
            "gpt_neox.embed_in.weight", "transformer.word_embeddings.weight", "word_embeddings.weight",
            "model.decoder.embed_tokens.weight", "shared.weight");
    static final List<String> INPUT_SUFFIXES = List.of(".word_embeddings.weight", ".embed_tokens.weight",
            ".wte.weight", ".embed_in.weight");
    static final List<String> OUTPUT_NAMES = List.of("lm_head.weight", "embed_out.weight",
            "language_model.lm_head.weight", "model.lm_head.weight");
    static final List<String> POSITION_NAMES = List.of(
            "embeddings.position_embeddings.weight", "bert.embeddings.position_embeddings.weight",
            "distilbert.embeddings.position_embeddings.weight", "roberta.embeddings.position_embeddings.weight",
            "electra.embeddings.position_embeddings.weight", "wpe.weight", "transformer.wpe.weight");
    static final List<String> POSITION_SUFFIXES = List.of(".position_embeddings.weight", ".wpe.weight");
    /** model_type values whose transformers config class defaults tie_word_embeddings to false. */
    static final Set<String> UNTIED_BY_DEFAULT = Set.of("llama", "mistral", "mixtral", "qwen2", "qwen2_moe",
            "qwen3", "qwen3_moe", "phi", "phi3", "gpt_neox", "olmo", "olmo2", "stablelm", "deepseek_v2",
            "deepseek_v3", "granite", "granitemoe", "starcoder2", "cohere2");

    private HfModelFolder() {
    }

    /** Load the tokenizer and embedding matrices of {@code folder}. */
    public static EmbeddingModel load(Path folder, TokenizerRegistry tokenizers) {
        if (!Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            throw new EmbeddingException("no tokenizer.json in " + folder);
        }
        Tokenizer tokenizer;
        try {
            tokenizer = tokenizers.load(folder.toString());
        } catch (TokenizerException e) {
            throw new EmbeddingException(e.getMessage(), e);
        }
        JsonNode config = readConfig(folder);
        TensorCatalog catalog = TensorCatalog.of(folder);
        String inputName = find(catalog, INPUT_NAMES, INPUT_SUFFIXES, "input embedding");
        List<EmbeddingMatrix> opened = new ArrayList<>();
        try {
            EmbeddingMatrix input = track(opened, catalog.matrix(inputName));
            checkRows(input, tokenizer, config, folder);
            boolean tied = tied(config, catalog);
            EmbeddingMatrix output = tied ? input : outputOf(catalog, input, tokenizer, config, folder, opened);
            String positionName = findOptional(catalog, POSITION_NAMES, POSITION_SUFFIXES);
            EmbeddingMatrix positions = null;
            if (positionName != null) {
                positions = track(opened, catalog.matrix(positionName));
                checkDim(positions, input);
            }
            String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
            return new EmbeddingModel(name, tokenizer, input, output, tied, positions);
        } catch (RuntimeException e) {
            opened.forEach(EmbeddingMatrix::close);
            throw e;
        }
    }

    private static EmbeddingMatrix track(List<EmbeddingMatrix> opened, EmbeddingMatrix m) {
        opened.add(m);
        return m;
    }

    private static EmbeddingMatrix outputOf(TensorCatalog catalog, EmbeddingMatrix input, Tokenizer tokenizer,
                                            JsonNode config, Path folder, List<EmbeddingMatrix> opened) {
        for (String n : OUTPUT_NAMES) {
            if (catalog.has(n)) {
                EmbeddingMatrix out = track(opened, catalog.matrix(n));
                checkRows(out, tokenizer, config, folder);
                checkDim(out, input);
                return out;
            }
        }
        return null;
    }

    /** Whether the output projection is the input matrix; see the class comment for the defaults. */
    static boolean tied(JsonNode config, TensorCatalog catalog) {
        JsonNode tie = config.get("tie_word_embeddings");
        if (tie == null) {
            tie = config.path("text_config").get("tie_word_embeddings");
        }
        if (tie != null && tie.isBoolean()) {
            return tie.booleanValue();
        }
        String type = config.path("model_type").asText("");
        if (type.isEmpty()) {
            // no config to go by: a separate output tensor in the file is the only evidence
            return OUTPUT_NAMES.stream().noneMatch(catalog::has);
        }
        return !UNTIED_BY_DEFAULT.contains(type);
    }

    private static void checkRows(EmbeddingMatrix m, Tokenizer tokenizer, JsonNode config, Path folder) {
        int ids = tokenizer.vocabSize();
        JsonNode vs = config.has("vocab_size") ? config.get("vocab_size") : config.path("text_config").get("vocab_size");
        long configRows = vs != null && vs.canConvertToLong() ? vs.longValue() : -1;
        String what = m.source() + " has " + m.rows() + " rows";
        if (configRows >= 0 && configRows != m.rows()) {
            throw new EmbeddingException(what + " but " + folder.resolve("config.json") + " says vocab_size "
                    + configRows);
        }
        if (m.rows() < ids) {
            throw new EmbeddingException(what + " but the tokenizer has " + ids + " ids: ids ≥ " + m.rows()
                    + " would have no vector");
        }
        if (m.rows() > ids && configRows < 0 && m.rows() % 64 != 0) {
            throw new EmbeddingException(what + " but the tokenizer has " + ids + " ids, and no config.json"
                    + " vocab_size declares the padding");
        }
    }

    private static void checkDim(EmbeddingMatrix m, EmbeddingMatrix input) {
        if (m.dim() != input.dim()) {
            throw new EmbeddingException(m.source() + " has dim " + m.dim() + " but " + input.source() + " has "
                    + input.dim());
        }
    }

    private static String find(TensorCatalog catalog, List<String> names, List<String> suffixes, String what) {
        String found = findOptional(catalog, names, suffixes);
        if (found == null) {
            throw new EmbeddingException("no " + what + " tensor among " + catalog.names().size()
                    + " tensors (looked for " + names.get(0) + ", " + names.get(6) + ", " + names.get(8)
                    + " and other usual names)");
        }
        return found;
    }

    private static String findOptional(TensorCatalog catalog, List<String> names, List<String> suffixes) {
        for (String n : names) {
            if (catalog.has(n)) {
                return n;
            }
        }
        String found = null;
        for (String n : catalog.names()) {
            for (String s : suffixes) {
                if (n.endsWith(s) && !n.contains(".layers.") && (found == null || n.length() < found.length())) {
                    found = n;
                }
            }
        }
        return found;
    }

    private static JsonNode readConfig(Path folder) {
        Path file = folder.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new EmbeddingException(file + ": not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new EmbeddingException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }
}
