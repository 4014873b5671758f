package org.tokenlens.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointRasterTest {
    private static final int BACKGROUND = 0xFFFFFFFF;
    private static final int[] PALETTE = {0xFFE69F00, 0xFF0072B2};

    private static int channelDistance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    @Test
    void pointsAreDiscsInTheirCategoryColourOnTheBackground() {
        MapPoints p = MapPoints.of(new int[] {1, 2, 3}, new float[] {10, 30, -50}, new float[] {10, 5, 0},
                new byte[] {0, 1, 1}, List.of("a", "b"), id -> "");
        PointRaster raster = new PointRaster();
        raster.resize(40, 20);
        raster.clear(BACKGROUND);
        MapTransform t = new MapTransform(1, 0.5, 20.5); // point (x, y) lands in pixel (x, 20 - y)
        raster.drawPoints(p, t, PALETTE, 2f, 1f, null, 0.1f);
        int[] px = raster.pixels();
        assertEquals(PALETTE[0], px[10 * 40 + 10], "opaque centre of point 1");
        assertEquals(PALETTE[1], px[15 * 40 + 30], "opaque centre of point 2");
        assertEquals(BACKGROUND, px[0], "corner stays background");
        assertEquals(BACKGROUND, px[10 * 40 + 14], "beyond the radius");
        int edge = px[10 * 40 + 12];
        assertNotEquals(BACKGROUND, edge, "anti-aliased edge");
        assertNotEquals(PALETTE[0], edge, "anti-aliased edge is a blend");
    }

    @Test
    void opacityBlendsAndDimmedPointsFade() {
        MapPoints p = MapPoints.of(new int[] {1, 2}, new float[] {5, 15}, new float[] {5, 5}, null, List.of(),
                id -> "");
        PointRaster raster = new PointRaster();
        raster.resize(20, 10);
        raster.clear(BACKGROUND);
        MapTransform t = new MapTransform(1, 0.5, 10.5);
        raster.drawPoints(p, t, new int[] {0xFF000000}, 2f, 0.5f, new boolean[] {false, true}, 0.25f);
        // black at 50% over white = 128 grey (±1 rounding); dimmed at 25% = 192
        assertEquals(0, channelDistance(0xFF7F7F7F, raster.pixels()[5 * 20 + 5]), 1);
        assertEquals(0, channelDistance(0xFFBFBFBF, raster.pixels()[5 * 20 + 15]), 1);
    }

    @Test
    void pointsAtTheBorderAreClippedNotDropped() {
        MapPoints p = MapPoints.of(new int[] {1}, new float[] {0}, new float[] {0}, null, List.of(), id -> "");
        PointRaster raster = new PointRaster();
        raster.resize(10, 10);
        raster.clear(BACKGROUND);
        raster.drawPoints(p, new MapTransform(1, 0.5, 9.5), new int[] {0xFF000000}, 3f, 1f, null, 1f);
        assertEquals(0xFF000000, raster.pixels()[9 * 10], "bottom-left corner pixel is the point's centre");
    }
}
