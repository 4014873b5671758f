package org.tokenlens.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real tokenizer.json files for tests. They are fetched (never committed) by {@code .ci/fixtures.sh}, which Maven
 * runs in generate-test-resources, into the folder named by the {@code tokenlens.fixtures} system property.
 * A missing fixture is an error, never a reason to skip: a skipped oracle test proves nothing.
 */
public final class Fixtures {

    /** The fetched real tokenizers: byte-level BPE (llama3, qwen3, gpt4o) and SentencePiece-style BPE (gemma3). */
    public static final List<String> NAMES = List.of("llama3", "qwen3", "gemma3", "gpt4o");

    /** Bundled bert-base-uncased WordPiece tokenizer, from the langchain4j all-MiniLM-L6-v2 jar. */
    public static final String BERT_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private Fixtures() {
    }

    /** The folder holding the fetched fixtures. */
    public static Path dir() {
        String prop = System.getProperty("tokenlens.fixtures");
        // outside Maven (an IDE run) fall back to where the pom puts them
        return Path.of(prop != null && !prop.isBlank() ? prop : "target/fixtures");
    }

    /**
     * Path of {@code NAME/tokenizer.json} among the fetched fixtures.
     *
     * @throws IllegalStateException if it is not there, naming the script that fetches it
     */
    public static Path tokenizerJson(String name) {
        Path file = dir().resolve(name).resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test fixture " + file + " is missing: run `bash .ci/fixtures.sh "
                    + dir() + "` (Maven does so in generate-test-resources unless -Dfixtures.skip is set)"
                    + (System.getProperty("tokenlens.fixtures") == null
                            ? "; system property tokenlens.fixtures is not set" : ""));
        }
        return file;
    }

    private static Path wholeEncoding;

    /**
     * A real vocabulary in a pipeline no incremental re-encoding takes: Qwen 3's tokenizer.json with NFKC instead
     * of NFC before its byte-level split (NFKC declares no cuts), written once to a temporary file. For the tests
     * of what happens to such a tokenizer: whole encodes, on a worker.
     */
    public static synchronized Path wholeEncodingTokenizerJson() {
        if (wholeEncoding == null) {
            try {
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                        tokenizerJson("qwen3").toFile());
                root.putObject("normalizer").put("type", "NFKC");
                Path dir = Files.createTempDirectory("tokenlens-nfkc");
                Path file = dir.resolve("tokenizer.json");
                mapper.writeValue(file.toFile(), root);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                wholeEncoding = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return wholeEncoding;
    }

    /** A class-path resource under src/test/resources/fixtures/, e.g. {@code unigram-tiny/tokenizer.json}. */
    public static String handBuilt(String relative) {
        return resourceText("/fixtures/" + relative);
    }

    /** The bundled bert-base-uncased tokenizer.json as text. */
    public static String bertJson() {
        return resourceText(BERT_RESOURCE);
    }

    static String resourceText(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + resource + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + resource, e);
        }
    }
}
