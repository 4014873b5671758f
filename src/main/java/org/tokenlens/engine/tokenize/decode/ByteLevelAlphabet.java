package org.tokenlens.engine.tokenize.decode;

/**
 * GPT-2's {@code bytes_to_unicode} table: every byte gets a printable, non-whitespace character so that byte-level
 * BPE vocabularies can be stored as text. Printable Latin-1 bytes stand for themselves; the other 68 bytes
 * (controls, space, DEL, NBSP, soft hyphen…) map in byte order to U+0100…U+0143, so space is {@code Ġ} (U+0120)
 * and newline is {@code Ċ} (U+010A). Shared by the ByteLevel pre-tokenizer, the ByteLevel decoder and tiktoken.
 */
public final class ByteLevelAlphabet {
    private static final char[] BYTE_TO_CHAR = new char[256];
    /** Indexed by char (all mapped chars are below U+0144); -1 for chars outside the alphabet. */
    private static final short[] CHAR_TO_BYTE = new short[0x144];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, (short) -1);
        int next = 0x100;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) next++;
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = (short) b;
        }
    }

    private ByteLevelAlphabet() {
    }

    /** A copy of the whole table, indexed by unsigned byte value; hot loops should keep their own copy. */
    public static char[] byteToChar() {
        return BYTE_TO_CHAR.clone();
    }

    /** The character standing for byte {@code b} (only the low 8 bits are used). */
    public static char byteToChar(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte (0–255) that {@code c} stands for, or -1 if {@code c} is not in the alphabet. */
    public static int charToByte(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /**
     * The bytes of a byte-level piece ({@code Ġhello} → " hello"), or null if some character is not in the
     * alphabet (an added token such as {@code <|endoftext|>} written as plain text).
     */
    public static byte[] toBytes(String piece) {
        byte[] out = new byte[piece.length()];
        for (int i = 0; i < out.length; i++) {
            int b = charToByte(piece.charAt(i));
            if (b < 0) {
                return null;
            }
            out[i] = (byte) b;
        }
        return out;
    }
}
