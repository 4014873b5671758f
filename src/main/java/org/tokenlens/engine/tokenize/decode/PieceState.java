package org.tokenlens.engine.tokenize.decode;

import java.nio.charset.StandardCharsets;

/**
 * One vocabulary piece on its way through the decoder stages, seen in the middle of a sequence. Once a stage has
 * turned it into raw bytes (ByteLevel, ByteFallback) later string stages no longer apply to it; once a Fuse has run,
 * per-token stages see the whole fused text, whose start and end the piece is not.
 */
final class PieceState {
    String text;
    byte[] bytes;
    boolean fused;

    PieceState(String text) {
        this.text = text;
    }

    byte[] result() {
        return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
    }
}
