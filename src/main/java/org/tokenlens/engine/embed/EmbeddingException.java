package org.tokenlens.engine.embed;

/**
 * An embedding file or model could not be read or used: one line a user understands, naming the file and the
 * place in it (tensor name, header offset, line number).
 */
public class EmbeddingException extends RuntimeException {
    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
