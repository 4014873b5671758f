package org.tokenlens.testing;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference implementation for tokenizer.json files: HF {@code tokenizers} (Rust) through DJL's JNI binding,
 * which ships its native library inside the jar and needs no network.
 *
 * <p>Loaded from the JSON text only (never DJL's folder loader) so that no tokenizer_config.json is picked up:
 * that would turn on DJL's own Java-side lowercasing, accent stripping, prefix space and clean-up of decoded text,
 * none of which are part of HF tokenizers. Truncation and padding stored in the file are switched off, because
 * tests compare whole encodings.
 */
public final class HfOracle implements AutoCloseable {

    static {
        // Also set by the pom for every test JVM; repeated here for runs outside Maven. Offline mode makes DJL take
        // the CPU native library from its jar instead of downloading a GPU flavour, and skips its telemetry call.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private static final Map<Path, HfOracle> SHARED = new ConcurrentHashMap<>();

    private final HuggingFaceTokenizer tokenizer;
    private final String name;
    private final boolean shared;

    private HfOracle(HuggingFaceTokenizer tokenizer, String name, boolean shared) {
        this.tokenizer = tokenizer;
        this.name = name;
        this.shared = shared;
    }

    /** Load a tokenizer.json file (or a folder holding one). Close it when done. */
    public static HfOracle load(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        try (InputStream in = Files.newInputStream(file)) {
            return new HfOracle(create(in), file.toString(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("HfOracle cannot read " + file, e);
        }
    }

    /** Load tokenizer.json content given as a string (hand-written cases in tests). Close it when done. */
    public static HfOracle fromJson(String json) {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return new HfOracle(create(in), "<json string>", false);
        } catch (IOException e) {
            throw new UncheckedIOException("HfOracle cannot parse the given tokenizer.json string", e);
        }
    }

    /** Load a class-path resource such as {@code /all-minilm-l6-v2-tokenizer.json}. Close it when done. */
    public static HfOracle fromResource(String resource) {
        try (InputStream in = HfOracle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("HfOracle: class-path resource " + resource + " not found");
            }
            return new HfOracle(create(in), resource, false);
        } catch (IOException e) {
            throw new UncheckedIOException("HfOracle cannot read resource " + resource, e);
        }
    }

    /**
     * One instance per file for the whole test JVM: the large fixtures take a second or more to load, and many
     * test classes compare against them. {@link #close()} on a shared instance does nothing.
     */
    public static HfOracle shared(Path path) {
        Path key = path.toAbsolutePath().normalize();
        return SHARED.computeIfAbsent(key, p -> {
            HfOracle own = load(p);
            return new HfOracle(own.tokenizer, own.name, true);
        });
    }

    private static HuggingFaceTokenizer create(InputStream in) throws IOException {
        // truncation/padding "false" overrides what the file asks for; addSpecialTokens is passed per call
        return HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "false", "padding", "false"));
    }

    /**
     * Encode as HF's {@code Tokenizer::encode_char_offsets(text, addSpecialTokens)} and convert the code-point
     * offsets DJL reports to UTF-16 units. A token without a span (DJL gives a null span for tokens outside the
     * input sequence, i.e. those a post-processor inserted) gets {@code -1/-1}.
     *
     * @throws IllegalArgumentException if {@code text} holds a lone surrogate: it cannot cross JNI unchanged
     */
    public OracleEncoding encode(String text, boolean addSpecialTokens) {
        int[] cpToUtf16 = codePointToUtf16(text);
        Encoding e = tokenizer.encode(text, addSpecialTokens, false);
        long[] ids = e.getIds();
        long[] mask = e.getSpecialTokenMask();
        long[] words = e.getWordIds();
        CharSpan[] spans = e.getCharTokenSpans();
        int n = ids.length;
        int[] outIds = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] special = new boolean[n];
        int[] wordIds = new int[n];
        for (int i = 0; i < n; i++) {
            outIds[i] = Math.toIntExact(ids[i]);
            special[i] = mask[i] != 0;
            wordIds[i] = (int) words[i];
            CharSpan span = spans[i];
            if (span == null) {
                starts[i] = -1;
                ends[i] = -1;
            } else {
                starts[i] = cpToUtf16[span.getStart()];
                ends[i] = cpToUtf16[span.getEnd()];
            }
        }
        return new OracleEncoding(text, outIds, e.getTokens(), starts, ends, special, wordIds);
    }

    /** Decode as HF's {@code Tokenizer::decode(ids, skipSpecial)} (no clean-up of spaces). */
    public String decode(int[] ids, boolean skipSpecial) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, skipSpecial);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!shared) {
            tokenizer.close();
        }
    }

    /** Index {@code k} holds the UTF-16 offset of code point {@code k}; the last entry is {@code text.length()}. */
    static int[] codePointToUtf16(String text) {
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                map[cp++] = i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("HfOracle: lone surrogate U+" + Integer.toHexString(c)
                        + " at index " + i + " cannot be passed to HF tokenizers unchanged");
            } else {
                map[cp++] = i;
            }
        }
        map[cp] = text.length();
        return map;
    }
}
