package org.tokenlens.engine.tokenize.pretokenize;

import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;

/**
 * HF {@code Whitespace}: the pieces are the matches of Rust-regex {@code \w+|[^\w\s]+} (word runs and runs of
 * other non-space characters); whitespace is dropped. A char loop over {@link RustWord} classes instead of the regex.
 */
public final class WhitespacePreTokenizer implements PreTokenizer {
    private static final int SPACE = 0;
    private static final int WORD = 1;
    private static final int OTHER = 2;

    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> split(piece));
    }

    private static List<NormalizedString> split(NormalizedString piece) {
        String text = piece.get();
        List<NormalizedString> out = new ArrayList<>();
        int runStart = 0;
        int runKind = SPACE;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int kind = RustWord.isWord(cp) ? WORD : RustWord.isWhiteSpace(cp) ? SPACE : OTHER;
            if (kind != runKind) {
                if (runKind != SPACE) {
                    out.add(piece.slice(runStart, i));
                }
                runStart = i;
                runKind = kind;
            }
            i += Character.charCount(cp);
        }
        if (runKind != SPACE) {
            out.add(piece.slice(runStart, text.length()));
        }
        return out;
    }

    /** White space only separates words here. */
    @Override
    public boolean cutsAtAsciiWhitespace() {
        return true;
    }
}
