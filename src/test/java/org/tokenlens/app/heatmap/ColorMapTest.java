package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Colour maps against the published colours (ColorBrewer RdBu ends and centre, matplotlib viridis). */
class ColorMapTest {

    /** Values −max, 0, +max drawn through the renderer land on RdBu's dark blue, near-white and dark red. */
    @Test
    void divergingMapsMinusMaxZeroPlusMaxToBlueWhiteRed() {
        float m = 2.5f;
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(new float[] {-m, 0, m, -1}, 1, 4));
        float[] range = ColorMap.DIVERGING.scale(p.min(), p.max());
        assertArrayEquals(new float[] {-m, m}, range);
        int[] px = new int[4];
        new HeatmapRenderer().render(p, Viewport.whole(1, 4), ColorMap.DIVERGING, range[0], range[1], px, 4, 1);
        assertEquals(0xff053061, px[0]);
        assertEquals(0xfff7f7f7, px[1]);
        assertEquals(0xff67001f, px[2]);
        // −1 of ±2.5 is 30 % of the way from the centre to blue: bluish, lighter than the end
        int blue = px[3] & 0xff;
        int red = px[3] >> 16 & 0xff;
        assertTrue(blue > red && red > 0x53, Integer.toHexString(px[3]));
    }

    @Test
    void divergingScaleIsSymmetricAboutZeroEvenForOneSidedData() {
        assertArrayEquals(new float[] {-3, 3}, ColorMap.DIVERGING.scale(0.5f, 3));
        assertArrayEquals(new float[] {-4, 4}, ColorMap.DIVERGING.scale(-4, 1));
        assertArrayEquals(new float[] {0.5f, 3}, ColorMap.VIRIDIS.scale(0.5f, 3));
    }

    @Test
    void viridisEndsAndMiddleAreMatplotlibs() {
        assertEquals(0xff440154, ColorMap.VIRIDIS.argb(0));
        assertEquals(0xfffde725, ColorMap.VIRIDIS.argb(1));
        // matplotlib viridis(0.5) = #21918c; our table interpolates anchors, so allow a few levels per channel
        int mid = ColorMap.VIRIDIS.argb(0.5);
        assertClose(0x21918c, mid, 4);
    }

    @Test
    void clampsOutOfRangeAndShowsNanAsGrey() {
        assertEquals(ColorMap.VIRIDIS.argb(0), ColorMap.VIRIDIS.argb(-3));
        assertEquals(ColorMap.VIRIDIS.argb(1), ColorMap.VIRIDIS.argb(7));
        assertEquals(0xff808080, ColorMap.DIVERGING.argb(Double.NaN));
        MeanPyramid p = MeanPyramid.build(MatrixSource.of(new float[] {Float.NaN, 1}, 1, 2));
        int[] px = new int[2];
        new HeatmapRenderer().render(p, Viewport.whole(1, 2), ColorMap.DIVERGING, -1, 1, px, 2, 1);
        assertEquals(HeatmapRenderer.NAN_ARGB, px[0]);
        assertEquals(1f, p.max());
        assertEquals(1f, p.min(), "NaN is not part of the range");
    }

    private static void assertClose(int expectedRgb, int argb, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expectedRgb >> shift & 0xff;
            int a = argb >> shift & 0xff;
            assertTrue(Math.abs(e - a) <= tolerance,
                    "expected #" + Integer.toHexString(expectedRgb) + " got #" + Integer.toHexString(argb & 0xffffff));
        }
    }
}
