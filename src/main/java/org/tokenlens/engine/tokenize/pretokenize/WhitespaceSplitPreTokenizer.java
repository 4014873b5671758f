package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.engine.tokenize.normalize.Matches;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;
import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/** HF {@code WhitespaceSplit}: split on Unicode whitespace (Rust {@code char::is_whitespace}), dropping it. */
public final class WhitespaceSplitPreTokenizer implements PreTokenizer {
    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> piece.split(Matches.ofCodePoints(UnicodeProps::isWhitespace, piece.get()),
                SplitBehavior.REMOVED));
    }

    /** White space only separates words here. */
    @Override
    public boolean cutsAtAsciiWhitespace() {
        return true;
    }
}
