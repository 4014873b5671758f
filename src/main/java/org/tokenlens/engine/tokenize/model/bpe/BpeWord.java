package org.tokenlens.engine.tokenize.model.bpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tokenlens.engine.tokenize.Trace;

/**
 * The symbols of one word while BPE merges them: a doubly linked list in arrays, as HF's {@code Word}. Lengths
 * are UTF-8 bytes, as in HF, because HF's offsets are cumulative byte lengths and they drift in its corner cases
 * (an unknown char without unk token adds nothing; byte fallback counts prefix bytes). Single-threaded.
 */
final class BpeWord {
    int[] id;
    int[] len;
    private int[] prev;
    private int[] next;
    int count;

    BpeWord(int capacity) {
        id = new int[Math.max(4, capacity)];
        len = new int[id.length];
        prev = new int[id.length];
        next = new int[id.length];
    }

    void add(int symbolId, int byteLen) {
        if (count == id.length) {
            int cap = count * 2;
            id = Arrays.copyOf(id, cap);
            len = Arrays.copyOf(len, cap);
            prev = Arrays.copyOf(prev, cap);
            next = Arrays.copyOf(next, cap);
        }
        if (count > 0) {
            next[count - 1] = count;
        }
        id[count] = symbolId;
        len[count] = byteLen;
        prev[count] = count - 1;
        next[count] = -1;
        count++;
    }

    /**
     * HF's {@code Word::merge_all}: a min-heap of (rank, position); an entry is stale when the pair now at its
     * position no longer merges into the same id (HF compares the new id only, not the rank — kept as is).
     * Removed symbols get length 0 and are compacted at the end.
     *
     * @param trace if not null, receives each merge with the live symbols after it
     */
    void mergeAll(MergeTable merges, VocabMap vocab, List<Trace.Merge> trace) {
        LongHeap queue = new LongHeap(count);
        for (int i = 0; i + 1 < count; i++) {
            int rank = merges.rank(id[i], id[i + 1]);
            if (rank >= 0) {
                queue.push(((long) rank << 32) | i);
            }
        }
        while (!queue.isEmpty()) {
            long top = queue.pop();
            int rank = (int) (top >>> 32);
            int pos = (int) top;
            if (len[pos] == 0 || next[pos] == -1) {
                continue;
            }
            int right = next[pos];
            int newId = merges.newId(rank);
            int current = merges.rank(id[pos], id[right]);
            if (current < 0 || merges.newId(current) != newId) {
                continue;
            }
            int livePos = trace == null ? 0 : liveIndex(pos);
            int leftId = id[pos];
            int rightId = id[right];
            id[pos] = newId;
            len[pos] += len[right];
            next[pos] = next[right];
            len[right] = 0;
            if (next[right] > -1) {
                prev[next[right]] = pos;
            }
            if (trace != null) {
                trace.add(new Trace.Merge(vocab.token(leftId), vocab.token(rightId), rank, vocab.token(newId), newId,
                        livePos, livePieces(vocab)));
            }
            if (prev[pos] >= 0) {
                int r = merges.rank(id[prev[pos]], id[pos]);
                if (r >= 0) {
                    queue.push(((long) r << 32) | prev[pos]);
                }
            }
            if (next[pos] > -1) {
                int r = merges.rank(id[pos], id[next[pos]]);
                if (r >= 0) {
                    queue.push(((long) r << 32) | pos);
                }
            }
        }
        int w = 0;
        for (int r = 0; r < count; r++) {
            if (len[r] != 0) {
                id[w] = id[r];
                len[w] = len[r];
                w++;
            }
        }
        count = w;
    }

    private int liveIndex(int pos) {
        int index = 0;
        for (int p = prev[pos]; p >= 0; p = prev[p]) {
            index++;
        }
        return index;
    }

    List<String> livePieces(VocabMap vocab) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (len[i] != 0) {
                pieces.add(vocab.token(id[i]));
            }
        }
        return pieces;
    }

    /** Binary min-heap of packed (rank, position) keys; equal keys are interchangeable, so order among them is moot. */
    private static final class LongHeap {
        private long[] heap;
        private int size;

        LongHeap(int capacity) {
            heap = new long[Math.max(4, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(long v) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= v) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = v;
        }

        long pop() {
            long top = heap[0];
            long last = heap[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (last <= heap[child]) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }
    }
}
