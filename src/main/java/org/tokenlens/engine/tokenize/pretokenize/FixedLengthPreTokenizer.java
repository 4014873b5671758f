package org.tokenlens.engine.tokenize.pretokenize;

import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;

/** HF {@code FixedLength}: cut each piece into chunks of {@code length} characters (code points). */
public final class FixedLengthPreTokenizer implements PreTokenizer {
    private final int length;

    public FixedLengthPreTokenizer(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1: " + length);
        }
        this.length = length;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> {
            String text = piece.get();
            List<NormalizedString> out = new ArrayList<>();
            int start = 0;
            int count = 0;
            for (int i = 0; i < text.length(); ) {
                i += Character.charCount(text.codePointAt(i));
                if (++count == length) {
                    out.add(piece.slice(start, i));
                    start = i;
                    count = 0;
                }
            }
            if (start < text.length()) {
                out.add(piece.slice(start, text.length()));
            }
            return out;
        });
    }
}
