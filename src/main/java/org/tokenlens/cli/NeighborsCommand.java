package org.tokenlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.concurrent.Callable;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.embed.ops.Metric;
import org.tokenlens.engine.embed.ops.NearestNeighbours;
import org.tokenlens.engine.embed.ops.Neighbours;
import org.tokenlens.engine.embed.ops.TokenIds;
import org.tokenlens.engine.tokenize.Tokenizer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "neighbors", aliases = "neighbours", mixinStandardHelpOptions = true,
        description = {"The tokens nearest to a token over the whole vocabulary (exact, every row scored):",
                "[{\"id\":…,\"token\":…,\"score\":…},…], nearest first. Scores: cosine similarity, Euclidean distance",
                "or dot product. The token itself is left out unless --include-self."})
final class NeighborsCommand implements Callable<Integer> {

    private final EmbeddingModels models;
    private final ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "SPEC", description = EmbedCommand.MODEL_HELP)
    String modelSpec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Query query;

    static final class Query {
        @Option(names = "--token", required = true, paramLabel = "TOKEN",
                description = "a vocabulary piece (##s, Ġthe) or text that is one token (King → king)")
        String token;

        @Option(names = "--id", required = true, paramLabel = "N", description = "a token id")
        Integer id;
    }

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "how many (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "cosine",
            description = "cosine, euclidean or dot (default: ${DEFAULT-VALUE})")
    String metricName;

    @Option(names = "--include-self", description = "keep the query token among the results")
    boolean includeSelf;

    NeighborsCommand(EmbeddingModels models, ObjectMapper json) {
        this.models = models;
        this.json = json;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Metric metric = parseMetric(metricName);
        EmbedCommand.checkK(k);
        ArrayNode out = EmbedCommand.withModel(models, modelSpec, model -> {
            Tokenizer tokenizer = model.tokenizer();
            int id = query.id != null ? query.id : TokenIds.resolve(tokenizer, query.token);
            if (id < 0 || id >= model.input().rows()) {
                throw new CliInputException("--id: " + id + " is not a row of " + model.name() + " (ids 0.."
                        + (model.input().rows() - 1) + ")");
            }
            Neighbours n = NearestNeighbours.of(model.input()).ofId(id, k, metric, !includeSelf);
            ArrayNode list = json.createArrayNode();
            for (int i = 0; i < n.size(); i++) {
                int found = n.ids()[i];
                list.addObject().put("id", found)
                        .put("token", found < tokenizer.vocabSize() ? tokenizer.idToToken(found) : null)
                        .put("score", n.scores()[i]);
            }
            return list;
        });
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Metric parseMetric(String name) {
        try {
            return Metric.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CliInputException("--metric: " + e.getMessage());
        }
    }
}
