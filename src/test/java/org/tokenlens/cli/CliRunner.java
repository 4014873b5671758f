package org.tokenlens.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** Runs the CLI in-process with captured output. One registry per runner, so loaded tokenizers are reused. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
        /** The error contract: exactly one line, prefixed, no stack trace. */
        boolean isOneLineError() {
            String[] lines = err.split("\\R", -1);
            return lines.length == 2 && lines[1].isEmpty() && lines[0].startsWith("tokenlens: ")
                    && !err.contains("Exception") && !err.contains("\tat ");
        }
    }

    private final TokenizerRegistry registry = new TokenizerRegistry();

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(registry, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
