package org.tokenlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import picocli.CommandLine;

/**
 * Builds the picocli command line and owns the error contract: every bad input (usage, files, JSON, tokenizer,
 * ids) exits with {@link #EXIT_BAD_INPUT} and one line {@code tokenlens: <what and where>} on stderr, never a
 * stack trace.
 */
public final class Cli {

    public static final int EXIT_BAD_INPUT = 2;
    /** A bug, not the user's fault: still one line, but a different code so scripts can tell them apart. */
    public static final int EXIT_INTERNAL_ERROR = 1;

    /** Words that are not sub-commands but still belong to the CLI rather than the window. */
    private static final Set<String> CLI_FLAGS = Set.of("-h", "--help", "-V", "--version");

    private Cli() {
    }

    /**
     * Whether {@code word} (the first argument) selects the CLI rather than the window: any registered
     * sub-command, so a new command needs no second list to be kept in step.
     */
    public static boolean isCommand(String word) {
        if (CLI_FLAGS.contains(word)) {
            return true;
        }
        java.io.StringWriter sink = new java.io.StringWriter();
        return create(new TokenizerRegistry(), new PrintWriter(sink), new PrintWriter(sink))
                .getSubcommands().containsKey(word);
    }

    /** A command line writing to {@code out}/{@code err}; tests pass string writers. */
    public static CommandLine create(TokenizerRegistry registry, PrintWriter out, PrintWriter err) {
        ObjectMapper json = new ObjectMapper();
        CommandLine cli = new CommandLine(new TokenLensCommand())
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new TokenizersCommand())
                .addSubcommand(new EncodeCommand(registry, json))
                .addSubcommand(new DecodeCommand(registry))
                .addSubcommand(new CountCommand(registry))
                .addSubcommand(new EmbedCommand(new EmbeddingModels(registry), json))
                .addSubcommand(new NeighborsCommand(new EmbeddingModels(registry), json))
                .addSubcommand(new ClassifyCommand(new EmbeddingModels(registry), json))
                .addSubcommand(new InspectCommand(registry, json))
                .addSubcommand(new PositionsCommand(new EmbeddingModels(registry)))
                .addSubcommand(new ProjectCommand(new EmbeddingModels(registry)));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            printError(ex.getCommandLine().getErr(), ex.getMessage());
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            commandLine.getOut().flush();
            if (ex instanceof CliInputException || ex instanceof TokenizerException
                    || ex instanceof UncheckedIOException) {
                printError(e, ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            printError(e, "internal error: " + ex);
            return EXIT_INTERNAL_ERROR;
        });
        return cli;
    }

    /** Run with the process's stdout/stderr as UTF-8 (the platform default may not be) and return the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = create(new TokenizerRegistry(), out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static void printError(PrintWriter err, String message) {
        String oneLine = message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
        err.println("tokenlens: " + oneLine);
        err.flush();
    }
}
