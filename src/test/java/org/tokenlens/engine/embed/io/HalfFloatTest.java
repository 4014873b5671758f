package org.tokenlens.engine.embed.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfFloatTest {

    /** binary16 from its definition, in double arithmetic: (-1)^s × 2^(e-15) × (1 + m/1024), or m × 2^-24. */
    private static double definition(int h) {
        int s = h >>> 15;
        int e = (h >>> 10) & 0x1F;
        int m = h & 0x3FF;
        double sign = s == 1 ? -1 : 1;
        if (e == 0) {
            return sign * Math.scalb((double) m, -24);
        }
        if (e == 31) {
            return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * Math.scalb(1 + m / 1024.0, e - 15);
    }

    @Test
    void everyBitPatternMatchesTheDefinition() {
        for (int h = 0; h < 1 << 16; h++) {
            float got = HalfFloat.toFloat(h);
            double want = definition(h);
            if (Double.isNaN(want)) {
                assertTrue(Float.isNaN(got), "NaN expected for 0x" + Integer.toHexString(h));
            } else {
                int bits = h;
                assertEquals(want, got, 0.0, () -> "0x" + Integer.toHexString(bits));
                // signed zero: 1/x tells -0 from +0
                assertEquals(Math.copySign(1.0, want), Math.copySign(1.0, got), () -> "sign of 0x" + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void landmarks() {
        assertEquals(1.0f, HalfFloat.toFloat(0x3C00));
        assertEquals(65504f, HalfFloat.toFloat(0x7BFF));             // largest half
        assertEquals(0x1p-24f, HalfFloat.toFloat(0x0001));           // smallest subnormal
        assertEquals(0x1p-14f, HalfFloat.toFloat(0x0400));           // smallest normal
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloat.toFloat(0xFC00));
        // NaN payload survives: quiet bit 0x200 → float bit 22
        assertEquals(0x7FC00000, Float.floatToRawIntBits(HalfFloat.toFloat(0x7E00)));
        assertEquals(1.0f, HalfFloat.toFloat(0x13C00));              // only the low 16 bits count
    }
}
