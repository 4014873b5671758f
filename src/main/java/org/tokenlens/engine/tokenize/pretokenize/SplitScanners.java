package org.tokenlens.engine.tokenize.pretokenize;

/** Hand-written equivalents of the split patterns real tokenizers use (placeholder: none yet). */
final class SplitScanners {
    private SplitScanners() {
    }

    /** Finds the end of the piece starting at {@code start}; the patterns served here match at every position. */
    interface Scanner {
        int pieceEnd(String s, int start, int limit);
    }

    static Scanner forPattern(String onigPattern) {
        return null;
    }
}
