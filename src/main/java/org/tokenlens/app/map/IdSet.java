package org.tokenlens.app.map;

import java.util.Arrays;

/** An immutable set of point ids (selection, search matches): a sorted int array, no boxing. */
public final class IdSet {
    private static final IdSet EMPTY = new IdSet(new int[0]);

    private final int[] sorted;

    private IdSet(int[] sorted) {
        this.sorted = sorted;
    }

    public static IdSet of(int... ids) {
        if (ids.length == 0) {
            return EMPTY;
        }
        int[] s = ids.clone();
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[n++] = s[i];
            }
        }
        return new IdSet(Arrays.copyOf(s, n));
    }

    public static IdSet empty() {
        return EMPTY;
    }

    public boolean contains(int id) {
        return Arrays.binarySearch(sorted, id) >= 0;
    }

    public int size() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The ids in ascending order (a copy). */
    public int[] toArray() {
        return sorted.clone();
    }

    int get(int k) {
        return sorted[k];
    }

    public IdSet with(int id) {
        if (contains(id)) {
            return this;
        }
        int[] s = Arrays.copyOf(sorted, sorted.length + 1);
        s[sorted.length] = id;
        Arrays.sort(s);
        return new IdSet(s);
    }

    public IdSet without(int id) {
        int k = Arrays.binarySearch(sorted, id);
        if (k < 0) {
            return this;
        }
        int[] s = new int[sorted.length - 1];
        System.arraycopy(sorted, 0, s, 0, k);
        System.arraycopy(sorted, k + 1, s, k, sorted.length - k - 1);
        return new IdSet(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdSet other && Arrays.equals(sorted, other.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
