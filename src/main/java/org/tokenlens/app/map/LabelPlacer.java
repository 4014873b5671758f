package org.tokenlens.app.map;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy label placement for the sentence path: each label tries 8 positions around its point (right first, as
 * cartographers do, then left, above, below, the diagonals); a position is taken if the box stays inside the view
 * and overlaps no placed label and no point marker. If none fits, the same 8 directions are tried three times
 * farther out with a leader line back to the point; if still none fits, the label is skipped rather than
 * drawn over another. Obstacles (the legend drawn over the map) are avoided like placed labels. Labels are placed in the order given, so earlier (sentence-initial) tokens win.
 */
final class LabelPlacer {
    /** Unit directions: E, W, NE, NW, SE, SW, N, S (screen y grows downwards). */
    private static final double[][] DIRECTIONS = {
        {1, 0}, {-1, 0}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}, {0, -1}, {0, 1}};
    private static final double LEADER_FACTOR = 3;

    /** A placed label: its box (top-left x, y, width, height) and whether it needs a leader line. */
    record Placement(int item, double x, double y, double width, double height, boolean leader) {
        boolean overlaps(double ox, double oy, double ow, double oh) {
            return x < ox + ow && ox < x + width && y < oy + oh && oy < y + height;
        }
    }

    private LabelPlacer() {
    }

    /**
     * @param ax anchor (point) x per item, screen pixels
     * @param widths label box sizes per item
     * @param marker half-size of the square each anchor's marker occupies
     * @param gap distance between marker and label
     */
    static List<Placement> place(double[] ax, double[] ay, double[] widths, double[] heights, double marker,
                                 double gap, double viewWidth, double viewHeight) {
        return place(ax, ay, widths, heights, marker, gap, viewWidth, viewHeight, List.of());
    }

    /** @param obstacles boxes no label may cover: {x, y, width, height} in screen pixels */
    static List<Placement> place(double[] ax, double[] ay, double[] widths, double[] heights, double marker,
                                 double gap, double viewWidth, double viewHeight, List<double[]> obstacles) {
        List<Placement> placed = new ArrayList<>();
        for (double[] o : obstacles) { // pre-placed boxes with no item: labels avoid them, callers never see them
            placed.add(new Placement(-1, o[0], o[1], o[2], o[3], false));
        }
        int fixed = placed.size();
        for (int i = 0; i < ax.length; i++) {
            if (!(ax[i] >= 0 && ax[i] <= viewWidth && ay[i] >= 0 && ay[i] <= viewHeight)) {
                continue; // the point is off screen: no label
            }
            Placement p = tryAround(i, 1, false, ax, ay, widths, heights, marker, gap, viewWidth, viewHeight, placed);
            if (p == null) {
                p = tryAround(i, LEADER_FACTOR, true, ax, ay, widths, heights, marker, gap, viewWidth, viewHeight,
                        placed);
            }
            if (p != null) {
                placed.add(p);
            }
        }
        return placed.subList(fixed, placed.size());
    }

    private static Placement tryAround(int i, double distance, boolean leader, double[] ax, double[] ay,
                                       double[] widths, double[] heights, double marker, double gap,
                                       double viewWidth, double viewHeight, List<Placement> placed) {
        double w = widths[i];
        double h = heights[i];
        double off = (marker + gap) * distance;
        for (double[] d : DIRECTIONS) {
            // the box edge facing the point sits `off` away from it; centred on the axis it does not move along
            double x = d[0] > 0 ? ax[i] + off : d[0] < 0 ? ax[i] - off - w : ax[i] - w / 2;
            double y = d[1] > 0 ? ay[i] + off : d[1] < 0 ? ay[i] - off - h : ay[i] - h / 2;
            if (x < 0 || y < 0 || x + w > viewWidth || y + h > viewHeight) {
                continue;
            }
            if (free(x, y, w, h, ax, ay, marker, placed)) {
                return new Placement(i, x, y, w, h, leader);
            }
        }
        return null;
    }

    private static boolean free(double x, double y, double w, double h, double[] ax, double[] ay, double marker,
                                List<Placement> placed) {
        for (Placement p : placed) {
            if (p.overlaps(x, y, w, h)) {
                return false;
            }
        }
        for (int k = 0; k < ax.length; k++) {
            double mx = ax[k] - marker;
            double my = ay[k] - marker;
            if (mx < x + w && x < mx + 2 * marker && my < y + h && y < my + 2 * marker) {
                return false;
            }
        }
        return true;
    }
}
