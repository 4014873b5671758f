package org.tokenlens.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.engine.tokenize.io.TokenizerJsonLoader;
import org.tokenlens.testing.Fixtures;

/**
 * tokenizer.json pipelines against HF tokenizers (Rust, through DJL) in one run: encode throughput on the same
 * ≥20 MB of mixed text in ~4 KB chunks (both sides compute ids, pieces and offsets), and load time of the large
 * tokenizer.json files (fresh load each time, best of several). Token counts are checked equal.
 */
public final class HfBench {
    static {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private HfBench() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> chunks = TiktokenBench.corpus(megabytes * 1_000_000L);
        long bytes = 0;
        for (String c : chunks) {
            bytes += c.getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf("corpus: %d chunks, %.1f MB UTF-8%n", chunks.size(), bytes / 1e6);
        System.out.printf("%-20s %12s %12s %8s%n", "encode", "ours MB/s", "DJL MB/s", "ratio");
        encode("bert-base-uncased", new TokenizerRegistry().load("bert-base-uncased"),
                djl(TokenizerRegistry.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")), chunks, bytes);
        Path llama = Fixtures.tokenizerJson("llama3");
        encode("llama3", TokenizerJsonLoader.load(llama), djl(Files.newInputStream(llama)), chunks, bytes);

        System.out.printf("%n%-20s %12s %12s %8s%n", "load tokenizer.json", "ours s", "DJL s", "ratio");
        for (String name : new String[] {"gemma3", "llama3"}) {
            Path file = Fixtures.tokenizerJson(name);
            double ours = Double.MAX_VALUE;
            double ref = Double.MAX_VALUE;
            for (int round = 0; round < 4; round++) {
                System.gc();
                long t0 = System.nanoTime();
                Tokenizer t = TokenizerJsonLoader.load(file);
                long t1 = System.nanoTime();
                System.gc();
                long t2 = System.nanoTime();
                try (HuggingFaceTokenizer d = djl(Files.newInputStream(file))) {
                    long t3 = System.nanoTime();
                    if (t.encode("warm").size() != d.encode("warm").getIds().length) {
                        throw new IllegalStateException(name + ": encodings differ");
                    }
                    if (round > 0) { // the first round warms up the JIT for our loader
                        ours = Math.min(ours, (t1 - t0) / 1e9);
                        ref = Math.min(ref, (t3 - t2) / 1e9);
                    }
                }
            }
            System.out.printf("%-20s %12.3f %12.3f %7.2fx%n", name, ours, ref, ours / ref);
        }
    }

    private static HuggingFaceTokenizer djl(InputStream in) throws Exception {
        try (in) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "false", "padding", "false"));
        }
    }

    private static void encode(String name, Tokenizer ours, HuggingFaceTokenizer ref, List<String> chunks,
                               long bytes) {
        double oursBest = 0;
        double refBest = 0;
        for (int round = 0; round < 4; round++) {
            long t0 = System.nanoTime();
            long a = 0;
            for (String c : chunks) {
                a += ours.encode(c).size();
            }
            long t1 = System.nanoTime();
            long b = 0;
            for (String c : chunks) {
                b += ref.encode(c, true, false).getIds().length;
            }
            long t2 = System.nanoTime();
            if (a != b) {
                throw new IllegalStateException(name + ": token counts differ: " + a + " vs " + b);
            }
            if (round > 0) {
                oursBest = Math.max(oursBest, bytes / 1e6 / ((t1 - t0) / 1e9));
                refBest = Math.max(refBest, bytes / 1e6 / ((t2 - t1) / 1e9));
            }
        }
        System.out.printf("%-20s %12.1f %12.1f %7.2fx%n", name, oursBest, refBest, oursBest / refBest);
        ref.close();
    }
}
