package org.tokenlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.embed.ops.EmbeddingLookup;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Print the input vectors of a text: {\"tokens\":[…],\"ids\":[…],\"vectors\":[[…],…]}.",
                "One row of the model's token embeddings per token, special tokens included;",
                "--positions adds the learned position vector of each place (token + position = input)."})
final class EmbedCommand implements Callable<Integer> {
    static final String MODEL_HELP = "all-MiniLM-L6-v2, a Hugging Face model folder, a cached repo id, "
            + ".safetensors, .npy or GloVe/word2vec text file";

    private final EmbeddingModels models;
    private final ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "SPEC", description = MODEL_HELP)
    String modelSpec;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "the text to embed")
    String text;

    @Option(names = "--no-special", description = "do not insert special tokens ([CLS] … [SEP], BOS)")
    boolean noSpecial;

    @Option(names = "--positions", description = "add learned position embeddings (error if the model has none)")
    boolean positions;

    EmbedCommand(EmbeddingModels models, ObjectMapper json) {
        this.models = models;
        this.json = json;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        ObjectNode out = withModel(models, modelSpec, model -> {
            if (positions && !EmbeddingLookup.hasLearnedPositions(model)) {
                throw new CliInputException("--positions: model " + model.name()
                        + " has no learned position embeddings");
            }
            Tokenizer tokenizer = model.tokenizer();
            EncodeOptions defaults = tokenizer.defaultOptions();
            Encoding encoding = tokenizer.encode(text,
                    new EncodeOptions(defaults.addSpecialTokens() && !noSpecial, defaults.allowSpecialInText()));
            float[][] vectors = EmbeddingLookup.vectors(model, encoding, positions);
            ObjectNode root = json.createObjectNode();
            ArrayNode tokens = root.putArray("tokens");
            ArrayNode ids = root.putArray("ids");
            ArrayNode rows = root.putArray("vectors");
            for (int i = 0; i < encoding.size(); i++) {
                tokens.add(encoding.tokens()[i]);
                ids.add(encoding.ids()[i]);
                ArrayNode row = rows.addArray();
                for (float v : vectors[i]) {
                    row.add(v);
                }
            }
            return root;
        });
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Load the model, run {@code work}, close the model. Embedding errors are bad input (a file, a tensor, a
     * token): they reach the CLI's error contract as one line with exit code 2.
     */
    static <T> T withModel(EmbeddingModels models, String spec, Function<EmbeddingModel, T> work) {
        try (EmbeddingModel model = models.load(spec)) {
            return work.apply(model);
        } catch (EmbeddingException e) {
            throw new CliInputException(e.getMessage(), e);
        }
    }

    /** {@code -k}: at least 1. */
    static int checkK(int k) {
        if (k < 1) {
            throw new CliInputException("-k must be at least 1: " + k);
        }
        return k;
    }
}
