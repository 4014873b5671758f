package org.tokenlens.app.heatmap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Lays out a {@link Heatmap}: row title and tick labels on the left, the image, marker chips right of it, the
 * legend at the far right, column ticks and title below, the hover readout above. The image is a
 * {@link PixelBuffer} the {@link HeatmapRenderer} fills at screen resolution; the rest are a few styled nodes.
 * Redraws are batched into layout, so a burst of wheel events costs one redraw per pulse.
 */
final class HeatmapSkin extends SkinBase<Heatmap> {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final double TOP = 26;
    static final double BOTTOM = 42;
    static final double ROW_TITLE = 20;
    static final double TICK_LABELS = 46;
    static final double LEGEND = 74;
    static final double MARKER_MAX_WIDTH = 120;
    /** The smallest plot side a parent may squeeze the matrix to. */
    static final double MIN_PLOT = 120;
    private static final double DRAG_THRESHOLD = 3;
    /** Horizontal run of a marker's leader line, from the plot edge to the chip. */
    static final double LEADER = 16;

    private final HeatmapRenderer renderer = new HeatmapRenderer();
    private final ImageView image = new ImageView();
    private final ImageView legendBar = new ImageView();
    private final Region plotFrame = new Region();
    private final Region rowHighlight = new Region();
    private final Region hoverCell = new Region();
    private final Group axes = new Group();
    private final Group markers = new Group();
    private final Path leaders = new Path();
    private final Label readout = new Label();
    private final Text rowTitle = new Text();
    private final Text colTitle = new Text();
    private final List<Label> markerPool = new ArrayList<>();
    private final Map<Integer, String> markerByRow = new HashMap<>();

    private PixelBuffer<IntBuffer> pixels;
    private int[] argb = new int[0];
    private boolean dirty = true;
    private double plotX;
    private double plotY;
    private double plotW;
    private double plotH;
    private double pressX;
    private double pressY;
    private Viewport pressView;
    private boolean dragging;

    HeatmapSkin(Heatmap heatmap) {
        super(heatmap);
        image.getStyleClass().add("heatmap-image");
        plotFrame.getStyleClass().add("plot-frame");
        plotFrame.setMouseTransparent(true);
        rowHighlight.getStyleClass().add("row-highlight");
        rowHighlight.setMouseTransparent(true);
        rowHighlight.setManaged(false);
        hoverCell.getStyleClass().add("hover-cell");
        hoverCell.setMouseTransparent(true);
        hoverCell.setManaged(false);
        readout.getStyleClass().add("hover-readout");
        rowTitle.getStyleClass().add("axis-title");
        colTitle.getStyleClass().add("axis-title");
        rowTitle.setRotate(-90);
        rowTitle.setTextOrigin(VPos.CENTER);
        colTitle.setTextOrigin(VPos.CENTER);
        axes.setManaged(false);
        markers.setManaged(false);
        leaders.getStyleClass().add("marker-leader");
        leaders.setManaged(false);
        leaders.setMouseTransparent(true);
        getChildren().addAll(image, plotFrame, rowHighlight, hoverCell, leaders, markers, axes, legendBar, readout, rowTitle,
                colTitle);

        registerChangeListener(heatmap.dataProperty(), o -> redrawLater());
        registerChangeListener(heatmap.viewportProperty(), o -> redrawLater());
        registerChangeListener(heatmap.colorMapProperty(), o -> redrawLater());
        registerChangeListener(heatmap.colorRangeProperty(), o -> redrawLater());
        registerChangeListener(heatmap.selectedRowProperty(), o -> heatmap.requestLayout());
        registerChangeListener(heatmap.hoveredProperty(), o -> updateReadout());
        heatmap.getRowMarkers().addListener((javafx.collections.ListChangeListener<RowMarker>) c -> {
            rebuildMarkerIndex();
            heatmap.requestLayout();
        });
        rowTitle.textProperty().bind(heatmap.rowAxisLabelProperty());
        colTitle.textProperty().bind(heatmap.colAxisLabelProperty());
        rebuildMarkerIndex();
        updateReadout();
        installInput(heatmap);
    }

