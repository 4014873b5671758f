package org.tokenlens.engine.tokenize.model.unigram;

import java.util.Arrays;
import org.tokenlens.engine.tokenize.model.bpe.LongIntMap;

/**
 * Trie of vocabulary pieces over UTF-16 units, for the "all pieces starting here" search of the Viterbi. HF's trie
 * walks UTF-8 bytes; since every piece is whole text, both find the same pieces, shortest first.
 */
final class PieceTrie {
    static final int ROOT = 0;
    private final LongIntMap children;
    private int[] pieceAt;
    private int nodes = 1;

    PieceTrie(int pieces) {
        children = new LongIntMap(pieces * 4);
        pieceAt = new int[Math.max(16, pieces * 2)];
        Arrays.fill(pieceAt, -1);
    }

    void add(String piece, int id) {
        int node = ROOT;
        for (int i = 0; i < piece.length(); i++) {
            long key = LongIntMap.pair(node, piece.charAt(i));
            int next = children.get(key);
            if (next < 0) {
                next = nodes++;
                if (next == pieceAt.length) {
                    int old = pieceAt.length;
                    pieceAt = Arrays.copyOf(pieceAt, old * 2);
                    Arrays.fill(pieceAt, old, pieceAt.length, -1);
                }
                children.put(key, next);
            }
            node = next;
        }
        pieceAt[node] = id;
    }

    int child(int node, char c) {
        return children.get(LongIntMap.pair(node, c));
    }

    /** Id of the piece ending at this node, or -1. */
    int piece(int node) {
        return pieceAt[node];
    }

    /** Id of {@code s[from, to)} as a whole piece, or -1. */
    int find(String s, int from, int to) {
        int node = ROOT;
        for (int i = from; i < to && node >= 0; i++) {
            node = child(node, s.charAt(i));
        }
        return node < 0 ? -1 : pieceAt[node];
    }
}
