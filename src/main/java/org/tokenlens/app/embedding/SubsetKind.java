package org.tokenlens.app.embedding;

/** Which rows the map projects. */
public enum SubsetKind {
    ALL("whole vocabulary"),
    TOP_N("top-N ids"),
    REGEX("regex over pieces"),
    TYPED_NEIGHBOURS("typed tokens + k neighbours");

    private final String label;

    SubsetKind(String label) {
        this.label = label;
    }

    /** The subset as the status line names it, so a map of part of the vocabulary says so. */
    String describe(int topN, String regex, int k) {
        return switch (this) {
            case ALL -> "whole vocabulary";
            case TOP_N -> String.format(java.util.Locale.ROOT, "top %,d ids", topN);
            case REGEX -> "pieces matching " + regex;
            case TYPED_NEIGHBOURS -> String.format(java.util.Locale.ROOT, "typed tokens + %,d nearest each", k);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
