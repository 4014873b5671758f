package org.tokenlens.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The legend's corner: fewest hidden points, path points weigh more, and it stays put for small gains. */
class LegendCornerTest {
    /** Points given in screen pixels on a 400 × 300 map (y down); a 100 × 50 legend 10 px from the edges. */
    private static LegendCorner choose(float[] x, float[] screenY, SentencePath path, LegendCorner current) {
        int[] ids = new int[x.length];
        java.util.Arrays.setAll(ids, i -> i);
        float[] y = new float[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 300 - screenY[i]; // data y points up: toScreenY(y) = 300 − y
        }
        MapPoints p = MapPoints.of(ids, x, y, null, List.of(), id -> "");
        return LegendCorner.choose(p, path, new MapTransform(1, 0, 300), 400, 300, 100, 50, 10, current);
    }

    @Test
    void leavesACornerThatHidesPointsForAnEmptyOne() {
        // two points in the top-right box (x 290..390, y 10..60), one in the top-left, none at the bottom
        float[] x = {300, 350, 50};
        float[] y = {20, 40, 30};
        LegendCorner c = choose(x, y, SentencePath.empty(), LegendCorner.TOP_RIGHT);
        assertEquals(LegendCorner.BOTTOM_RIGHT, c, "first of the empty corners in declaration order");
        assertEquals(290, LegendCorner.TOP_RIGHT.x(400, 100, 10));
        assertEquals(240, LegendCorner.BOTTOM_LEFT.y(300, 50, 10));
    }

    @Test
    void aPathPointOutweighsManyVocabularyPoints() {
        // top right: point 0; top left: 30 points; each bottom corner: 600 points
        int n = 1 + 30 + 1200;
        float[] x = new float[n];
        float[] y = new float[n];
        x[0] = 300;
        y[0] = 20;
        for (int i = 1; i <= 30; i++) {
            x[i] = 20 + i;
            y[i] = 20;
        }
        for (int i = 31; i < n; i++) {
            x[i] = i % 2 == 0 ? 50 : 350;
            y[i] = 270;
        }
        assertEquals(LegendCorner.TOP_RIGHT, choose(x, y, SentencePath.empty(), LegendCorner.TOP_LEFT),
                "a plain point: the top right hides 1, the least");
        assertEquals(LegendCorner.TOP_LEFT, choose(x, y, SentencePath.of(0), LegendCorner.TOP_RIGHT),
                "point 0 on the sentence path: 30 plain points are hidden instead");
    }

    @Test
    void staysUnlessAnotherCornerHidesLessThanHalf() {
        // top right hides 3 points; every other corner 2: not worth a jump
        float[] x = {300, 310, 320, 20, 30, 20, 30, 300, 310};
        float[] y = {20, 20, 20, 20, 20, 270, 270, 270, 270};
        assertEquals(LegendCorner.TOP_RIGHT, choose(x, y, SentencePath.empty(), LegendCorner.TOP_RIGHT));
        // one fewer at the top left: 1 < 3 / 2 is worth it
        x[4] = 200;
        assertEquals(LegendCorner.TOP_LEFT, choose(x, y, SentencePath.empty(), LegendCorner.TOP_RIGHT));
    }
}
