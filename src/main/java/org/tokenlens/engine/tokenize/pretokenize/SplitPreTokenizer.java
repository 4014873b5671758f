package org.tokenlens.engine.tokenize.pretokenize;

import org.tokenlens.engine.tokenize.normalize.Matches;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;

/**
 * HF {@code Split}: cut each piece at the matches of a literal string or an Oniguruma regex, keeping or dropping
 * the delimiters as {@code behavior} says; {@code invert} swaps what counts as the delimiter (the matches become
 * the pieces).
 */
public final class SplitPreTokenizer implements PreTokenizer {
    private final String literal;
    private final OnigRegex regex;
    private final SplitBehavior behavior;
    private final boolean invert;

    private SplitPreTokenizer(String literal, OnigRegex regex, SplitBehavior behavior, boolean invert) {
        this.literal = literal;
        this.regex = regex;
        this.behavior = behavior;
        this.invert = invert;
    }

    /** Split at occurrences of {@code literal} (HF escapes it into a regex; the empty string matches everywhere). */
    public static SplitPreTokenizer ofLiteral(String literal, SplitBehavior behavior, boolean invert) {
        return new SplitPreTokenizer(literal, literal.isEmpty() ? OnigRegex.compile("") : null, behavior, invert);
    }

    public static SplitPreTokenizer ofRegex(OnigRegex regex, SplitBehavior behavior, boolean invert) {
        return new SplitPreTokenizer(null, regex, behavior, invert);
    }

    public SplitBehavior behavior() {
        return behavior;
    }

    public boolean invert() {
        return invert;
    }

    /** The literal pattern, or null for a regex split. */
    public String literal() {
        return literal;
    }

    /** The Oniguruma pattern, or null for a literal split. */
    public OnigRegex regex() {
        return literal == null ? regex : null;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> {
            String text = piece.get();
            Matches m = regex != null ? regex.matches(text) : Matches.ofLiteral(literal, text);
            return piece.split(invert ? m.invert() : m, behavior);
        });
    }
}
