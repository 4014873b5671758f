package org.tokenlens.engine.embed.io;

/**
 * IEEE 754 binary16 → float32, exact for every bit pattern (Java 17 has no {@code Float.float16ToFloat}). Every
 * half value, subnormals included, is representable as a float, so the conversion never rounds; NaN payloads
 * keep their bits (shifted into the float mantissa, as hardware converters do).
 */
public final class HalfFloat {
    /** All 65,536 results: 256 KB, cheaper than branching per value on the row-read hot path. */
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int h = 0; h < TABLE.length; h++) {
            TABLE[h] = compute(h);
        }
    }

    private HalfFloat() {
    }

    /** The float32 value of the binary16 bits in the low 16 bits of {@code bits}. */
    public static float toFloat(int bits) {
        return TABLE[bits & 0xFFFF];
    }

    private static float compute(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            // infinity (mant 0) or NaN: all-ones exponent, the payload moves to the top of the float mantissa
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal half: mant × 2^-24; normalise so that the implicit leading 1 is bit 10
            int e = -1;
            do {
                mant <<= 1;
                e++;
            } while ((mant & 0x400) == 0);
            mant &= 0x3FF;
            return Float.intBitsToFloat(sign | ((127 - 15 - e) << 23) | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
