package org.tokenlens.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.Models;

/**
 * The HF model stage alone: time to parse a tokenizer.json and build its model (Gemma 3: 262k vocab, 515k merges;
 * Llama 3: 128k vocab, 280k merges), with DJL's whole-tokenizer load as a reference, and words/s of
 * {@link Model#tokenize} on a fresh model (cache filling) and a warm one.
 * Run: {@code java -cp $(cat cp.txt):BUILD/classes:BUILD/test-classes org.tokenlens.bench.ModelBench [fixtures]}
 */
public final class ModelBench {
    private static final String TEXT = "The quick brown fox jumps over the lazy dog while tokenization of "
            + "antidisestablishmentarianism continues; naïve café résumé Straße Привет мир Ελληνικά مرحبا שלום नमस्ते "
            + "日本語のテキスト 中文文本 한국어 텍스트 👋🏽 👨‍👩‍👧‍👦 🇩🇪 public static void main(String[] args) "
            + "return x**2 + y**2 # comment 1234567890 3.14159 https://example.com/path?q=1 ";

    private ModelBench() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(args.length > 0 ? args[0] : System.getProperty("tokenlens.fixtures", "target/fixtures"));
        ObjectMapper json = new ObjectMapper();
        for (String name : new String[] {"gemma3", "llama3", "qwen3"}) {
            Path file = fixtures.resolve(name).resolve("tokenizer.json");
            long parseBest = Long.MAX_VALUE;
            long buildBest = Long.MAX_VALUE;
            Model model = null;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                JsonNode root = json.readTree(Files.readAllBytes(file));
                long t1 = System.nanoTime();
                model = Models.fromJson(root.get("model"), "$.model");
                long t2 = System.nanoTime();
                parseBest = Math.min(parseBest, t1 - t0);
                buildBest = Math.min(buildBest, t2 - t1);
            }
            long djlBest = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                try (HuggingFaceTokenizer djl = HuggingFaceTokenizer.newInstance(file, Map.of())) {
                    djlBest = Math.min(djlBest, System.nanoTime() - t0);
                }
            }
            System.out.printf("%-7s parse %5d ms + build model %5d ms (best of 5); DJL whole tokenizer %5d ms%n", name,
                    parseBest / 1_000_000, buildBest / 1_000_000, djlBest / 1_000_000);
            List<String> words = words(name);
            Model fresh = Models.fromJson(json.readTree(Files.readAllBytes(file)).get("model"), "$.model");
            long t0 = System.nanoTime();
            long tokens = run(fresh, words, 1);
            long cold = System.nanoTime() - t0;
            run(model, words, 20);
            t0 = System.nanoTime();
            tokens += run(model, words, 50);
            long warm = System.nanoTime() - t0;
            System.out.printf("        %d words: first pass %.2f M words/s, warm %.2f M words/s (%d tokens)%n",
                    words.size(), words.size() / (cold / 1e3), words.size() * 50 / (warm / 1e3), tokens);
        }
    }

    private static long run(Model model, List<String> words, int rounds) {
        long n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String w : words) {
                n += model.tokenize(w).size();
            }
        }
        return n;
    }

    /** The pre-tokens each model sees for the sample text: byte-level images with Ġ, or ▁-joined for Gemma. */
    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (int copy = 0; copy < 50; copy++) {
            for (String w : (TEXT + copy).split(" ")) {
                out.add(name.equals("gemma3") ? "▁" + w : byteLevel(" " + w));
            }
        }
        return out;
    }

    private static String byteLevel(String word) {
        char[] map = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char) b : (char) next++;
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            sb.append(map[b & 0xFF]);
        }
        return sb.toString();
    }
}
