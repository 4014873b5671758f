package org.tokenlens.engine.embed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tokenlens.engine.embed.io.BundledMiniLm;
import org.tokenlens.engine.embed.io.HfCache;
import org.tokenlens.engine.embed.io.HfModelFolder;
import org.tokenlens.engine.embed.io.NpyFile;
import org.tokenlens.engine.embed.io.PickleRefusal;
import org.tokenlens.engine.embed.io.TextVectors;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * Finds embedding models by spec: a bundled name ({@code all-MiniLM-L6-v2}), an HF model folder, a cached HF repo
 * id ({@code org/name}), or a file: {@code .safetensors} or {@code .npy} (paired with the tokenizer.json next to
 * it), GloVe / word2vec text ({@code .txt}, {@code .vec}). Model names stay distinct from tokenizer names: the
 * tokenizer {@code bert-base-uncased} is not a model. Models are not cached: they own mappings, and the caller
 * closes them.
 */
public final class EmbeddingModels {
    private final TokenizerRegistry tokenizers;
    private final Path hfHub;

    public EmbeddingModels() {
        this(new TokenizerRegistry());
    }

    /** Repo ids are looked up in the HF cache the environment names ({@link HfCache#hubFolder}). */
    public EmbeddingModels(TokenizerRegistry tokenizers) {
        this(tokenizers, HfCache.hubFolder(System.getenv(), System.getProperty("user.home")));
    }

    public EmbeddingModels(TokenizerRegistry tokenizers, Path hfHub) {
        this.tokenizers = tokenizers;
        this.hfHub = hfHub;
    }

    /** The canonical bundled name for a name or alias (case-insensitive), or null. */
    public static String bundledName(String spec) {
        return spec.equalsIgnoreCase(BundledMiniLm.NAME) || spec.equalsIgnoreCase("minilm") ? BundledMiniLm.NAME : null;
    }

    /** Bundled model names; each also answers to lower case and to {@code minilm}. */
    public static List<String> bundled() {
        return List.of(BundledMiniLm.NAME);
    }

    /**
     * Load a model.
     *
     * @throws EmbeddingException with a one-line message if the spec names nothing loadable
     */
    public EmbeddingModel load(String spec) {
        if (bundledName(spec) != null) {
            return BundledMiniLm.load(tokenizers);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return HfModelFolder.load(path, tokenizers);
        }
        if (Files.isRegularFile(path)) {
            return loadFile(path);
        }
        if (spec.matches("[\\w.-]+/[\\w.-]+")) {
            Path cached = HfCache.find(hfHub, spec);
            if (cached != null) {
                return HfModelFolder.load(cached, tokenizers);
            }
        }
        throw new EmbeddingException("unknown model '" + spec + "': not a bundled name (" + String.join(", ", bundled())
                + "), a model folder, a file, or a repo in the local Hugging Face cache");
    }

    private EmbeddingModel loadFile(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (PickleRefusal.isPickleCheckpoint(file)) {
            throw PickleRefusal.refuse(file);
        }
        if (n.endsWith(".txt") || n.endsWith(".vec")) {
            return TextVectors.load(file);
        }
        if (n.endsWith(".safetensors") || n.endsWith(".npy")) {
            Path folder = file.toAbsolutePath().getParent();
            if (n.endsWith(".safetensors") && folder != null && Files.isRegularFile(folder.resolve("tokenizer.json"))) {
                return HfModelFolder.load(folder, tokenizers);
            }
            return withTokenizer(file, NpyFile.open(file), folder);
        }
        throw new EmbeddingException(file + ": unknown embedding file type (expected a model folder, .safetensors,"
                + " .npy, or GloVe/word2vec .txt/.vec)");
    }

    private EmbeddingModel withTokenizer(Path file, EmbeddingMatrix matrix, Path folder) {
        if (folder == null || !Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            matrix.close();
            throw new EmbeddingException(file + ": no tokenizer.json next to it to give its rows meaning");
        }
        try {
            Tokenizer tokenizer = tokenizers.load(folder.resolve("tokenizer.json").toString());
            if (matrix.rows() < tokenizer.vocabSize()) {
                throw new EmbeddingException(file + " has " + matrix.rows() + " rows but the tokenizer has "
                        + tokenizer.vocabSize() + " ids");
            }
            return new EmbeddingModel(String.valueOf(file.getFileName()), tokenizer, matrix, null, false, null);
        } catch (TokenizerException | EmbeddingException e) {
            matrix.close();
            throw e instanceof EmbeddingException ee ? ee : new EmbeddingException(e.getMessage(), e);
        }
    }
}
