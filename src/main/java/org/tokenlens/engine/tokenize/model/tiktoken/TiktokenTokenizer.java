package org.tokenlens.engine.tokenize.model.tiktoken;

import java.nio.file.Path;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;

/** tiktoken-compatible byte-pair encoder. (Stub: being written.) */
public final class TiktokenTokenizer {
    private TiktokenTokenizer() {
    }

    /** One of r50k_base, p50k_base, cl100k_base, o200k_base, ranks read from jtokkit's jar resources. */
    public static Tokenizer bundled(String encodingName) {
        throw new TokenizerException("tiktoken is not implemented yet: " + encodingName);
    }

    /** A user's .tiktoken rank file; the split pattern and specials are chosen from the file's name. */
    public static Tokenizer fromFile(Path file) {
        throw new TokenizerException("tiktoken is not implemented yet: " + file);
    }
}
