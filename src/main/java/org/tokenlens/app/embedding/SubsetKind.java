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

    @Override
    public String toString() {
        return label;
    }
}
