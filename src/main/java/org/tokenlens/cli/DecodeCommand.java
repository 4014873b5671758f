package org.tokenlens.cli;

import java.util.concurrent.Callable;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "decode", mixinStandardHelpOptions = true, description = "Turn token ids back into text.")
final class DecodeCommand implements Callable<Integer> {

    private final TokenizerRegistry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--tokenizer", required = true, paramLabel = "SPEC",
            description = "bundled name or alias, tokenizer.json, folder holding one, or .tiktoken file")
    String tokenizerSpec;

    // Parsed by hand rather than as int[] so that a bad entry is reported with its position.
    @Option(names = "--ids", required = true, paramLabel = "ID,ID,…", description = "comma-separated token ids")
    String ids;

    @Option(names = "--skip-special", description = "leave special tokens out of the text")
    boolean skipSpecial;

    DecodeCommand(TokenizerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        int[] parsed = parseIds(ids);
        Tokenizer tokenizer = registry.load(tokenizerSpec);
        for (int id : parsed) {
            if (id < 0 || id >= tokenizer.vocabSize() || tokenizer.idToToken(id) == null) {
                throw new CliInputException("--ids: id " + id + " is not in the vocabulary of " + tokenizer.name()
                        + " (ids 0.." + (tokenizer.vocabSize() - 1) + ")");
            }
        }
        spec.commandLine().getOut().println(tokenizer.decode(parsed, skipSpecial));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static int[] parseIds(String list) {
        String trimmed = list.strip();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split(",", -1);
        int[] result = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                result[i] = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new CliInputException("--ids: entry " + (i + 1) + " '" + part + "' is not an integer");
            }
        }
        return result;
    }
}
