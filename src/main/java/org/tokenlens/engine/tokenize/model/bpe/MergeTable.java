package org.tokenlens.engine.tokenize.model.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import org.tokenlens.engine.tokenize.TokenizerException;

/**
 * BPE merges: (left id, right id) → rank, and rank → merged id. Read from either JSON form, {@code "a b"} strings
 * or {@code ["a", "b"]} pairs, as HF's untagged {@code MergeType} (pairs tried first, then strings; mixing fails).
 * As in HF's map, a pair listed twice keeps its last rank.
 */
public final class MergeTable {
    private final LongIntMap rankOfPair;
    private final int[] newIdOfRank;

    private MergeTable(LongIntMap rankOfPair, int[] newIdOfRank) {
        this.rankOfPair = rankOfPair;
        this.newIdOfRank = newIdOfRank;
    }

    int rank(int left, int right) {
        return rankOfPair.get(LongIntMap.pair(left, right));
    }

    int newId(int rank) {
        return newIdOfRank[rank];
    }

    int size() {
        return rankOfPair.size();
    }

    /** Whether a merge has one of {@code ids} on either side. */
    boolean usesAny(java.util.BitSet ids) {
        return rankOfPair.anyKey(pair -> ids.get((int) (pair >>> 32)) || ids.get((int) pair));
    }

    /**
     * @param prefix continuing_subword_prefix or null: HF builds the merged piece as left + right without the
     *               prefix's length at its start
     */
    static MergeTable fromJson(JsonNode merges, VocabMap vocab, String prefix, String path) {
        if (merges == null || !merges.isArray()) {
            throw new TokenizerException("expected an array of merges at " + path);
        }
        int n = merges.size();
        boolean pairs = n > 0 && merges.get(0).isArray();
        String[] first = new String[n];
        String[] second = pairs ? new String[n] : null;
        for (int i = 0; i < n; i++) {
            JsonNode m = merges.get(i);
            if (pairs) {
                if (!m.isArray() || m.size() != 2 || !m.get(0).isTextual() || !m.get(1).isTextual()) {
                    throw new TokenizerException("merge must be a pair of two strings at " + path + "[" + i + "]");
                }
                first[i] = m.get(0).textValue();
                second[i] = m.get(1).textValue();
            } else {
                if (!m.isTextual()) {
                    throw new TokenizerException("merge must be a string \"a b\" at " + path + "[" + i + "]");
                }
                first[i] = m.textValue();
            }
        }
        return fromLists(first, second, n, vocab, prefix, path);
    }

    /**
     * Merges already read (by a streaming reader, or from a tree): pairs {@code first[i], second[i]}, or, when
     * {@code second} is null, strings {@code "a b"} in {@code first}.
     */
    public static MergeTable fromLists(String[] first, String[] second, int n, VocabMap vocab, String prefix,
                                       String path) {
        boolean pairs = second != null;
        LongIntMap map = new LongIntMap(n);
        int[] newIds = new int[n];
        int cut = prefix == null ? 0 : prefix.length();
        int rank = 0;
        for (int i = 0; i < n; i++) {
            String a;
            String b;
            int aFrom;
            int aTo;
            int bFrom;
            int bTo;
            if (pairs) {
                a = first[i];
                b = second[i];
                aFrom = 0;
                aTo = a.length();
                bFrom = 0;
                bTo = b.length();
            } else {
                a = first[i];
                if (a.startsWith("#version")) {
                    continue; // HF skips merges.txt headers without counting them as a rank
                }
                int space = a.indexOf(' ');
                if (space < 0 || a.indexOf(' ', space + 1) >= 0) {
                    throw new TokenizerException("merge '" + a + "' is not two pieces separated by one space at "
                            + path + "[" + i + "]");
                }
                b = a;
                aFrom = 0;
                aTo = space;
                bFrom = space + 1;
                bTo = a.length();
            }
            int left;
            int right;
            int merged;
            if (pairs) { // whole strings: their hash codes are cached or computed once
                left = vocab.get(a);
                right = vocab.get(b);
                merged = cut == 0 ? vocab.getConcat(a, b)
                        : b.length() >= cut ? vocab.get(a, 0, a.length(), b, cut, b.length()) : -1;
            } else {
                left = vocab.get(a, aFrom, aTo);
                right = vocab.get(b, bFrom, bTo);
                merged = bTo - bFrom >= cut ? vocab.get(a, aFrom, aTo, b, bFrom + cut, bTo) : -1;
            }
            if (left < 0 || right < 0 || merged < 0) {
                String missing = left < 0 ? a.substring(aFrom, aTo) : right < 0 ? b.substring(bFrom, bTo)
                        : a.substring(aFrom, aTo) + b.substring(Math.min(bTo, bFrom + cut), bTo);
                throw new TokenizerException("merge at " + path + "[" + i + "] uses '" + missing
                        + "', which is not in the vocabulary");
            }
            map.put(LongIntMap.pair(left, right), rank);
            newIds[rank] = merged;
            rank++;
        }
        return new MergeTable(map, newIds);
    }
}
