package org.tokenlens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code tokenlens} command; sub-commands are added by {@link Cli} with their collaborators. */
@Command(name = "tokenlens", mixinStandardHelpOptions = true, version = "TokenLens 0.1.0",
        description = {"See exactly how a transformer tokenizes text.",
                "Without a command, opens the TokenLens window."})
final class TokenLensCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // Reached only as a bare `tokenlens` inside the CLI; Main opens the window for that instead.
        throw new ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
