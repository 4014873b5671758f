package org.tokenlens.engine.tokenize.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * HF's WordPiece decoder: a piece after the first loses its continuation prefix ({@code ##}) or gains a leading
 * space; with {@code cleanup}, each piece then gets BERT's English detokenization (" ." → ".", " n't" → "n't" …).
 */
final class WordPieceDecoder extends PieceDecoder {
    private final String prefix;
    private final boolean cleanup;

    WordPieceDecoder(String prefix, boolean cleanup) {
        this.prefix = prefix;
        this.cleanup = cleanup;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(decodeToken(tokens.get(i), i != 0));
        }
        return out;
    }

    @Override
    void applyMid(PieceState piece) {
        piece.text = decodeToken(piece.text, !piece.fused);
    }

    private String decodeToken(String token, boolean notFirst) {
        String t = token;
        if (notFirst) {
            t = t.startsWith(prefix) ? t.substring(prefix.length()) : " " + t;
        }
        return cleanup ? cleanup(t) : t;
    }

    /** HF's {@code wordpiece::cleanup}, also used by CTC; the order of replacements matters. */
    static String cleanup(String s) {
        if (s.indexOf(' ') < 0) {
            return s;
        }
        return s.replace(" .", ".")
                .replace(" ?", "?")
                .replace(" !", "!")
                .replace(" ,", ",")
                .replace(" ' ", "'")
                .replace(" n't", "n't")
                .replace(" 'm", "'m")
                .replace(" do not", " don't")
                .replace(" 's", "'s")
                .replace(" 've", "'ve")
                .replace(" 're", "'re");
    }
}
