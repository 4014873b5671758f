package org.tokenlens.engine.tokenize;

/**
 * A tokenizer could not be loaded or used. The message is one line a user understands and names the file and,
 * where known, the place inside it (a JSON path such as {@code $.pre_tokenizer.pretokenizers[1]}).
 */
public class TokenizerException extends RuntimeException {
    public TokenizerException(String message) {
        super(message);
    }

    public TokenizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
