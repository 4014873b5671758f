package org.tokenlens.engine.tokenize.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * HF's ByteFallback decoder: runs of {@code <0xHH>} pieces become the text their bytes spell; a run that is not
 * valid UTF-8 as a whole becomes one U+FFFD per byte (not Rust's lossy decoding: HF emits one per piece).
 */
final class ByteFallbackDecoder extends PieceDecoder {

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        byte[] run = new byte[16];
        int n = 0;
        for (String token : tokens) {
            int b = byteOf(token);
            if (b >= 0) {
                if (n == run.length) {
                    run = java.util.Arrays.copyOf(run, n * 2);
                }
                run[n++] = (byte) b;
            } else {
                flush(run, n, out);
                n = 0;
                out.add(token);
            }
        }
        flush(run, n, out);
        return out;
    }

    private static void flush(byte[] run, int n, List<String> out) {
        if (n == 0) {
            return;
        }
        String text = Utf8Lossy.decodeStrict(run, n);
        if (text != null) {
            out.add(text);
        } else {
            for (int i = 0; i < n; i++) {
                out.add("\uFFFD");
            }
        }
    }

    @Override
    void applyMid(PieceState piece) {
        int b = piece.fused ? -1 : byteOf(piece.text);
        if (b >= 0) {
            piece.bytes = new byte[] {(byte) b};
        }
    }

    /**
     * The byte of a {@code <0xHH>} piece, or -1. Parsed like Rust's {@code u8::from_str_radix}: hex digits of
     * either case, and a leading '+' is allowed ({@code <0x+A>} is byte 10).
     */
    static int byteOf(String token) {
        if (token.length() != 6 || !token.startsWith("<0x") || token.charAt(5) != '>') {
            return -1;
        }
        int lo = hexDigit(token.charAt(4));
        if (token.charAt(3) == '+') {
            return lo;
        }
        int hi = hexDigit(token.charAt(3));
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
