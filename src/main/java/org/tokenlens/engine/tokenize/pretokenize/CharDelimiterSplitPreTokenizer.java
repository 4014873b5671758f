package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.engine.tokenize.normalize.Matches;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;

/** HF {@code CharDelimiterSplit}: split on one character, dropping it. */
public final class CharDelimiterSplitPreTokenizer implements PreTokenizer {
    private final int delimiter;

    public CharDelimiterSplitPreTokenizer(int delimiter) {
        this.delimiter = delimiter;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> piece.split(Matches.ofCodePoints(cp -> cp == delimiter, piece.get()),
                SplitBehavior.REMOVED));
    }
}