    private void installInput(Heatmap heatmap) {
        image.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        image.setOnMouseExited(e -> heatmap.setHovered(null));
        image.setOnMousePressed(e -> {
            heatmap.requestFocus();
            pressX = e.getX();
            pressY = e.getY();
            pressView = heatmap.getViewport();
            dragging = false;
        });
        image.setOnMouseDragged(this::drag);
        image.setOnMouseReleased(e -> {
            if (!dragging) {
                int row = cellRow(e.getY());
                if (row >= 0) {
                    heatmap.setSelectedRow(row);
                }
            }
            dragging = false;
        });
        image.setOnScroll(this::zoom);
        heatmap.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.HOME || (e.getCode() == KeyCode.DIGIT0 && e.isShortcutDown())) {
                heatmap.resetView();
                e.consume();
            }
        });
    }

    private void drag(MouseEvent e) {
        Heatmap h = getSkinnable();
        MeanPyramid d = h.getData();
        if (d == null || pressView == null) {
            return;
        }
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (!dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) {
            return;
        }
        dragging = true;
        h.setViewport(pressView.pan(dx, dy, plotW, plotH, d.rows(), d.cols()));
        hover(e.getX(), e.getY());
    }

    private void zoom(ScrollEvent e) {
        Heatmap h = getSkinnable();
        MeanPyramid d = h.getData();
        if (d == null || e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(1.0025, e.getDeltaY());
        h.setViewport(view().zoom(factor, e.getX(), e.getY(), plotW, plotH, d.rows(), d.cols()));
        hover(e.getX(), e.getY());
        e.consume();
    }

    /** Hover reads the source at full resolution, whatever level is drawn. */
    private void hover(double x, double y) {
        Heatmap h = getSkinnable();
        MeanPyramid d = h.getData();
        if (d == null || plotW <= 0) {
            h.setHovered(null);
            return;
        }
        Viewport v = view();
        int row = v.rowAt(y, plotH);
        int col = v.colAt(x, plotW);
        if (row < 0 || row >= d.rows() || col < 0 || col >= d.cols()) {
            h.setHovered(null);
            return;
        }
        h.setHovered(new HeatmapCell(row, col, d.source().get(row, col)));
    }

    private int cellRow(double y) {
        MeanPyramid d = getSkinnable().getData();
        if (d == null || plotH <= 0) {
            return -1;
        }
        int row = view().rowAt(y, plotH);
        return row >= 0 && row < d.rows() ? row : -1;
    }

    private Viewport view() {
        Heatmap h = getSkinnable();
        MeanPyramid d = h.getData();
        Viewport v = h.getViewport();
        if (d == null) {
            return new Viewport(0, 0, 1, 1);
        }
        return v == null ? Viewport.whole(d.rows(), d.cols()) : v.clamped(d.rows(), d.cols());
    }

    private void updateReadout() {
        HeatmapCell c = getSkinnable().getHovered();
        if (c == null) {
            readout.setText("");
            hoverCell.setVisible(false);
            return;
        }
        Heatmap h = getSkinnable();
        String token = markerByRow.get(c.row());
        readout.setText(h.getRowAxisLabel() + " " + c.row() + (token == null ? "" : " “" + token + "”") + "  ·  "
                + h.getColAxisLabel() + " " + c.col() + "  ·  " + formatValue(c.value()));
        getSkinnable().requestLayout();
    }

    static String formatValue(float v) {
        return Float.isNaN(v) ? "NaN" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private void rebuildMarkerIndex() {
        markerByRow.clear();
        for (RowMarker m : getSkinnable().getRowMarkers()) {
            markerByRow.merge(m.row(), m.label(), (a, b) -> a + " " + b);
        }
    }

    private void redrawLater() {
        dirty = true;
        getSkinnable().requestLayout();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double markerW = layoutMarkerWidth();
        plotX = x + ROW_TITLE + TICK_LABELS;
        plotY = y + TOP;
        double newW = Math.max(1, Math.floor(w - ROW_TITLE - TICK_LABELS - markerW - LEGEND));
        double newH = Math.max(1, Math.floor(h - TOP - BOTTOM));
        if (newW != plotW || newH != plotH) {
            plotW = newW;
            plotH = newH;
            dirty = true;
        }
        image.relocate(plotX, plotY);
        // the frame sits just outside the image so that it never covers a row or column of data
        plotFrame.resizeRelocate(plotX - 1, plotY - 1, plotW + 2, plotH + 2);
        readout.resizeRelocate(plotX, y, plotW, TOP - 4);
        if (dirty) {
            redraw();
        }
        layoutAxes();
        layoutMarkers(plotX + plotW + 6, markerW);
        layoutLegend(plotX + plotW + markerW + 10);
        layoutOverlays();
        double rowTitleW = rowTitle.getLayoutBounds().getWidth();
        rowTitle.relocate(x + ROW_TITLE / 2 - rowTitleW / 2, plotY + plotH / 2 - rowTitle.getLayoutBounds().getHeight() / 2);
        colTitle.relocate(plotX + plotW / 2 - colTitle.getLayoutBounds().getWidth() / 2, plotY + plotH + BOTTOM - 16);
    }

    private void redraw() {
        dirty = false;
        MeanPyramid d = getSkinnable().getData();
        int w = (int) plotW;
        int h = (int) plotH;
        if (pixels == null || pixels.getWidth() != w || pixels.getHeight() != h) {
            IntBuffer buffer = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
            pixels = new PixelBuffer<>(w, h, buffer, PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(pixels));
            argb = new int[w * h];
        }
        if (d == null) {
            java.util.Arrays.fill(argb, 0);
        } else {
            float[] range = getSkinnable().valueRange();
            renderer.render(d, view(), getSkinnable().getColorMap(), range[0], range[1], argb, w, h);
        }
        pixels.updateBuffer(b -> {
            b.getBuffer().clear();
            b.getBuffer().put(argb, 0, w * h);
            return null;
        });
        updateLegendImage();
    }

    private void updateLegendImage() {
        ColorMap map = getSkinnable().getColorMap();
        WritableImage bar = new WritableImage(1, ColorMap.SIZE);
        for (int i = 0; i < ColorMap.SIZE; i++) {
            bar.getPixelWriter().setArgb(0, ColorMap.SIZE - 1 - i, map.argb(i / (double) (ColorMap.SIZE - 1)));
        }
        legendBar.setImage(bar);
    }

    private void layoutAxes() {
        axes.getChildren().clear();
        MeanPyramid d = getSkinnable().getData();
        if (d == null) {
            return;
        }
        Viewport v = view();
        double[] rowTicks = AxisTicks.cells(v.row0(), v.row0() + v.rows(), Math.max(2, (int) (plotH / 60)));
        for (double t : rowTicks) {
            double ty = plotY + v.yOf(t + 0.5, plotH);
            if (ty < plotY - 0.5 || ty > plotY + plotH + 0.5) {
                continue;
            }
            addTick(plotX - 5, ty, plotX, ty);
            Text label = tickLabel(AxisTicks.format(t, rowTicks));
            label.setTextOrigin(VPos.CENTER);
            label.setTextAlignment(TextAlignment.RIGHT);
            label.relocate(plotX - 7 - label.getLayoutBounds().getWidth(), ty - label.getLayoutBounds().getHeight() / 2);
        }
        double[] colTicks = AxisTicks.cells(v.col0(), v.col0() + v.cols(), Math.max(2, (int) (plotW / 80)));
        for (double t : colTicks) {
            double tx = plotX + v.xOf(t + 0.5, plotW);
            if (tx < plotX - 0.5 || tx > plotX + plotW + 0.5) {
                continue;
            }
            addTick(tx, plotY + plotH, tx, plotY + plotH + 5);
            Text label = tickLabel(AxisTicks.format(t, colTicks));
            label.relocate(tx - label.getLayoutBounds().getWidth() / 2, plotY + plotH + 6);
        }
    }

    private void addTick(double x0, double y0, double x1, double y1) {
        Line tick = new Line(x0, y0, x1, y1);
        tick.getStyleClass().add("tick-mark");
        axes.getChildren().add(tick);
    }

    private Text tickLabel(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("tick-label");
        axes.getChildren().add(t);
        t.applyCss(); // measure with the styled font
        return t;
    }

    private void layoutLegend(double x) {
        Heatmap h = getSkinnable();
        float[] range = h.valueRange();
        double barW = 14;
        legendBar.setFitWidth(barW);
        legendBar.setFitHeight(plotH);
        legendBar.setPreserveRatio(false);
        legendBar.relocate(x, plotY);
        boolean high = h.clipsHigh();
        boolean low = h.clipsLow();
        double[] ticks = AxisTicks.linear(range[0], range[1], Math.max(2, (int) (plotH / 50)));
        double keepOff = high || low ? 16 : 0; // room for the end labels of a clipped range
        for (double t : ticks) {
            double ty = legendY(t, range);
            if ((high && ty - plotY < keepOff) || (low && plotY + plotH - ty < keepOff)) {
                continue;
            }
            legendTick(x + barW, ty, AxisTicks.format(t, ticks));
        }
        // a clipped range: its ends labelled exactly, a triangle in the end colour beyond each clipped end
        ColorMap map = h.getColorMap();
        if (high) {
            legendTick(x + barW, plotY, endLabel(range[1]));
            clipTriangle("clip-over", x, barW, plotY - 2, plotY - 10, map.argb(1));
        }
        if (low) {
            legendTick(x + barW, plotY + plotH, endLabel(range[0]));
            clipTriangle("clip-under", x, barW, plotY + plotH + 2, plotY + plotH + 10, map.argb(0));
        }
        if (high || low) {
            ColorRange mode = h.getColorRange() == null ? ColorRange.AUTO : h.getColorRange();
            Text note = new Text(mode.clipNote());
            note.getStyleClass().addAll("tick-label", "clip-note");
            axes.getChildren().add(note);
            note.applyCss();
            double right = getSkinnable().getWidth() - 2;
            double noteW = note.getLayoutBounds().getWidth();
            note.relocate(Math.min(x, right - noteW), plotY + plotH + 14);
        }
    }

    private double legendY(double value, float[] range) {
        return plotY + plotH * (1 - (value - range[0]) / (range[1] - range[0]));
    }

    private void legendTick(double x, double ty, String text) {
        addTick(x, ty, x + 4, ty);
        Text label = tickLabel(text);
        label.relocate(x + 6, ty - label.getLayoutBounds().getHeight() / 2);
    }

    static String endLabel(float v) {
        return String.format(java.util.Locale.ROOT, "%.2g", v); // two digits: the legend column is narrow
    }

    private void clipTriangle(String styleClass, double x, double barW, double baseY, double apexY, int argb) {
        Polygon p = new Polygon(x, baseY, x + barW, baseY, x + barW / 2, apexY);
        p.getStyleClass().addAll("clip-marker", styleClass);
        p.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
        axes.getChildren().add(p);
    }

    /** The marker column is as wide as the widest chip (capped), or absent without markers. */
    private double layoutMarkerWidth() {
        if (getSkinnable().getRowMarkers().isEmpty()) {
            return 0;
        }
        double widest = 0;
        Label probe = markerPool.isEmpty() ? newMarker() : markerPool.get(0);
        String before = probe.getText();
        for (String s : markerByRow.values()) {
            probe.setText(s);
            widest = Math.max(widest, probe.prefWidth(-1));
            if (widest >= MARKER_MAX_WIDTH) {
                break;
            }
        }
        probe.setText(before);
        return Math.min(widest, MARKER_MAX_WIDTH) + 12 + LEADER;
    }

    private Label newMarker() {
        Label l = new Label();
        l.getStyleClass().add("row-marker");
        l.setManaged(false);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setOnMouseClicked(e -> {
            Object row = l.getUserData();
            if (row instanceof Integer r) {
                getSkinnable().setSelectedRow(r);
            }
        });
        markerPool.add(l);
        markers.getChildren().add(l);
        l.applyCss();
        return l;
    }

    /**
     * Chips in row order, each as near its row as the chips above allow, with a leader line from the plot edge
     * at the row to the chip: consecutive typed tokens (rows 0, 1, 2, … at a pixel or two apart) then stack
     * readably instead of hiding each other. Chips that would run past the plot's bottom are left out (zoom in
     * to see them; hover always names the row's token).
     */
    private void layoutMarkers(double x, double width) {
        Heatmap h = getSkinnable();
        MeanPyramid d = h.getData();
        int used = 0;
        leaders.getElements().clear();
        if (d != null && width > 0) {
            Viewport v = view();
            int selected = h.getSelectedRow();
            List<Integer> rows = new ArrayList<>(markerByRow.keySet());
            rows.sort(null);
            double lastBottom = plotY - 1;
            double chipX = x + LEADER;
            for (int row : rows) {
                double cy = plotY + v.yOf(row + 0.5, plotH);
                if (row >= d.rows() || cy < plotY || cy > plotY + plotH) {
                    continue;
                }
                Label l = used < markerPool.size() ? markerPool.get(used) : newMarker();
                l.setText(markerByRow.get(row));
                l.setUserData(row);
                double lh = Math.ceil(l.prefHeight(-1));
                double top = Math.max(Math.round(cy - lh / 2), lastBottom + 1);
                if (top + lh > plotY + plotH + lh / 2) {
                    break;
                }
                l.pseudoClassStateChanged(SELECTED, row == selected);
                l.setVisible(true);
                l.resizeRelocate(chipX, top, Math.min(l.prefWidth(-1), width - LEADER - 6), lh);
                leaders.getElements().addAll(new MoveTo(x - 6, cy), new LineTo(x, cy), new LineTo(chipX, top + lh / 2));
                lastBottom = top + lh;
                used++;
            }
        }
        for (int i = used; i < markerPool.size(); i++) {
            markerPool.get(i).setVisible(false);
        }
    }

    private void layoutOverlays() {
        Heatmap h = getSkinnable();
        MeanPyramid d = h.getData();
        Viewport v = view();
        int row = h.getSelectedRow();
        if (d != null && row >= 0 && row < d.rows()) {
            double top = v.yOf(row, plotH);
            double bottom = v.yOf(row + 1, plotH);
            double mid = (top + bottom) / 2;
            double height = Math.max(3, bottom - top);
            boolean inView = bottom >= 0 && top <= plotH;
            rowHighlight.setVisible(inView);
            rowHighlight.resizeRelocate(plotX - 2, plotY + mid - height / 2, plotW + 4, height);
        } else {
            rowHighlight.setVisible(false);
        }
        HeatmapCell c = h.getHovered();
        if (d != null && c != null) {
            double x0 = v.xOf(c.col(), plotW);
            double x1 = v.xOf(c.col() + 1, plotW);
            double y0 = v.yOf(c.row(), plotH);
            double y1 = v.yOf(c.row() + 1, plotH);
            // outline only cells big enough to see; smaller ones would hide what is under the cursor
            boolean big = x1 - x0 >= 4 && y1 - y0 >= 4;
            hoverCell.setVisible(big);
            hoverCell.resizeRelocate(plotX + x0, plotY + y0, x1 - x0, y1 - y0);
        } else {
            hoverCell.setVisible(false);
        }
    }

    /**
     * Never narrower than its margins, the marker column and a readable plot: squeezed below that, a parent
     * would leave the matrix a pixel wide while its labels kept their room.
     */
    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + ROW_TITLE + TICK_LABELS + MIN_PLOT + layoutMarkerWidth() + LEGEND + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + TOP + MIN_PLOT / 2 + BOTTOM + bottom;
    }

    /** Plot area in the control's coordinates: x, y, width, height (for tests and exports). */
    double[] plotArea() {
        return new double[] {plotX, plotY, plotW, plotH};
    }
}
