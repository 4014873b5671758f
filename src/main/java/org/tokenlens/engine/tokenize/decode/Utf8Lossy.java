package org.tokenlens.engine.tokenize.decode;

/**
 * Rust's {@code String::from_utf8_lossy}, which HF decoders use: each maximal invalid subsequence (Unicode's
 * "maximal subpart" rule) becomes one U+FFFD. Written out rather than trusting {@code new String(bytes, UTF_8)}
 * so that the count of replacement characters matches HF byte for byte.
 */
final class Utf8Lossy {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8Lossy() {
    }

    static String decode(byte[] bytes, int length) {
        return decode(bytes, length, false);
    }

    /** Rust's {@code String::from_utf8}: the text, or null if {@code bytes[0, length)} is not valid UTF-8. */
    static String decodeStrict(byte[] bytes, int length) {
        return decode(bytes, length, true);
    }

    private static String decode(byte[] bytes, int length, boolean strict) {
        char[] out = new char[length];
        int n = 0;
        int i = 0;
        while (i < length) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                out[n++] = (char) b0;
                i++;
                continue;
            }
            int width = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
            if (width == 0) {
                if (strict) {
                    return null;
                }
                out[n++] = REPLACEMENT;
                i++;
                continue;
            }
            // the second byte's valid range depends on the lead byte (no overlongs, surrogates or > U+10FFFF)
            int lo = 0x80;
            int hi = 0xBF;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            } else if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
            int cp = b0 & (0xFF >> (width + 1));
            int j = 1;
            boolean ok = true;
            for (; j < width; j++) {
                if (i + j >= length) {
                    ok = false;
                    break;
                }
                int b = bytes[i + j] & 0xFF;
                if (j == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (b & 0x3F);
            }
            if (!ok) {
                if (strict) {
                    return null;
                }
                out[n++] = REPLACEMENT;
                i += j;
                continue;
            }
            if (cp >= 0x10000) {
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
            } else {
                out[n++] = (char) cp;
            }
            i += width;
        }
        return new String(out, 0, n);
    }
}
