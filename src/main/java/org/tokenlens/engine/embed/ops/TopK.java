package org.tokenlens.engine.embed.ops;

/**
 * The k best (key, id) pairs seen so far, in a bounded binary min-heap on primitive arrays: the root is the worst
 * kept pair, so most candidates of a scan are rejected by one comparison. "Better" is a higher key, and among
 * equal keys the lower id, which makes results independent of scan order and thread split. NaN keys are worst.
 */
final class TopK {
    private final float[] keys;
    private final int[] ids;
    private int size;

    TopK(int k) {
        keys = new float[k];
        ids = new int[k];
    }

    int capacity() {
        return keys.length;
    }

    int size() {
        return size;
    }

    /** Whether (key, id) would be kept; cheap enough to call before any other per-candidate work. */
    boolean accepts(float key, int id) {
        return size < keys.length || keys.length > 0 && better(key, id, keys[0], ids[0]);
    }

    void offer(float key, int id) {
        if (key != key) {
            key = Float.NEGATIVE_INFINITY;
        }
        if (size < keys.length) {
            int i = size++;
            keys[i] = key;
            ids[i] = id;
            siftUp(i);
        } else if (keys.length > 0 && better(key, id, keys[0], ids[0])) {
            keys[0] = key;
            ids[0] = id;
            siftDown(0);
        }
    }

    /** Offer everything another heap holds (merging per-thread results). */
    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.keys[i], other.ids[i]);
        }
    }

    /** Ids best first; empties the heap. */
    int[] drainIds(float[] keysOut) {
        int n = size;
        int[] outIds = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            outIds[i] = ids[0];
            if (keysOut != null) {
                keysOut[i] = keys[0];
            }
            size--;
            keys[0] = keys[size];
            ids[0] = ids[size];
            siftDown(0);
        }
        return outIds;
    }

    static boolean better(float keyA, int idA, float keyB, int idB) {
        return keyA > keyB || (keyA == keyB && idA < idB);
    }

    private void siftUp(int i) {
        float key = keys[i];
        int id = ids[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(keys[parent], ids[parent], key, id)) {
                break;
            }
            keys[i] = keys[parent];
            ids[i] = ids[parent];
            i = parent;
        }
        keys[i] = key;
        ids[i] = id;
    }

    private void siftDown(int i) {
        float key = keys[i];
        int id = ids[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && better(keys[child], ids[child], keys[right], ids[right])) {
                child = right;
            }
            if (!better(key, id, keys[child], ids[child])) {
                break;
            }
            keys[i] = keys[child];
            ids[i] = ids[child];
            i = child;
        }
        if (size > 0) {
            keys[i] = key;
            ids[i] = id;
        }
    }
}
