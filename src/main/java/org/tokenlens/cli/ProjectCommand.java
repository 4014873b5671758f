package org.tokenlens.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.embed.ops.Metric;
import org.tokenlens.engine.embed.ops.NearestNeighbours;
import org.tokenlens.engine.project.Pca;
import org.tokenlens.engine.project.Points;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.project.Subset;
import org.tokenlens.engine.project.Tsne;
import org.tokenlens.engine.project.Umap;
import org.tokenlens.engine.tokenize.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Project token embeddings to 2-D and write id,token,x,y as CSV.",
                "Subsets: all, top:N (ids 0..N-1), regex:R (pieces containing a match),",
                "tokens:TEXT (the text's tokens and their --neighbours nearest, cosine)."})
final class ProjectCommand implements Callable<Integer> {

    private final EmbeddingModels models;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "SPEC", description = EmbedCommand.MODEL_HELP)
    String modelSpec;

    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "pca, tsne or umap")
    String method;

    @Option(names = "--subset", paramLabel = "SUBSET", defaultValue = "all",
            description = "all | top:N | regex:R | tokens:TEXT (default: ${DEFAULT-VALUE})")
    String subset;

    @Option(names = "--neighbours", paramLabel = "K", defaultValue = "10",
            description = "neighbours added per token for tokens:TEXT (default: ${DEFAULT-VALUE})")
    int neighbours;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: 42)")
    long seed;

    @Option(names = "--perplexity", paramLabel = "P", defaultValue = "30",
            description = "t-SNE perplexity (default: ${DEFAULT-VALUE})")
    double perplexity;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
            description = "t-SNE iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--umap-metric", paramLabel = "euclidean|cosine", defaultValue = "cosine",
            description = "UMAP's neighbour distance (default: ${DEFAULT-VALUE}; umap-learn's own default is euclidean)")
    String umapMetric;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "where to write the CSV")
    Path out;

    ProjectCommand(EmbeddingModels models) {
        this.models = models;
    }

    @Override
    public Integer call() {
        String m = method.toLowerCase(Locale.ROOT);
        if (!m.equals("pca") && !m.equals("tsne") && !m.equals("umap")) {
            throw new CliInputException("--method must be pca, tsne or umap: " + method);
        }
        Projection projection = EmbedCommand.withModel(models, modelSpec, model -> {
            try {
                Subset chosen = subset(model);
                Points points = Points.of(model.input(), chosen.ids());
                return switch (m) {
                    case "pca" -> Pca.project(points, chosen.ids(), 2);
                    case "tsne" -> Tsne.run(points, chosen.ids(), Tsne.Options.defaults().withSeed(seed)
                            .withPerplexity(perplexity).withIterations(iterations), null, null);
                    default -> Umap.run(points, chosen.ids(), Umap.Options.defaults().withSeed(seed)
                            .withMetric(umapMetric(umapMetric)));
                };
            } catch (IllegalArgumentException e) {
                throw new CliInputException(e.getMessage(), e);
            }
        });
        write(projection, modelTokenizer());
        if (!projection.note().isEmpty()) {
            spec.commandLine().getErr().println("tokenlens: " + projection.note());
        }
        return 0;
    }

    private Tokenizer tokenizer;

    private Tokenizer modelTokenizer() {
        return tokenizer;
    }

    private Subset subset(EmbeddingModel model) {
        tokenizer = model.tokenizer();
        int rows = model.input().rows();
        String s = subset;
        if (s.equals("all")) {
            return Subset.all(rows);
        }
        if (s.startsWith("top:")) {
            try {
                return Subset.top(Integer.parseInt(s.substring(4)), rows);
            } catch (NumberFormatException e) {
                throw new CliInputException("--subset top:N needs a number: " + s);
            }
        }
        if (s.startsWith("regex:")) {
            try {
                return Subset.regex(model.tokenizer(), Pattern.compile(s.substring(6)), rows);
            } catch (PatternSyntaxException e) {
                throw new CliInputException("--subset regex: bad pattern: " + e.getDescription() + " in "
                        + s.substring(6));
            }
        }
        if (s.startsWith("tokens:")) {
            Tokenizer t = model.tokenizer();
            int[] ids = t.encode(s.substring(7), org.tokenlens.engine.tokenize.EncodeOptions.NO_SPECIAL)
                    .ids();
            if (ids.length == 0) {
                throw new CliInputException("--subset tokens: the text has no tokens");
            }
            NearestNeighbours nn = NearestNeighbours.of(model.input());
            return Subset.withNeighbours(ids, neighbours,
                    (id, k) -> nn.ofId(id, k, Metric.COSINE, true).ids(), s);
        }
        throw new CliInputException("--subset must be all, top:N, regex:R or tokens:TEXT: " + s);
    }

    private void write(Projection p, Tokenizer t) {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("id,token,x,y\n");
            for (int i = 0; i < p.size(); i++) {
                int id = p.ids()[i];
                w.write(id + "," + csv(t.idToToken(id)) + "," + p.x()[i] + "," + p.y()[i] + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** RFC 4180: quote when the field holds a comma, quote or line break; double inner quotes. */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Cosine by default: token embeddings are compared by angle (the neighbours command's default too). */
    static Umap.Metric umapMetric(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "euclidean" -> Umap.Metric.EUCLIDEAN;
            case "cosine" -> Umap.Metric.COSINE;
            default -> throw new CliInputException("--umap-metric must be euclidean or cosine: " + name);
        };
    }
}
