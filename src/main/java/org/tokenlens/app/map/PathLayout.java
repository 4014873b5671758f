package org.tokenlens.app.map;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Where the sentence path goes on screen: one step per path id present in the map (in order, repeats kept for the
 * line), one label per distinct id, placed by {@link LabelPlacer}. Shared by the skin and the SVG export so both
 * show the same picture.
 */
final class PathLayout {
    static final double LABEL_PAD_X = 4;
    static final double LABEL_PAD_Y = 2;
    private static final double GAP = 3;

    /** A placed label: the text, its box, and the point it belongs to. */
    record Label(String text, double x, double y, double width, double height, boolean leader,
                 double anchorX, double anchorY) {
    }

    final double[] stepX;
    final double[] stepY;
    final int[] stepIndex;
    final List<Label> labels;
    /** Marker size and line width follow the font, so presentation mode scales the path with its labels. */
    final double markerRadius;
    final double lineWidth;

    private PathLayout(double[] stepX, double[] stepY, int[] stepIndex, List<Label> labels, double fontSize) {
        this.markerRadius = Math.max(3.5, fontSize / 3);
        this.lineWidth = Math.max(1.5, fontSize / 9);
        this.stepX = stepX;
        this.stepY = stepY;
        this.stepIndex = stepIndex;
        this.labels = labels;
    }

    static PathLayout compute(MapPoints points, SentencePath path, MapTransform t, Font font, double width,
                              double height, Measure measure) {
        return compute(points, path, t, font, width, height, measure, List.of());
    }

    /** @param avoid boxes drawn over the map (the legend) that labels must not run under: {x, y, w, h} */
    static PathLayout compute(MapPoints points, SentencePath path, MapTransform t, Font font, double width,
                              double height, Measure measure, List<double[]> avoid) {
        int n = path.size();
        double[] sx = new double[n];
        double[] sy = new double[n];
        int[] idx = new int[n];
        int steps = 0;
        for (int k = 0; k < n; k++) {
            int i = points.indexOf(path.id(k));
            if (i < 0 || !Float.isFinite(points.x(i)) || !Float.isFinite(points.y(i))) {
                continue;
            }
            sx[steps] = t.toScreenX(points.x(i));
            sy[steps] = t.toScreenY(points.y(i));
            idx[steps] = i;
            steps++;
        }
        // one label per distinct point, with the first step's text
        List<String> texts = new ArrayList<>();
        List<double[]> anchors = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        int step = 0;
        for (int k = 0; k < n && step < steps; k++) {
            int i = points.indexOf(path.id(k));
            if (i != idx[step]) {
                continue;
            }
            if (seen.add(i)) {
                String text = path.label(k) != null ? path.label(k) : points.label(path.id(k));
                texts.add(text);
                anchors.add(new double[] {sx[step], sy[step]});
            }
            step++;
        }
        int m = texts.size();
        double[] ax = new double[m];
        double[] ay = new double[m];
        double[] w = new double[m];
        double[] h = new double[m];
        for (int k = 0; k < m; k++) {
            ax[k] = anchors.get(k)[0];
            ay[k] = anchors.get(k)[1];
            double[] size = measure.size(font, texts.get(k));
            w[k] = size[0] + 2 * LABEL_PAD_X;
            h[k] = size[1] + 2 * LABEL_PAD_Y;
        }
        List<Label> labels = new ArrayList<>();
        for (LabelPlacer.Placement p : LabelPlacer.place(ax, ay, w, h, Math.max(3.5, font.getSize() / 3), GAP, width, height,
                avoid)) {
            labels.add(new Label(texts.get(p.item()), p.x(), p.y(), p.width(), p.height(), p.leader(),
                    ax[p.item()], ay[p.item()]));
        }
        return new PathLayout(java.util.Arrays.copyOf(sx, steps), java.util.Arrays.copyOf(sy, steps),
                java.util.Arrays.copyOf(idx, steps), labels, font.getSize());
    }

    /** Label sizes by text, kept between frames: laying out text is the slow part of a pan's overlay. */
    static final class Measure {
        private final Text text = new Text();
        private final java.util.Map<String, double[]> sizes = new java.util.HashMap<>();
        private Font font;

        double[] size(Font f, String s) {
            if (!f.equals(font)) {
                font = f;
                text.setFont(f);
                sizes.clear();
            }
            if (sizes.size() > 4096) {
                sizes.clear(); // a long session of edits; re-measuring is cheap enough
            }
            return sizes.computeIfAbsent(s, key -> {
                text.setText(key);
                return new double[] {Math.ceil(text.getLayoutBounds().getWidth()),
                    Math.ceil(text.getLayoutBounds().getHeight())};
            });
        }
    }

    int steps() {
        return stepX.length;
    }
}
