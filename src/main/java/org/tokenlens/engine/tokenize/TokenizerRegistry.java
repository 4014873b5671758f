package org.tokenlens.engine.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tokenlens.engine.tokenize.io.TokenizerJsonLoader;
import org.tokenlens.engine.tokenize.model.tiktoken.TiktokenTokenizer;

/**
 * Finds tokenizers by name or path: the bundled ones (real vocabularies shipped in packages on the class path)
 * and any tokenizer.json, folder holding one, or {@code .tiktoken} file. Loaded tokenizers are cached per spec.
 */
public final class TokenizerRegistry {

    /** Resource inside the langchain4j all-MiniLM-L6-v2 jar: bert-base-uncased WordPiece, 30,522 pieces. */
    static final String MINILM_TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    /** Bundled names, each with its aliases; the first name is canonical. */
    private static final Map<String, List<String>> BUNDLED = new LinkedHashMap<>();

    static {
        BUNDLED.put("bert-base-uncased", List.of("distilbert-base-uncased", "all-MiniLM-L6-v2"));
        BUNDLED.put("gpt2", List.of("r50k_base"));
        BUNDLED.put("p50k_base", List.of());
        BUNDLED.put("cl100k_base", List.of());
        BUNDLED.put("o200k_base", List.of());
    }

    private final Map<String, Tokenizer> cache = new ConcurrentHashMap<>();

    /** Canonical bundled names with their aliases, in display order. */
    public static Map<String, List<String>> bundled() {
        return java.util.Collections.unmodifiableMap(BUNDLED);
    }

    /** The canonical bundled name for a name or alias (case-insensitive), or null. */
    public static String canonicalName(String spec) {
        for (Map.Entry<String, List<String>> e : BUNDLED.entrySet()) {
            if (e.getKey().equalsIgnoreCase(spec)) {
                return e.getKey();
            }
            for (String alias : e.getValue()) {
                if (alias.equalsIgnoreCase(spec)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /**
     * Load a tokenizer: a bundled name or alias, a tokenizer.json file, a folder holding tokenizer.json, or a
     * {@code .tiktoken} file.
     *
     * @throws TokenizerException with a one-line message if the spec names nothing loadable
     */
    public Tokenizer load(String spec) {
        return cache.computeIfAbsent(spec, this::loadUncached);
    }

    private Tokenizer loadUncached(String spec) {
        String canonical = canonicalName(spec);
        if (canonical != null) {
            return loadBundled(canonical);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            Path json = path.resolve("tokenizer.json");
            if (!Files.isRegularFile(json)) {
                throw new TokenizerException("no tokenizer.json in folder " + path);
            }
            return TokenizerJsonLoader.load(json);
        }
        if (Files.isRegularFile(path)) {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tiktoken")) {
                return TiktokenTokenizer.fromFile(path);
            }
            return TokenizerJsonLoader.load(path);
        }
        throw new TokenizerException("unknown tokenizer '" + spec + "': not a bundled name ("
                + String.join(", ", BUNDLED.keySet()) + ") and no such file or folder");
    }

    private static Tokenizer loadBundled(String name) {
        if (name.equals("bert-base-uncased")) {
            try (InputStream in = TokenizerRegistry.class.getResourceAsStream(MINILM_TOKENIZER_RESOURCE)) {
                if (in == null) {
                    throw new TokenizerException("bundled bert-base-uncased is missing: "
                            + MINILM_TOKENIZER_RESOURCE + " not on the class path");
                }
                return TokenizerJsonLoader.load(in, name, "bundled " + name);
            } catch (IOException e) {
                throw new TokenizerException("cannot read bundled " + name + ": " + e.getMessage(), e);
            }
        }
        return TiktokenTokenizer.bundled(name.equals("gpt2") ? "r50k_base" : name);
    }
}
