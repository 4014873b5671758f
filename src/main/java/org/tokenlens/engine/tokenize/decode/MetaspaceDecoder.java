package org.tokenlens.engine.tokenize.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * HF's Metaspace decoder: the replacement character ({@code ▁}) becomes a space, except in the first piece when
 * the pre-tokenizer prepends one (scheme {@code first} or {@code always}): there every replacement character is
 * dropped, not only the leading one, exactly as HF does.
 */
final class MetaspaceDecoder extends PieceDecoder {

    /** HF's {@code PrependScheme}. */
    enum PrependScheme { FIRST, NEVER, ALWAYS }

    private final int replacement;
    private final PrependScheme scheme;

    MetaspaceDecoder(int replacement, PrependScheme scheme) {
        this.replacement = replacement;
        this.scheme = scheme;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(decodeToken(tokens.get(i), i == 0));
        }
        return out;
    }

    @Override
    void applyMid(PieceState piece) {
        piece.text = decodeToken(piece.text, piece.fused);
    }

    private String decodeToken(String token, boolean first) {
        if (token.indexOf(Character.toString(replacement)) < 0) {
            return token;
        }
        boolean drop = first && scheme != PrependScheme.NEVER;
        StringBuilder sb = new StringBuilder(token.length());
        token.codePoints().forEach(c -> {
            if (c != replacement) {
                sb.appendCodePoint(c);
            } else if (!drop) {
                sb.append(' ');
            }
        });
        return sb.toString();
    }
}
