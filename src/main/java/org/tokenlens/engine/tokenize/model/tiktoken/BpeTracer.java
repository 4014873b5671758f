package org.tokenlens.engine.tokenize.model.tiktoken;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.Trace;

/**
 * Replays {@link BytePairMerger}'s merge order on one piece for teaching: the byte-level symbols of each byte, then
 * every merge (lowest rank first, leftmost on ties) with the symbols after it. Quadratic in the piece length (each
 * step lists all symbols), which is fine for words and the reason it is not the encoder.
 */
final class BpeTracer {
    private BpeTracer() {
    }

    static Trace.Bpe trace(RankTable ranks, byte[] piece) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i <= piece.length; i++) {
            starts.add(i);
        }
        List<String> initial = symbols(piece, starts);
        List<Trace.Merge> merges = new ArrayList<>();
        while (starts.size() > 2) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 2 < starts.size(); i++) {
                int r = ranks.rank(piece, starts.get(i), starts.get(i + 2));
                if (r != RankTable.NONE && r < bestRank) {
                    bestRank = r;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            String left = ByteLevelAlphabet.piece(piece, starts.get(best), starts.get(best + 1));
            String right = ByteLevelAlphabet.piece(piece, starts.get(best + 1), starts.get(best + 2));
            starts.remove(best + 1);
            merges.add(new Trace.Merge(left, right, bestRank, left + right, bestRank, best, symbols(piece, starts)));
        }
        return new Trace.Bpe(ByteLevelAlphabet.piece(piece), initial, merges);
    }

    private static List<String> symbols(byte[] piece, List<Integer> starts) {
        List<String> out = new ArrayList<>(starts.size() - 1);
        for (int i = 0; i + 1 < starts.size(); i++) {
            out.add(ByteLevelAlphabet.piece(piece, starts.get(i), starts.get(i + 1)));
        }
        return out;
    }

    /** UTF-8 as the encoder produces it: a lone surrogate becomes U+FFFD (tiktoken's Python wrapper does the same). */
    static byte[] utf8(String s) {
        StringBuilder fixed = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (fixed != null) {
                    fixed.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(s.substring(0, i));
                }
                fixed.append('\uFFFD');
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return (fixed == null ? s : fixed.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
