package org.tokenlens.cli;

import java.util.concurrent.Callable;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Print the number of tokens of a text (special tokens included unless --no-special).")
final class CountCommand implements Callable<Integer> {

    private final TokenizerRegistry registry;

    @Spec
    CommandSpec spec;

    @Mixin
    TokenizerOptions tokenizerOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TextSource source;

    CountCommand(TokenizerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        String text = source.read();
        Tokenizer tokenizer = registry.load(tokenizerOptions.spec);
        int count = tokenizer.encode(text, tokenizerOptions.encodeOptions(tokenizer)).size();
        spec.commandLine().getOut().println(count);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
