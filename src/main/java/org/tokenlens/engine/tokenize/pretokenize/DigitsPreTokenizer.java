package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.engine.tokenize.normalize.Matches;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;
import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/**
 * HF {@code Digits}: numeric characters (Rust {@code char::is_numeric}: Nd, Nl, No) become pieces of their own,
 * one per digit with {@code individual_digits}, else one per run.
 */
public final class DigitsPreTokenizer implements PreTokenizer {
    private final boolean individualDigits;

    public DigitsPreTokenizer(boolean individualDigits) {
        this.individualDigits = individualDigits;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        SplitBehavior behavior = individualDigits ? SplitBehavior.ISOLATED : SplitBehavior.CONTIGUOUS;
        s.split((index, piece) -> piece.split(Matches.ofCodePoints(UnicodeProps::isNumeric, piece.get()), behavior));
    }
}
