package org.tokenlens.engine.tokenize.model.tiktoken;

import java.util.Arrays;

/**
 * Mergeable ranks: token bytes to rank (= id) and back. Lookups take a slice of a byte array and allocate nothing:
 * tokens of up to 7 bytes are packed into a {@code long} key (bytes plus length) in one open-addressing table,
 * longer ones hashed into a second table whose hits are confirmed by comparing bytes.
 */
final class RankTable {
    static final int NONE = -1;
    private static final int SHORT_MAX = 7;

    private final byte[][] bytesById;
    private final int size;
    /** Key at {@code 2 * slot}, id at {@code 2 * slot + 1}: one cache line per probe. */
    private final long[] shortSlots;
    private final int shortMask;
    private final int[] longIds;
    private final int longMask;
    /** Rank of every two-byte token, indexed by {@code first << 8 | second}: the first lookups of every merge. */
    private final int[] pairRanks = new int[1 << 16];
    private final int[] byteRanks = new int[256];

    /** @param bytesById token bytes indexed by rank, null where no token has that rank */
    RankTable(byte[][] bytesById) {
        this.bytesById = bytesById;
        int n = 0;
        int nLong = 0;
        for (byte[] b : bytesById) {
            if (b != null) {
                n++;
                if (b.length > SHORT_MAX) {
                    nLong++;
                }
            }
        }
        this.size = n;
        int cap = tableSize(n - nLong);
        shortSlots = new long[2 * cap];
        shortMask = cap - 1;
        int longCap = tableSize(nLong);
        longIds = new int[longCap];
        Arrays.fill(longIds, NONE);
        longMask = longCap - 1;
        Arrays.fill(pairRanks, NONE);
        Arrays.fill(byteRanks, NONE);
        for (int id = 0; id < bytesById.length; id++) {
            byte[] b = bytesById[id];
            if (b != null && b.length == 1) {
                byteRanks[b[0] & 0xFF] = id;
            } else if (b != null && b.length == 2) {
                pairRanks[(b[0] & 0xFF) << 8 | (b[1] & 0xFF)] = id;
            }
            if (b != null && b.length <= SHORT_MAX) {
                long key = pack(b, 0, b.length);
                int slot = mix(key) & shortMask;
                while (shortSlots[2 * slot] != 0) {
                    slot = (slot + 1) & shortMask;
                }
                shortSlots[2 * slot] = key;
                shortSlots[2 * slot + 1] = id;
            } else if (b != null) {
                int slot = hash(b, 0, b.length) & longMask;
                while (longIds[slot] != NONE) {
                    slot = (slot + 1) & longMask;
                }
                longIds[slot] = id;
            }
        }
    }

    /** Number of tokens with a rank. */
    int size() {
        return size;
    }

    /** One more than the largest rank. */
    int idLimit() {
        return bytesById.length;
    }

    /** The token bytes of a rank (shared, do not modify), or null. */
    byte[] bytes(int id) {
        return id >= 0 && id < bytesById.length ? bytesById[id] : null;
    }

    /** Rank of the single byte {@code b}, or {@link #NONE}. */
    int byteRank(byte b) {
        return byteRanks[b & 0xFF];
    }

    /** Rank of the two bytes {@code b[i], b[i + 1]}, or {@link #NONE}. */
    int pairRank(byte[] b, int i) {
        return pairRanks[(b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF)];
    }

    /** Rank of {@code b[from, to)}, or {@link #NONE}. */
    int rank(byte[] b, int from, int to) {
        int len = to - from;
        if (len <= SHORT_MAX) {
            long key = pack(b, from, to);
            int slot = mix(key) & shortMask;
            long[] t = shortSlots;
            long k;
            while ((k = t[2 * slot]) != 0) {
                if (k == key) {
                    return (int) t[2 * slot + 1];
                }
                slot = (slot + 1) & shortMask;
            }
            return NONE;
        }
        int slot = hash(b, from, to) & longMask;
        int id;
        while ((id = longIds[slot]) != NONE) {
            byte[] t = bytesById[id];
            if (t.length == len && Arrays.equals(t, 0, len, b, from, to)) {
                return id;
            }
            slot = (slot + 1) & longMask;
        }
        return NONE;
    }

    private static long pack(byte[] b, int from, int to) {
        long key = (long) (to - from) << 56;
        for (int i = from, shift = 0; i < to; i++, shift += 8) {
            key |= (b[i] & 0xFFL) << shift;
        }
        return key;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }

    private static int hash(byte[] b, int from, int to) {
        long h = 0xCBF29CE484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001B3L;
        }
        return mix(h);
    }

    private static int tableSize(int n) {
        int cap = 16;
        while (cap < n * 2) {
            cap <<= 1;
        }
        return cap;
    }
}
