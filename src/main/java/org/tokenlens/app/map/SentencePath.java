package org.tokenlens.app.map;

import java.util.Arrays;

/**
 * The typed sentence as a walk through the map: point ids in token order, each with the text to label it by
 * (the chip's text, so the map reads like the tokenization view). A label may be null: the map's own label is
 * used. Ids absent from the map are skipped when drawing.
 */
public record SentencePath(int[] ids, String[] labels) {
    private static final SentencePath EMPTY = new SentencePath(new int[0], new String[0]);

    public SentencePath {
        if (labels.length != ids.length) {
            throw new IllegalArgumentException("one label per id: " + ids.length + " ids, " + labels.length + " labels");
        }
        ids = ids.clone();
        labels = labels.clone();
    }

    public static SentencePath of(int... ids) {
        return new SentencePath(ids, new String[ids.length]);
    }

    public static SentencePath empty() {
        return EMPTY;
    }

    public int size() {
        return ids.length;
    }

    public int id(int k) {
        return ids[k];
    }

    /** The label for step k, or null to use the map's. */
    public String label(int k) {
        return labels[k];
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public String[] labels() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SentencePath p && Arrays.equals(ids, p.ids) && Arrays.equals(labels, p.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "SentencePath" + Arrays.toString(ids);
    }
}
