package org.tokenlens.cli;

import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Tokenizer;
import picocli.CommandLine.Option;

/** Options shared by the commands that encode: which tokenizer and how special tokens are treated. */
final class TokenizerOptions {

    @Option(names = "--tokenizer", required = true, paramLabel = "SPEC",
            description = "bundled name or alias (see `tokenlens tokenizers`), tokenizer.json, folder holding one, "
                    + "or .tiktoken file")
    String spec;

    @Option(names = "--no-special", description = "do not insert special tokens ([CLS] … [SEP], BOS)")
    boolean noSpecial;

    @Option(names = "--allow-special",
            description = "let special-token strings in the text become special tokens (tiktoken; HF always does)")
    boolean allowSpecial;

    /** The tokenizer's reference defaults, changed only where a flag asks. */
    EncodeOptions encodeOptions(Tokenizer tokenizer) {
        EncodeOptions defaults = tokenizer.defaultOptions();
        return new EncodeOptions(defaults.addSpecialTokens() && !noSpecial,
                defaults.allowSpecialInText() || allowSpecial);
    }
}
