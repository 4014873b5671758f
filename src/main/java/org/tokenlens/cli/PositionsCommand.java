package org.tokenlens.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.FilterWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.positions.AlibiBias;
import org.tokenlens.engine.positions.FloatMatrix;
import org.tokenlens.engine.positions.LearnedPositions;
import org.tokenlens.engine.positions.RopeConfig;
import org.tokenlens.engine.positions.RotaryEmbedding;
import org.tokenlens.engine.positions.SinusoidalEncoding;
import org.tokenlens.engine.positions.Wavelengths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "positions", mixinStandardHelpOptions = true,
        description = {"Print a positional encoding as a position × dimension table.",
                "sinusoidal: PE(pos, 2i) = sin(pos/base^(2i/d)), cos at 2i+1 (Vaswani et al. 2017).",
                "learned: a model's trained position table (--model).",
                "rope: rotation angles position·θ_i per pair (Su et al. 2021); --model reads config.json.",
                "alibi: per-head slopes and the causal bias −slope·(i−j) (Press et al. 2021)."})
final class PositionsCommand implements Callable<Integer> {

    enum Kind { sinusoidal, learned, rope, alibi }

    enum LayoutOption { interleaved, concatenated }

    enum Format { csv, json }

    /** Loads a model by name or folder; replaceable so tests can supply an in-memory model. */
    Function<String, EmbeddingModel> models;

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, description = "sinusoidal, learned, rope or alibi")
    Kind kind;

    @Option(names = "--positions", paramLabel = "N",
            description = "number of positions (default 128; learned: the whole table)")
    Integer positions;

    @Option(names = "--dim", paramLabel = "D", description = "d_model (sinusoidal, default 128) or head dim "
            + "(rope, default 64 or from --model)")
    Integer dim;

    @Option(names = "--base", paramLabel = "B", description = "base / rope_theta (default 10000 or from --model)")
    Double base;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "learned: a model name or folder; rope: a model folder or config.json")
    String model;

    @Option(names = "--layout", description = "sinusoidal: interleaved (paper) or concatenated (sin|cos); "
            + "rope: interleaved pairs (2i, 2i+1) or concatenated halves (rotate_half)")
    LayoutOption layout;

    @Option(names = "--heads", paramLabel = "H", description = "alibi: number of heads (default 8)")
    Integer heads;

    @Option(names = "--format", required = true, description = "csv or json")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of stdout")
    Path out;

    PositionsCommand(EmbeddingModels models) {
        this.models = models::load;
    }

    @Override
    public Integer call() throws IOException {
        try {
            onlyFor(heads != null, "--heads", Kind.alibi);
            onlyFor(layout != null, "--layout", Kind.sinusoidal, Kind.rope);
            onlyFor(model != null, "--model", Kind.learned, Kind.rope);
            onlyFor(dim != null, "--dim", Kind.sinusoidal, Kind.rope);
            onlyFor(base != null, "--base", Kind.sinusoidal, Kind.rope);
            if (positions != null && positions < 1) {
                throw new CliInputException("--positions must be ≥ 1: " + positions);
            }
            switch (kind) {
                case sinusoidal -> sinusoidal();
                case learned -> learned();
                case rope -> rope();
                case alibi -> alibi();
                default -> throw new IllegalStateException(kind.name());
            }
        } catch (EmbeddingException | IllegalArgumentException e) {
            throw new CliInputException(e.getMessage(), e);
        }
        return 0;
    }

    private void onlyFor(boolean given, String option, Kind... kinds) {
        if (!given) {
            return;
        }
        for (Kind k : kinds) {
            if (k == kind) {
                return;
            }
        }
        throw new CliInputException(option + " does not apply to --kind " + kind);
    }

    private void sinusoidal() throws IOException {
        SinusoidalEncoding.Layout l = layout == LayoutOption.concatenated ? SinusoidalEncoding.Layout.CONCATENATED
                : SinusoidalEncoding.Layout.INTERLEAVED;
        int d = dim == null ? 128 : dim;
        double b = base == null ? 10000 : base;
        FloatMatrix m = SinusoidalEncoding.generate(new SinusoidalEncoding.Options(
                positions == null ? 128 : positions, d, b, l));
        write(m, g -> {
            g.writeStringField("layout", l.name().toLowerCase());
            g.writeNumberField("base", b);
            g.writeArrayFieldStart("wavelengths");
            for (double w : Wavelengths.sinusoidal(d, b)) {
                g.writeNumber(w);
            }
            g.writeEndArray();
        });
    }

    private void learned() throws IOException {
        if (model == null) {
            throw new CliInputException("--kind learned needs --model (a model name or folder)");
        }
        try (EmbeddingModel loaded = models.apply(model)) {
            EmbeddingMatrix table = LearnedPositions.of(loaded);
            int n = positions == null ? table.rows() : positions;
            if (n > table.rows()) {
                throw new CliInputException("--positions " + n + " exceeds the " + table.rows()
                        + " learned positions of " + loaded.name());
            }
            write(LearnedPositions.copy(table, n, LearnedPositions.label(loaded)), g -> {
                g.writeStringField("model", loaded.name());
                g.writeStringField("tensor", table.source());
            });
        }
    }

    private void rope() throws IOException {
        RopeConfig config;
        if (model != null) {
            RopeConfig read = RopeConfig.fromConfig(Path.of(model));
            config = new RopeConfig(base == null ? read.base() : base, dim == null ? read.headDim() : dim,
                    dim == null ? read.partialRotaryFactor() : 1.0, read.maxPositionEmbeddings(), read.scaling());
        } else {
            config = RopeConfig.plain(base == null ? 10000 : base, dim == null ? 64 : dim);
        }
        RotaryEmbedding rope = new RotaryEmbedding(config, layout == LayoutOption.interleaved
                ? RotaryEmbedding.Layout.INTERLEAVED : RotaryEmbedding.Layout.ROTATE_HALF);
        int n = positions == null ? 128 : positions;
        write(rope.angles(n), g -> {
            g.writeStringField("layout", rope.layout().description());
            g.writeNumberField("base", config.base());
            g.writeNumberField("head_dim", config.headDim());
            g.writeNumberField("rotary_dim", config.rotaryDim());
            g.writeStringField("rope_type", config.scaling().type());
            g.writeNumberField("attention_factor", rope.frequencies().attentionFactor());
            numbers(g, "inv_freq", rope.frequencies().invFreq());
            numbers(g, "wavelengths", Wavelengths.rope(rope.frequencies()));
            numbers(g, "decay_all_ones", rope.decayAllOnes(n - 1));
        });
    }

    private void alibi() throws IOException {
        int h = heads == null ? 8 : heads;
        int n = positions == null ? 128 : positions;
        double[] slopes = AlibiBias.slopes(h);
        try (Writer w = open()) {
            if (format == Format.json) {
                JsonGenerator g = new JsonFactory().createGenerator(w);
                g.writeStartObject();
                g.writeStringField("kind", "alibi");
                g.writeStringField("label", "ALiBi causal bias −slope·(i−j), future keys masked (null) "
                        + "(Press et al. 2021)");
                g.writeNumberField("heads", h);
                g.writeNumberField("positions", n);
                numbers(g, "slopes", slopes);
                g.writeArrayFieldStart("bias");
                for (double slope : slopes) {
                    FloatMatrix b = AlibiBias.bias(slope, n, true);
                    rows(g, b);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
            } else {
                w.write("head,slope,query");
                for (int j = 0; j < n; j++) {
                    w.write(",k" + j);
                }
                w.write('\n');
                for (int head = 0; head < h; head++) {
                    float[] v = AlibiBias.bias(slopes[head], n, true).values();
                    for (int i = 0; i < n; i++) {
                        w.write(head + "," + slopes[head] + "," + i);
                        for (int j = 0; j < n; j++) {
                            w.write(',');
                            w.write(Float.toString(v[i * n + j]));
                        }
                        w.write('\n');
                    }
                }
                w.flush();
            }
        }
    }

    private interface Extra {
        void write(JsonGenerator g) throws IOException;
    }

    private void write(FloatMatrix m, Extra extra) throws IOException {
        try (Writer w = open()) {
            if (format == Format.json) {
                JsonGenerator g = new JsonFactory().createGenerator(w);
                g.writeStartObject();
                g.writeStringField("kind", kind.name());
                g.writeStringField("label", m.source());
                g.writeNumberField("positions", m.rows());
                g.writeNumberField("dim", m.dim());
                extra.write(g);
                g.writeFieldName("values");
                rows(g, m);
                g.writeEndObject();
                g.flush();
            } else {
                w.write("position");
                for (int c = 0; c < m.dim(); c++) {
                    w.write(",d" + c);
                }
                w.write('\n');
                float[] v = m.values();
                for (int r = 0; r < m.rows(); r++) {
                    w.write(Integer.toString(r));
                    for (int c = 0; c < m.dim(); c++) {
                        w.write(',');
                        w.write(Float.toString(v[r * m.dim() + c]));
                    }
                    w.write('\n');
                }
                w.flush();
            }
        }
    }

    /** A matrix as an array of row arrays; −∞ (a masked score) as null, since JSON has no infinities. */
    private static void rows(JsonGenerator g, FloatMatrix m) throws IOException {
        float[] v = m.values();
        g.writeStartArray();
        for (int r = 0; r < m.rows(); r++) {
            g.writeStartArray();
            for (int c = 0; c < m.dim(); c++) {
                float x = v[r * m.dim() + c];
                if (Float.isInfinite(x)) {
                    g.writeNull();
                } else {
                    g.writeNumber(x);
                }
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void numbers(JsonGenerator g, String field, double[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** The --out file, or stdout through the command line's writer (flushed, not closed). */
    private Writer open() {
        if (out != null) {
            try {
                return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliInputException(out + ": cannot write: " + e.getMessage(), e);
            }
        }
        PrintWriter pw = spec.commandLine().getOut();
        return new FilterWriter(pw) {
            @Override
            public void close() {
                pw.flush();
            }
        };
    }
}
