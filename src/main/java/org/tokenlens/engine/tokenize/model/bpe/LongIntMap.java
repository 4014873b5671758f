package org.tokenlens.engine.tokenize.model.bpe;

import java.util.Arrays;

/**
 * {@code long → int} open-addressing map for packed keys (a pair of ids, or a trie node and a char), so that
 * lookups on the merge and Viterbi hot paths neither box nor allocate. Values are non-negative; -1 means absent.
 */
public final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
    }

    public static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    public void put(long key, int value) {
        if (size + 1 > (mask + 1) * 3 / 4) {
            long[] oldKeys = keys;
            int[] oldValues = values;
            allocate((mask + 1) * 2);
            size = 0;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    put(oldKeys[j], oldValues[j]);
                }
            }
        }
        int i = slot(key);
        for (long k; (k = keys[i]) != EMPTY; i = (i + 1) & mask) {
            if (k == key) {
                values[i] = value;
                return;
            }
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    public int get(long key) {
        int i = slot(key);
        for (long k; (k = keys[i]) != EMPTY; i = (i + 1) & mask) {
            if (k == key) {
                return values[i];
            }
        }
        return -1;
    }

    public int size() {
        return size;
    }

    /** Whether some key satisfies {@code test}. */
    public boolean anyKey(java.util.function.LongPredicate test) {
        for (long k : keys) {
            if (k != EMPTY && test.test(k)) {
                return true;
            }
        }
        return false;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
