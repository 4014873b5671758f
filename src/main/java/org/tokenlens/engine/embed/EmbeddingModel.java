package org.tokenlens.engine.embed;

import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * A tokenizer with the matrices that give its ids meaning: input token embeddings (required, V × d), the output
 * side used to classify vectors back to tokens ({@code lm_head}, or the input matrix when tied; may be null when
 * the model has none, e.g. a sentence encoder — then callers use the input matrix and say so), and learned
 * position embeddings (null when positions are not learned).
 *
 * @param name        display name ({@code all-MiniLM-L6-v2}, a folder name)
 * @param tokenizer   the tokenizer whose ids index the rows
 * @param input       token embeddings, rows = vocabulary size (checked when loading)
 * @param output      output embeddings, or null
 * @param outputTied  whether {@code output} is the input matrix because the config ties them
 * @param positions   learned position embeddings, or null
 */
public record EmbeddingModel(String name, Tokenizer tokenizer, EmbeddingMatrix input, EmbeddingMatrix output,
                             boolean outputTied, EmbeddingMatrix positions) implements AutoCloseable {
    @Override
    public void close() {
        input.close();
        if (output != null && output != input) {
            output.close();
        }
        if (positions != null) {
            positions.close();
        }
    }
}
