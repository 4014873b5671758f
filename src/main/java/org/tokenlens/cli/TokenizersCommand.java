package org.tokenlens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "tokenizers", mixinStandardHelpOptions = true,
        description = "List the bundled tokenizers with their aliases.")
final class TokenizersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<String, List<String>> e : TokenizerRegistry.bundled().entrySet()) {
            out.println(e.getValue().isEmpty() ? e.getKey()
                    : e.getKey() + " (aliases: " + String.join(", ", e.getValue()) + ")");
        }
        out.flush();
        return 0;
    }
}
