package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.testing.Corpus;

/**
 * Throughput of the split patterns: hand-written scanner against the general java.util.regex path, on the corpus
 * snippets repeated. Run with {@code java -cp … org.tokenlens.engine.tokenize.pretokenize.SplitScannersBench}.
 */
public final class SplitScannersBench {
    private SplitScannersBench() {
    }

    public static void main(String[] args) {
        String text = String.join("\n", Corpus.snippets()).repeat(20);
        for (String[] p : new String[][] {{"gpt2", ByteLevelPreTokenizer.GPT2_PATTERN}, {"llama3", SplitScanners.LLAMA3},
            {"qwen2", SplitScanners.QWEN2}}) {
            OnigRegex fast = OnigRegex.compile(p[1]);
            OnigRegex general = OnigRegex.compileGeneral(p[1]);
            for (int round = 0; round < 3; round++) {
                System.out.printf("%-7s scanner %7.1f MB/s   java.util.regex %7.1f MB/s%n", p[0], speed(fast, text),
                        speed(general, text));
            }
        }
    }

    private static double speed(OnigRegex regex, String text) {
        long pieces = 0;
        long t0 = System.nanoTime();
        int reps = 10;
        for (int r = 0; r < reps; r++) {
            pieces += regex.matches(text).count();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (pieces == 42) {
            System.out.print("");
        }
        return reps * text.length() * 2 / 1e6 / seconds;
    }
}
