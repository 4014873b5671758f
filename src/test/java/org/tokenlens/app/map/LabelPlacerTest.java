package org.tokenlens.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
    private static final double MARKER = 4.5;

    private static void assertValid(List<LabelPlacer.Placement> placed, double[] ax, double[] ay, double w,
                                    double h) {
        for (int a = 0; a < placed.size(); a++) {
            LabelPlacer.Placement p = placed.get(a);
            assertTrue(p.x() >= 0 && p.y() >= 0 && p.x() + p.width() <= w && p.y() + p.height() <= h,
                    "inside the view: " + p);
            for (int b = a + 1; b < placed.size(); b++) {
                LabelPlacer.Placement q = placed.get(b);
                assertFalse(p.overlaps(q.x(), q.y(), q.width(), q.height()), p + " overlaps " + q);
            }
            for (int k = 0; k < ax.length; k++) {
                assertFalse(p.overlaps(ax[k] - MARKER, ay[k] - MARKER, 2 * MARKER, 2 * MARKER),
                        p + " covers marker " + k);
            }
        }
    }

    @Test
    void crowdedLabelsNeverOverlap() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int n = 5 + random.nextInt(80);
            double[] ax = new double[n];
            double[] ay = new double[n];
            double[] w = new double[n];
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                ax[i] = 100 + random.nextGaussian() * 60;
                ay[i] = 100 + random.nextGaussian() * 40;
                w[i] = 20 + random.nextInt(60);
                h[i] = 18;
            }
            List<LabelPlacer.Placement> placed = LabelPlacer.place(ax, ay, w, h, MARKER, 3, 300, 220);
            assertValid(placed, ax, ay, 300, 220);
            assertFalse(placed.isEmpty());
        }
    }

    @Test
    void sparsePointsAllGetALabelRightOfThemWithoutLeaders() {
        double[] ax = {50, 200, 350};
        double[] ay = {50, 120, 60};
        double[] w = {40, 40, 40};
        double[] h = {16, 16, 16};
        List<LabelPlacer.Placement> placed = LabelPlacer.place(ax, ay, w, h, MARKER, 3, 500, 200);
        assertEquals(3, placed.size());
        for (LabelPlacer.Placement p : placed) {
            assertFalse(p.leader());
            assertEquals(ax[p.item()] + MARKER + 3, p.x(), 1e-9, "east of the point first");
            assertEquals(ay[p.item()] - 8, p.y(), 1e-9, "vertically centred");
        }
    }

    @Test
    void aLabelWithNoRoomNearbyGetsALeaderOrIsSkipped() {
        // a ring of labels around the centre point takes all 8 near positions
        double[] ax = {200, 200, 200, 150, 250, 150, 250, 150, 250};
        double[] ay = {100, 100 - 16, 100 + 16, 100, 100, 84, 84, 116, 116};
        double[] w = new double[ax.length];
        double[] h = new double[ax.length];
        java.util.Arrays.fill(w, 44);
        java.util.Arrays.fill(h, 16);
        List<LabelPlacer.Placement> placed = LabelPlacer.place(ax, ay, w, h, MARKER, 3, 400, 200);
        assertValid(placed, ax, ay, 400, 200);
        assertTrue(placed.stream().anyMatch(LabelPlacer.Placement::leader) || placed.size() < ax.length,
                "some label could not sit next to its point");
    }

    @Test
    void pointsOffScreenGetNoLabel() {
        List<LabelPlacer.Placement> placed = LabelPlacer.place(new double[] {-10, 50}, new double[] {50, 50},
                new double[] {30, 30}, new double[] {16, 16}, MARKER, 3, 200, 100);
        assertEquals(1, placed.size());
        assertEquals(1, placed.get(0).item());
    }

    @Test
    void labelsKeepOutOfTheLegendsBox() {
        // the point sits just left of a legend in the top-right corner: its preferred (east) place is under it
        double[] legend = {300, 10, 90, 60};
        double[] ax = {290, 100};
        double[] ay = {30, 100};
        double[] w = {40, 40};
        double[] h = {16, 16};
        List<LabelPlacer.Placement> without = LabelPlacer.place(ax, ay, w, h, MARKER, 3, 400, 200);
        assertTrue(without.get(0).overlaps(legend[0], legend[1], legend[2], legend[3]),
                "the case needs the default place to be under the legend: " + without.get(0));
        List<LabelPlacer.Placement> placed = LabelPlacer.place(ax, ay, w, h, MARKER, 3, 400, 200, List.of(legend));
        assertEquals(2, placed.size(), "both labelled, the obstacle is not returned as a label");
        assertValid(placed, ax, ay, 400, 200);
        for (LabelPlacer.Placement p : placed) {
            assertFalse(p.overlaps(legend[0], legend[1], legend[2], legend[3]), p + " under the legend");
        }
        assertEquals(ax[0] - MARKER - 3 - 40, placed.get(0).x(), 1e-9, "west of the point, the next choice");
    }
}
