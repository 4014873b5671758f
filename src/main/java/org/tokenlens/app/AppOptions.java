package org.tokenlens.app;

import java.nio.file.Path;
import java.util.List;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.positions.PositionKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Options of the window: {@code [--screenshot FILE] [--text T] [--tokenizers a,b] [--theme light|dark|presentation]
 * [--select N] [--view text|raw|hex] [--tab NAME]}.
 */
@Command(name = "tokenlens", mixinStandardHelpOptions = true, version = "TokenLens 0.1.0",
        description = {"Open the TokenLens window.",
                "Commands: tokenizers, encode, decode, count (see `tokenlens help`)."})
public final class AppOptions {

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "render the window to a PNG once the text is tokenized, then exit")
    Path screenshot;

    @Option(names = "--text", paramLabel = "TEXT", description = "the text to start with")
    String text = TokenizationViewModel.DEFAULT_TEXT;

    @Option(names = "--tokenizers", paramLabel = "NAME", split = ",",
            description = "one lane per tokenizer (default: bert-base-uncased)")
    List<String> tokenizers = List.of("bert-base-uncased");

    @Option(names = "--theme", paramLabel = "light|dark|presentation", converter = ThemeConverter.class,
            description = "light (default), dark, or presentation (large type, high contrast)")
    Theme theme = Theme.LIGHT;

    @Option(names = "--select", paramLabel = "N",
            description = "select token N (0-based) of the first lane, as a click on its chip would")
    Integer select;

    @Option(names = "--view", paramLabel = "text|raw|hex", converter = ChipModeConverter.class,
            description = "what chips show: decoded text (default), raw vocabulary pieces, or hex bytes")
    ChipMode view = ChipMode.TEXT;

    @Option(names = "--tab", paramLabel = "NAME",
            description = "open on this right-hand tab (vocabulary, positions, …); a screenshot waits for its content")
    String tab;

    @Option(names = "--positions-kind", paramLabel = "sinusoidal|learned|rope|alibi",
            converter = PositionKindConverter.class, description = "what the Positions tab shows first")
    PositionKind positionsKind;

    @Option(names = "--map-method", paramLabel = "pca|tsne|umap", converter = MapMethodConverter.class,
            description = "the method the Embedding map projects with first (default pca)")
    org.tokenlens.engine.project.Projection.Method mapMethod;

    @Option(names = "--map-subset", paramLabel = "all|top|regex|typed", converter = MapSubsetConverter.class,
            description = "what the Embedding map projects first: the whole vocabulary (default), the top-N ids, "
                    + "a regex over pieces, or the typed tokens with their nearest neighbours")
    org.tokenlens.app.embedding.SubsetKind mapSubset;

    @Option(names = "--map-k", paramLabel = "K", description = "with --map-subset typed: neighbours per typed token")
    Integer mapNeighbours;

    @Option(names = "--map-top", paramLabel = "N", description = "with --map-subset top: how many ids")
    Integer mapTop;

    @Option(names = "--map-iterations", paramLabel = "N", description = "t-SNE iterations on the Embedding map")
    Integer mapIterations;

    /** Set when --help or --version was asked for: the text to print instead of opening the window. */
    String helpText;

    /**
     * Parse the window's arguments.
     *
     * @throws IllegalArgumentException with a one-line message on a bad or unknown option
     */
    public static AppOptions parse(String... args) {
        AppOptions options = new AppOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "), e);
        }
        if (cli.isUsageHelpRequested()) {
            options.helpText = cli.getUsageMessage();
        } else if (cli.isVersionHelpRequested()) {
            options.helpText = String.join(System.lineSeparator(), cli.getCommandSpec().version())
                    + System.lineSeparator();
        }
        return options;
    }

    public Path screenshot() {
        return screenshot;
    }

    public String text() {
        return text;
    }

    public List<String> tokenizers() {
        return List.copyOf(tokenizers);
    }

    public Theme theme() {
        return theme;
    }

    /** The token to select at start, or null. */
    public Integer select() {
        return select;
    }

    public ChipMode view() {
        return view;
    }

    /** The right-hand tab to open on (as typed, e.g. "positions" or "map"), or null for the first. */
    public String tab() {
        return tab;
    }

    /** The Positions tab's kind at start, or null for its default. */
    public PositionKind positionsKind() {
        return positionsKind;
    }

    /** The Embedding map's method at start, or null for its default. */
    public org.tokenlens.engine.project.Projection.Method mapMethod() {
        return mapMethod;
    }

    /** The Embedding map's subset at start, or null for its default (the whole vocabulary). */
    public org.tokenlens.app.embedding.SubsetKind mapSubset() {
        return mapSubset;
    }

    /** Neighbours per typed token for the typed subset, or null for the default. */
    public Integer mapNeighbours() {
        return mapNeighbours;
    }

    /** N of the top-N subset, or null for the default. */
    public Integer mapTop() {
        return mapTop;
    }

    /** t-SNE iterations of the Embedding map, or null for the default. */
    public Integer mapIterations() {
        return mapIterations;
    }

    /** Usage or version text if --help/--version was given, else null. */
    public String helpText() {
        return helpText;
    }

    /**
     * Which of the tab titles {@code wanted} names: the whole title or one of its words, any case ("map" opens
     * "Embedding map"), or the title with '-' for spaces; -1 when none does.
     */
    static int tabIndex(List<String> titles, String wanted) {
        String w = wanted.strip().toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < titles.size(); i++) {
            String t = titles.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (t.equals(w) || t.replace(' ', '-').equals(w) || List.of(t.split("\\s+")).contains(w)) {
                return i;
            }
        }
        return -1;
    }

    /** The one-line error for a --tab that names no tab, listing the tabs there are. */
    static String unknownTab(List<String> titles, String wanted) {
        return "no tab '" + wanted + "': expected one of " + String.join(", ",
                titles.stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '-')).toList());
    }

    static final class PositionKindConverter implements CommandLine.ITypeConverter<PositionKind> {
        @Override
        public PositionKind convert(String value) {
            for (PositionKind k : PositionKind.values()) {
                if (k.name().equalsIgnoreCase(value)) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "unknown positions kind '" + value + "': expected sinusoidal, learned, rope or alibi");
        }
    }

    static final class ChipModeConverter implements CommandLine.ITypeConverter<ChipMode> {
        @Override
        public ChipMode convert(String value) {
            for (ChipMode m : ChipMode.values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("unknown view '" + value + "': expected text, raw or hex");
        }
    }

    static final class ThemeConverter implements CommandLine.ITypeConverter<Theme> {
        @Override
        public Theme convert(String value) {
            try {
                return Theme.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MapMethodConverter implements CommandLine.ITypeConverter<org.tokenlens.engine.project.Projection.Method> {
        @Override
        public org.tokenlens.engine.project.Projection.Method convert(String value) {
            String v = value.strip().replace("-", "").toUpperCase(java.util.Locale.ROOT);
            for (var m : org.tokenlens.engine.project.Projection.Method.values()) {
                if (m.name().equals(v)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("expected pca, tsne or umap: " + value);
        }
    }

    static final class MapSubsetConverter implements CommandLine.ITypeConverter<org.tokenlens.app.embedding.SubsetKind> {
        @Override
        public org.tokenlens.app.embedding.SubsetKind convert(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "all" -> org.tokenlens.app.embedding.SubsetKind.ALL;
                case "top" -> org.tokenlens.app.embedding.SubsetKind.TOP_N;
                case "regex" -> org.tokenlens.app.embedding.SubsetKind.REGEX;
                case "typed" -> org.tokenlens.app.embedding.SubsetKind.TYPED_NEIGHBOURS;
                default -> throw new CommandLine.TypeConversionException(
                        "expected all, top, regex or typed: " + value);
            };
        }
    }
}
