package org.tokenlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.embed.ops.EmbeddingLookup;
import org.tokenlens.engine.embed.ops.OutputClassifier;
import org.tokenlens.engine.embed.ops.Prediction;
import org.tokenlens.engine.embed.ops.RoundTrip;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"The round trip: text → token vectors → logits against the output embeddings → top tokens",
                "per position → text. Prints {\"output\":…,\"tokens\":[…],\"ids\":[…],\"positions\":[{\"top\":[…]},…],",
                "\"decoded\":…}. \"output\" says which matrix gave the logits: lm_head, the tied input embeddings,",
                "or the input embeddings standing in for a model with no output side (e.g. MiniLM)."})
final class ClassifyCommand implements Callable<Integer> {

    private final EmbeddingModels models;
    private final ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "SPEC", description = EmbedCommand.MODEL_HELP)
    String modelSpec;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "the text to send round")
    String text;

    @Option(names = "-k", paramLabel = "K", defaultValue = "1",
            description = "top tokens per position (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--no-special", description = "do not insert special tokens ([CLS] … [SEP], BOS)")
    boolean noSpecial;

    @Option(names = "--positions", description = "add learned position embeddings before classifying")
    boolean positions;

    ClassifyCommand(EmbeddingModels models, ObjectMapper json) {
        this.models = models;
        this.json = json;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        EmbedCommand.checkK(k);
        ObjectNode out = EmbedCommand.withModel(models, modelSpec, model -> {
            if (positions && !EmbeddingLookup.hasLearnedPositions(model)) {
                throw new CliInputException("--positions: model " + model.name()
                        + " has no learned position embeddings");
            }
            OutputClassifier classifier = new OutputClassifier(model);
            RoundTrip trip = classifier.classify(text, k, !noSpecial, positions);
            ObjectNode root = json.createObjectNode();
            root.put("output", trip.side().name().toLowerCase(Locale.ROOT));
            root.put("outputDescription", trip.side().description());
            ArrayNode tokens = root.putArray("tokens");
            ArrayNode ids = root.putArray("ids");
            ArrayNode places = root.putArray("positions");
            for (int i = 0; i < trip.encoding().size(); i++) {
                tokens.add(trip.encoding().tokens()[i]);
                ids.add(trip.encoding().ids()[i]);
                ArrayNode top = places.addObject().putArray("top");
                Prediction p = trip.positions()[i];
                for (int j = 0; j < p.size(); j++) {
                    top.addObject().put("id", p.ids()[j]).put("token", p.tokens()[j])
                            .put("logit", p.logits()[j]).put("probability", p.probabilities()[j]);
                }
            }
            root.put("unchanged", trip.unchanged());
            root.put("decoded", trip.decoded());
            return root;
        });
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
