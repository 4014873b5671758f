package org.tokenlens.engine.tokenize.pretokenize;

import java.util.List;
import java.util.Locale;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.normalize.Matches;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;

/**
 * SentencePiece's space handling (HF {@code Metaspace}): every space becomes {@code replacement} (▁), a
 * replacement is prepended to each piece (always), to the piece that starts the input (first), or never, and the
 * piece is cut before each replacement.
 */
public final class MetaspacePreTokenizer implements PreTokenizer {

    /** When to prepend the replacement (HF {@code PrependScheme}). */
    public enum PrependScheme {
        ALWAYS, FIRST, NEVER;

        static PrependScheme fromJson(String value, String where) {
            for (PrependScheme p : values()) {
                if (p.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return p;
                }
            }
            throw new TokenizerException("unknown prepend_scheme '" + value + "' at " + where
                    + " (expected always, first or never)");
        }
    }

    private final int replacement;
    private final String replacementText;
    private final PrependScheme prependScheme;
    private final boolean split;

    public MetaspacePreTokenizer(int replacement, PrependScheme prependScheme, boolean split) {
        this.replacement = replacement;
        this.replacementText = new String(Character.toChars(replacement));
        this.prependScheme = prependScheme;
        this.split = split;
    }

    public int replacement() {
        return replacement;
    }

    public PrependScheme prependScheme() {
        return prependScheme;
    }

    public boolean split() {
        return split;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> {
            piece.map(cp -> cp == ' ' ? replacement : cp);
            boolean prepend = prependScheme == PrependScheme.ALWAYS
                    // HF: "first" means the piece whose original span starts the input, not split index 0
                    || (prependScheme == PrependScheme.FIRST && piece.originalStart() == 0);
            if (prepend && !piece.get().startsWith(replacementText)) {
                piece.prepend(replacementText);
            }
            if (!split) {
                return List.of(piece);
            }
            return piece.split(Matches.ofCodePoints(cp -> cp == replacement, piece.get()),
                    SplitBehavior.MERGED_WITH_NEXT);
        });
    }
}
