package org.tokenlens.engine.tokenize.decode;

import java.util.List;

/** HF's Fuse decoder: joins all pieces into one, so later stages see the whole text as a single token. */
final class FuseDecoder extends PieceDecoder {

    @Override
    public List<String> decodeChain(List<String> tokens) {
        return List.of(String.join("", tokens));
    }

    @Override
    void applyMid(PieceState piece) {
        piece.fused = true;
    }
}
