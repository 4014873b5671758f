package org.tokenlens.engine.tokenize.decode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HF's ByteLevel decoder: maps every piece back to bytes through {@link ByteLevelAlphabet} (a piece with a
 * character outside the alphabet, such as an added token, contributes its own UTF-8), then decodes all bytes at
 * once so that characters split across pieces come out whole; invalid UTF-8 becomes U+FFFD.
 */
final class ByteLevelDecoder extends PieceDecoder {

    @Override
    public List<String> decodeChain(List<String> tokens) {
        int total = 0;
        for (String t : tokens) {
            total += t.length() * 3;
        }
        byte[] all = new byte[total];
        int n = 0;
        for (String t : tokens) {
            byte[] b = bytesOf(t);
            System.arraycopy(b, 0, all, n, b.length);
            n += b.length;
        }
        return List.of(Utf8Lossy.decode(all, n));
    }

    @Override
    void applyMid(PieceState piece) {
        piece.bytes = bytesOf(piece.text);
    }

    private static byte[] bytesOf(String token) {
        byte[] b = ByteLevelAlphabet.toBytes(token);
        return b != null ? b : token.getBytes(StandardCharsets.UTF_8);
    }
}
