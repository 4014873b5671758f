package org.tokenlens.engine.tokenize.pretokenize;

import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;
import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/**
 * HF {@code BertPreTokenizer}: split on whitespace (dropped), then isolate every punctuation character. HF does
 * this in two passes; one pass gives the same pieces: runs of ordinary characters, and each punctuation alone.
 */
public final class BertPreTokenizer implements PreTokenizer {
    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> split(piece));
    }

    private static List<NormalizedString> split(NormalizedString piece) {
        String text = piece.get();
        List<NormalizedString> out = new ArrayList<>();
        int runStart = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = Character.charCount(cp);
            boolean space = UnicodeProps.isWhitespace(cp);
            boolean punct = !space && HfPunctuation.isPunctuation(cp);
            if (space || punct) {
                if (runStart >= 0) {
                    out.add(piece.slice(runStart, i));
                    runStart = -1;
                }
                if (punct) {
                    out.add(piece.slice(i, i + w));
                }
            } else if (runStart < 0) {
                runStart = i;
            }
            i += w;
        }
        if (runStart >= 0) {
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
