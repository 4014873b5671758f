package org.tokenlens.engine.tokenize.model.tiktoken;

/**
 * GPT-2's {@code bytes_to_unicode}: every byte as one printable character, so that a token's bytes can be shown as
 * the same raw piece HF's byte-level tokenizer.json vocabularies use ({@code Ġhello} for " hello"). Printable
 * Latin-1 bytes stand for themselves; the other 68 map to U+0100 onwards in byte order.
 */
final class ByteLevelAlphabet {
    private static final char[] CHAR_OF_BYTE = new char[256];
    private static final int[] BYTE_OF_CHAR = new int[0x200];

    static {
        java.util.Arrays.fill(BYTE_OF_CHAR, -1);
        int next = 0x100;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) next++;
            CHAR_OF_BYTE[b] = c;
            BYTE_OF_CHAR[c] = b;
        }
    }

    private ByteLevelAlphabet() {
    }

    static char charOf(byte b) {
        return CHAR_OF_BYTE[b & 0xFF];
    }

    static String piece(byte[] bytes, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = CHAR_OF_BYTE[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    static String piece(byte[] bytes) {
        return piece(bytes, 0, bytes.length);
    }

    /** The bytes a byte-level piece stands for, or null if it holds a character outside the alphabet. */
    static byte[] bytesOf(String piece) {
        byte[] out = new byte[piece.length()];
        for (int i = 0; i < out.length; i++) {
            char c = piece.charAt(i);
            int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
            if (b < 0) {
                return null;
            }
            out[i] = (byte) b;
        }
        return out;
    }
}
