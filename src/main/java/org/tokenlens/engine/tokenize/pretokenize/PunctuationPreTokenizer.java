package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.engine.tokenize.normalize.Matches;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;

/** HF {@code Punctuation}: split on ASCII and Unicode punctuation characters with the given behavior. */
public final class PunctuationPreTokenizer implements PreTokenizer {
    private final SplitBehavior behavior;

    public PunctuationPreTokenizer(SplitBehavior behavior) {
        this.behavior = behavior;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> piece.split(
                Matches.ofCodePoints(HfPunctuation::isPunctuation, piece.get()), behavior));
    }
}
