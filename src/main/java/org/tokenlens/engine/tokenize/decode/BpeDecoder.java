package org.tokenlens.engine.tokenize.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * HF's BPEDecoder (original BPE with an end-of-word suffix such as {@code </w>}): the suffix becomes a space,
 * except in the last piece where it is removed.
 */
final class BpeDecoder extends PieceDecoder {
    private final String suffix;

    BpeDecoder(String suffix) {
        this.suffix = suffix;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int last = tokens.size() - 1;
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.get(i).replace(suffix, i == last ? "" : " "));
        }
        return out;
    }

    @Override
    void applyMid(PieceState piece) {
        // after a Fuse the one remaining token is the last
        piece.text = piece.text.replace(suffix, piece.fused ? "" : " ");
    }
}
