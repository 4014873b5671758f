package org.tokenlens.engine.tokenize.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * HF's CTC decoder (speech models): collapses repeated pieces, drops the pad token, and with {@code cleanup}
 * applies WordPiece's cleanup and turns the word delimiter into a space; pieces left empty disappear.
 */
final class CtcDecoder extends PieceDecoder {
    private final String padToken;
    private final String wordDelimiter;
    private final boolean cleanup;

    CtcDecoder(String padToken, String wordDelimiter, boolean cleanup) {
        this.padToken = padToken;
        this.wordDelimiter = wordDelimiter;
        this.cleanup = cleanup;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        String previous = null;
        for (String token : tokens) {
            if (token.equals(previous)) {
                continue;
            }
            previous = token;
            String t = decodeToken(token);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    void applyMid(PieceState piece) {
        piece.text = decodeToken(piece.text);
    }

    private String decodeToken(String token) {
        String t = token.replace(padToken, "");
        if (cleanup) {
            t = WordPieceDecoder.cleanup(t);
            t = t.replace(wordDelimiter, " ");
        }
        return t;
    }
}
