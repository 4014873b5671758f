package org.tokenlens.engine.tokenize.normalize;

import java.util.Locale;
import org.tokenlens.engine.tokenize.TokenizerException;

/** What to do with the delimiters when splitting (HF {@code SplitDelimiterBehavior}). */
public enum SplitBehavior {
    REMOVED, ISOLATED, MERGED_WITH_PREVIOUS, MERGED_WITH_NEXT, CONTIGUOUS;

    /** Parse HF's JSON spelling ({@code "MergedWithPrevious"}); {@code where} names the JSON path for errors. */
    public static SplitBehavior fromJson(String value, String where) {
        if (value != null) {
            switch (value) {
                case "Removed": return REMOVED;
                case "Isolated": return ISOLATED;
                case "MergedWithPrevious": return MERGED_WITH_PREVIOUS;
                case "MergedWithNext": return MERGED_WITH_NEXT;
                case "Contiguous": return CONTIGUOUS;
                default: break;
            }
        }
        throw new TokenizerException("unknown split behavior '" + value + "' at " + where
                + " (expected Removed, Isolated, MergedWithPrevious, MergedWithNext or Contiguous)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
