package org.tokenlens.engine.tokenize.model.tiktoken;

/**
 * tiktoken's byte-pair merge over one piece's bytes: repeatedly merge the adjacent pair whose concatenation has the
 * lowest rank (leftmost on ties) until no pair is a token. Short pieces use a flat array (cache-friendly, O(n·m));
 * long ones a heap with lazy invalidation (O(n log n)), so a 10,000-character run without a split point stays fast.
 * Both give the same split. Not thread-safe: one instance per encode call.
 */
final class BytePairMerger {
    static final int LARGE = 100;
    private static final int MAX = Integer.MAX_VALUE;

    private final RankTable ranks;
    private int[] pos = new int[64];
    private int[] rk = new int[64];
    private int[] prev = new int[0];
    private int[] end = new int[0];
    private int[] nextEnd = new int[0];
    private long[] heap = new long[0];
    /** Token boundaries of the last merge: {@code bounds[0] = 0 < … < bounds[count] = len}. */
    int[] bounds = new int[64];
    /** Token ids of the last merge, {@code ids[k]} for {@code [bounds[k], bounds[k + 1])}. */
    int[] ids = new int[64];

    BytePairMerger(RankTable ranks) {
        this.ranks = ranks;
    }

    /** Splits {@code piece[0, len)} (len ≥ 2) into tokens; returns the token count, boundaries in {@link #bounds}. */
    int merge(byte[] piece, int len) {
        return len < LARGE ? mergeSmall(piece, len) : mergeLarge(piece, len);
    }

    private void ensureBounds(int len) {
        if (bounds.length < len + 1) {
            bounds = new int[Math.max(len + 1, bounds.length * 2)];
            ids = new int[bounds.length];
        }
    }

    private int rankOrMax(byte[] b, int from, int to) {
        int r = ranks.rank(b, from, to);
        return r == RankTable.NONE ? MAX : r;
    }

    int mergeSmall(byte[] b, int len) {
        ensureBounds(len);
        if (pos.length < len + 1 || rk.length < len + 1) {
            pos = new int[len + 1];
            rk = new int[len + 1];
        }
        int[] pos = this.pos;
        int[] rk = this.rk;
        int[] ids = this.ids;
        int minRank = MAX;
        int minAt = -1;
        for (int i = 0; i < len - 1; i++) {
            int r = ranks.pairRank(b, i);
            r = r == RankTable.NONE ? MAX : r;
            pos[i] = i;
            rk[i] = r;
            ids[i] = ranks.byteRank(b[i]);
            if (r < minRank) {
                minRank = r;
                minAt = i;
            }
        }
        pos[len - 1] = len - 1;
        rk[len - 1] = MAX;
        ids[len - 1] = ranks.byteRank(b[len - 1]);
        pos[len] = len;
        rk[len] = MAX;
        int m = len + 1;
        while (minRank != MAX) {
            int i = minAt;
            ids[i] = minRank;
            // rank of part j merged with the part after it, once parts i and i+1 are one (i+1 is still in place)
            if (i > 0) {
                rk[i - 1] = i + 2 < m ? rankOrMax(b, pos[i - 1], pos[i + 2]) : MAX;
            }
            rk[i] = i + 3 < m ? rankOrMax(b, pos[i], pos[i + 3]) : MAX;
            System.arraycopy(pos, i + 2, pos, i + 1, m - i - 2);
            System.arraycopy(rk, i + 2, rk, i + 1, m - i - 2);
            System.arraycopy(ids, i + 2, ids, i + 1, m - i - 3);
            m--;
            minRank = MAX;
            for (int j = 0; j < m - 1; j++) {
                if (rk[j] < minRank) {
                    minRank = rk[j];
                    minAt = j;
                }
            }
        }
        System.arraycopy(pos, 0, bounds, 0, m);
        return m - 1;
    }

    int mergeLarge(byte[] b, int len) {
        ensureBounds(len);
        if (prev.length < len) {
            prev = new int[len];
            end = new int[len];
            nextEnd = new int[len];
            rk = new int[Math.max(rk.length, len)];
            pos = new int[Math.max(pos.length, len + 1)];
            heap = new long[len];
        }
        int[] nextRank = rk;
        int heapSize = 0;
        for (int i = 0; i < len; i++) {
            prev[i] = i - 1;
            end[i] = i + 1;
            nextEnd[i] = i + 2;
            nextRank[i] = MAX;
        }
        for (int i = 0; i < len - 1; i++) {
            int r = rankOrMax(b, i, i + 2);
            if (r != MAX) {
                nextRank[i] = r;
                heapSize = push(heapSize, r, i);
            }
        }
        while (heapSize > 0) {
            long top = heap[0];
            heapSize = pop(heapSize);
            int rank = (int) (top >>> 32);
            int left = (int) top;
            if (rank != nextRank[left]) {
                continue; // stale: this part has merged since
            }
            int right = end[left];
            int rightEnd = nextEnd[left];
            int rightNextEnd = nextEnd[right];
            end[left] = rightEnd;
            heapSize = candidate(b, len, heapSize, left, rightNextEnd);
            if (rightEnd < len) {
                prev[rightEnd] = left;
            }
            if (left > 0) {
                heapSize = candidate(b, len, heapSize, prev[left], rightEnd);
            }
            nextRank[right] = MAX;
        }
        int count = 0;
        for (int i = 0; i < len; i = end[i]) {
            ids[count] = ranks.rank(b, i, end[i]);
            bounds[count++] = i;
        }
        bounds[count] = len;
        return count;
    }

    /** Part {@code start} now ends where its right neighbour ends at {@code to}: queue their merge if it is a token. */
    private int candidate(byte[] b, int len, int heapSize, int start, int to) {
        nextEnd[start] = to;
        rk[start] = MAX;
        if (to <= len) {
            int r = rankOrMax(b, start, to);
            if (r != MAX) {
                rk[start] = r;
                return push(heapSize, r, start);
            }
        }
        return heapSize;
    }

    /** Min-heap of (rank, start) packed in a long: lowest rank first, then leftmost. */
    private int push(int size, int rank, int start) {
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, Math.max(16, size * 2));
        }
        long v = ((long) rank << 32) | start;
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= v) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = v;
        return size + 1;
    }

    private int pop(int size) {
        int n = size - 1;
        long v = heap[n];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= v) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (n > 0) {
            heap[i] = v;
        }
        return n;
    }
}
