package org.tokenlens.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.model.tiktoken.TiktokenTokenizer;

/**
 * Throughput of our tiktoken encoder (full {@code encode}: ids, pieces, bytes, offsets) against jtokkit's
 * {@code encodeOrdinary} (ids only) on the same ≥20 MB of mixed text, cl100k and o200k, in one run. The text is
 * encoded in chunks of a few KB, as an editor or a batch job would call it.
 * Run: {@code java -cp $(cat cp.txt):BUILD/classes:BUILD/test-classes org.tokenlens.bench.TiktokenBench}
 */
public final class TiktokenBench {
    private static final String[] PARAGRAPHS = {
        "The quick brown fox jumps over the lazy dog. It's 12:45 and we'll be there by 3 o'clock, won't we? ",
        "Crème brûlée, naïve façade, Ångström — São Paulo & Łódź; Dvořák's 9th symphony (1893). ",
        "Съешь же ещё этих мягких французских булок, да выпей же чаю. Москва 2024 год. ",
        "Γαζέες καὶ μυρτιὲς δὲν θὰ βρῶ πιὰ στὸ χρυσαφὶ ξέφωτο. ",
        "العربية لغة جميلة وهي لغة القرآن الكريم. עברית היא שפה שמית. ",
        "हिन्दी भारत की राजभाषा है। ภาษาไทยเป็นภาษาที่สวยงาม ",
        "日本語のテキストと中文文本，还有한국어 텍스트도 있습니다。東京タワーは高い。",
        "public static int sum(int[] xs) {\n\tint s = 0;\n\tfor (int x : xs) { s += x; }\n\treturn s;\n}\n",
        "def f(x):\n    return {\"a\": x ** 2, 'b': [1, 2, 3]}  # comment\n\n",
        "👋🏽 Hello! 👨‍👩‍👧‍👦 family 🇩🇪🇫🇷 flags ❤️ 1234567890 3.14159 $1,000,000.00\r\n",
        "<div class=\"main\"><a href=\"https://example.com/path?q=1&r=2\">link</a></div>\n",
    };

    private TiktokenBench() {
    }

    public static void main(String[] args) {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> chunks = corpus(megabytes * 1_000_000L);
        long bytes = 0;
        for (String c : chunks) {
            bytes += c.getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf("corpus: %d chunks, %.1f MB UTF-8%n", chunks.size(), bytes / 1e6);
        EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
        System.out.printf("%-12s %12s %12s %8s%n", "encoding", "ours MB/s", "jtokkit MB/s", "ratio");
        for (String name : new String[] {"cl100k_base", "o200k_base"}) {
            Tokenizer ours = TiktokenTokenizer.bundled(name);
            com.knuddels.jtokkit.api.Encoding ref = registry.getEncoding(
                    name.equals("cl100k_base") ? EncodingType.CL100K_BASE : EncodingType.O200K_BASE);
            long check = 0;
            for (int round = 0; round < 2; round++) { // warm-up on the first round
                check += runOurs(ours, chunks) + runJtokkit(ref, chunks);
            }
            double oursBest = 0;
            double refBest = 0;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                long a = runOurs(ours, chunks);
                long t1 = System.nanoTime();
                long b = runJtokkit(ref, chunks);
                long t2 = System.nanoTime();
                if (a != b) {
                    throw new IllegalStateException(name + ": token counts differ: " + a + " vs " + b);
                }
                oursBest = Math.max(oursBest, bytes / 1e6 / ((t1 - t0) / 1e9));
                refBest = Math.max(refBest, bytes / 1e6 / ((t2 - t1) / 1e9));
                check += a;
            }
            System.out.printf("%-12s %12.1f %12.1f %7.2fx   (check %d)%n", name, oursBest, refBest,
                    oursBest / refBest, check);
        }
    }

    private static long runOurs(Tokenizer t, List<String> chunks) {
        long n = 0;
        for (String c : chunks) {
            n += t.encode(c).size();
        }
        return n;
    }

    private static long runJtokkit(com.knuddels.jtokkit.api.Encoding e, List<String> chunks) {
        long n = 0;
        for (String c : chunks) {
            n += e.encodeOrdinary(c).size();
        }
        return n;
    }

    /** Paragraphs in seeded random order with seeded variation (numbers, case, a random word), in ~4 KB chunks. */
    static List<String> corpus(long targetBytes) {
        SplittableRandom rnd = new SplittableRandom(2024);
        List<String> chunks = new ArrayList<>();
        long total = 0;
        StringBuilder sb = new StringBuilder();
        while (total < targetBytes) {
            String p = PARAGRAPHS[rnd.nextInt(PARAGRAPHS.length)];
            switch (rnd.nextInt(4)) {
                case 0 -> p = p.toUpperCase(java.util.Locale.ROOT);
                case 1 -> p = p.replace("1", Integer.toString(rnd.nextInt(100_000)));
                default -> { }
            }
            sb.append(p);
            for (int i = rnd.nextInt(4); i > 0; i--) {
                sb.append((char) ('a' + rnd.nextInt(26)));
            }
            sb.append(' ');
            if (sb.length() > 4000) {
                String c = sb.toString();
                chunks.add(c);
                total += c.getBytes(StandardCharsets.UTF_8).length;
                sb.setLength(0);
            }
        }
        return chunks;
    }
}
