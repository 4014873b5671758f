package org.tokenlens.engine.tokenize.io;

import java.io.InputStream;
import java.nio.file.Path;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;

/** Reads an HF tokenizer.json into a {@link Tokenizer}. (Stub: being written.) */
public final class TokenizerJsonLoader {
    private TokenizerJsonLoader() {
    }

    /** Load from a file; the tokenizer's name is the file's parent folder name or file name. */
    public static Tokenizer load(Path file) {
        throw new TokenizerException("tokenizer.json loading is not implemented yet: " + file);
    }

    /** Load from a stream; {@code source} names it in error messages (a path or "bundled bert-base-uncased"). */
    public static Tokenizer load(InputStream in, String name, String source) {
        throw new TokenizerException("tokenizer.json loading is not implemented yet: " + source);
    }
}
