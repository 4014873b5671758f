package org.tokenlens.app.map;

import java.nio.IntBuffer;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * Draws a {@link ScatterMap} in two layers: the points as pixels in a {@link WritableImage} over a
 * {@link PixelBuffer} that the raster writes into directly (redrawn when the view,
 * the points or the highlight change) and a canvas overlay for the few vector things — the sentence path, its
 * labels, selection and hover rings — redrawn alone on hover. Redraws are coalesced into the layout pass, so a burst
 * of wheel events or t-SNE iterations costs one frame each pulse. The legend and the hover label are nodes.
 */
final class ScatterMapSkin extends SkinBase<ScatterMap> {
    private static final double KEY_PAN = 40;
    private static final double KEY_ZOOM = 1.25;
    private static final double WHEEL_NOTCH = 40;
    private static final double WHEEL_ZOOM = 1.2;
    /** Label boxes let the densest clusters show through a little. */
    static final double LABEL_OPACITY = 0.85;
    private static final double LEGEND_MARGIN = 10;

    private final PointRaster raster = new PointRaster();
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final VBox legend = new VBox();
    private final Label tooltip = new Label();
    private final Rectangle clip = new Rectangle();
    private final PathLayout.Measure measure = new PathLayout.Measure();
    private PixelBuffer<IntBuffer> pixelBuffer;
    private WritableImage image;

    private LegendCorner legendCorner = LegendCorner.TOP_RIGHT;
    /** Points, path or size changed: choose the legend's corner again (not while panning: it would jump). */
    private boolean placeLegend = true;
    private boolean rasterDirty = true;
    private boolean overlayDirty = true;
    private boolean[] dimmed = new boolean[0];
    private int[] highlightIndices = new int[0];
    private double lastX;
    private double lastY;

    ScatterMapSkin(ScatterMap map) {
        super(map);
        imageView.setManaged(false);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        legend.getStyleClass().add("map-legend");
        legend.setMouseTransparent(true);
        legend.setManaged(false);
        tooltip.getStyleClass().add("map-tooltip");
        tooltip.setManaged(false);
        tooltip.setMouseTransparent(true);
        tooltip.setVisible(false);
        getChildren().addAll(imageView, overlay, legend, tooltip);
        map.setClip(clip);

        registerChangeListener(map.pointsProperty(), obs -> {
            placeLegend = true;
            updateHighlight();
            rebuildLegend();
            repick();
            invalidate(true);
        });
        registerChangeListener(map.transformProperty(), obs -> {
            if (map.getTransform() != null && map.getTransform() == map.fittedTransform()) {
                // a fit (new points, a resize): the corner chosen before it was measured on the old view — after
                // the neighbour panel opened, the legend sat on the selected point in presentation type
                placeLegend = true;
            }
            repick();
            invalidate(true);
        });
        registerChangeListener(map.highlightedPointsProperty(), obs -> {
            updateHighlight();
            invalidate(true);
        });
        registerChangeListener(map.dimUnhighlightedProperty(), obs -> {
            updateHighlight();
            invalidate(true);
        });
        registerChangeListener(map.selectedPointsProperty(), obs -> invalidate(false));
        registerChangeListener(map.sentencePathProperty(), obs -> {
            placeLegend = true;
            invalidate(false);
        });
        registerChangeListener(map.hoveredPointProperty(), obs -> {
            updateTooltip();
            invalidate(false);
        });
        registerChangeListener(map.showLegendProperty(), obs -> rebuildLegend());
        for (var look : map.styleObservables()) {
            registerChangeListener(look, obs -> {
                rebuildLegend();
                invalidate(true);
            });
        }

        map.addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseMoved);
        map.addEventHandler(MouseEvent.MOUSE_EXITED, e -> map.setHoveredPoint(-1));
        map.addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        map.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        map.addEventHandler(MouseEvent.MOUSE_CLICKED, this::mouseClicked);
        map.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        map.addEventHandler(ZoomEvent.ZOOM, e -> {
            map.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        map.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        updateHighlight();
        rebuildLegend();
    }

    private void invalidate(boolean points) {
        rasterDirty |= points;
        overlayDirty = true;
        getSkinnable().requestLayout();
    }

    // ---- input

    private void mouseMoved(MouseEvent e) {
        lastX = e.getX();
        lastY = e.getY();
        ScatterMap map = getSkinnable();
        map.setHoveredPoint(map.pick(lastX, lastY));
        positionTooltip();
    }

    /** After a zoom, a pan or new coordinates, a different point may be under a mouse that did not move. */
    private void repick() {
        ScatterMap map = getSkinnable();
        if (map.isHover()) {
            map.setHoveredPoint(map.pick(lastX, lastY));
        } else if (map.getHoveredPoint() >= 0 && map.getPoints().indexOf(map.getHoveredPoint()) < 0) {
            map.setHoveredPoint(-1);
        }
    }

    private void mousePressed(MouseEvent e) {
        getSkinnable().requestFocus();
        lastX = e.getX();
        lastY = e.getY();
    }

    private void mouseDragged(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            getSkinnable().panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        }
    }

    private void mouseClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        ScatterMap map = getSkinnable();
        int id = map.pick(e.getX(), e.getY());
        IdSet selected = map.getSelectedPoints();
        if (e.isShiftDown()) {
            if (id >= 0) {
                map.setSelectedPoints(selected.contains(id) ? selected.without(id) : selected.with(id));
            }
        } else {
            map.setSelectedPoints(id >= 0 ? IdSet.of(id) : IdSet.empty());
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            // deltaY / multiplier is wheel notches on every platform (desktops: 40 px a notch, Monocle: 1)
            double notches = e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : WHEEL_NOTCH);
            getSkinnable().zoomAt(Math.pow(WHEEL_ZOOM, notches), e.getX(), e.getY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        ScatterMap map = getSkinnable();
        double cx = map.getWidth() / 2;
        double cy = map.getHeight() / 2;
        KeyCode code = e.getCode();
        if (e.isShortcutDown() && (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0)) {
            map.fitToView();
        } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            map.zoomAt(KEY_ZOOM, cx, cy);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            map.zoomAt(1 / KEY_ZOOM, cx, cy);
        } else if (code == KeyCode.LEFT) {
            map.panBy(KEY_PAN, 0);
        } else if (code == KeyCode.RIGHT) {
            map.panBy(-KEY_PAN, 0);
        } else if (code == KeyCode.UP) {
            map.panBy(0, KEY_PAN);
        } else if (code == KeyCode.DOWN) {
            map.panBy(0, -KEY_PAN);
        } else {
            return;
        }
        e.consume();
    }

    // ---- derived state

    private void updateHighlight() {
        ScatterMap map = getSkinnable();
        MapPoints points = map.getPoints();
        highlightIndices = map.indicesOf(map.getHighlightedPoints());
        if (dimmed.length < points.size()) {
            dimmed = new boolean[points.size()];
        }
        boolean dim = map.dimUnhighlightedProperty().get() && highlightIndices.length > 0;
        java.util.Arrays.fill(dimmed, 0, points.size(), dim);
        for (int i : highlightIndices) {
            dimmed[i] = false;
        }
    }

    private void rebuildLegend() {
        ScatterMap map = getSkinnable();
        List<String> names = map.getPoints().categoryNames();
        legend.getChildren().clear();
        legend.setVisible(map.showLegendProperty().get() && !names.isEmpty());
        int[] counts = map.getPoints().categoryCounts();
        for (int k = 0; k < names.size(); k++) {
            if (k >= counts.length || counts[k] == 0) {
                continue; // the legend lists what is on the map ("leading space 0" read as a bug)
            }
            Region swatch = new Region();
            swatch.getStyleClass().add("legend-swatch");
            swatch.setBackground(new Background(new BackgroundFill(map.categoryColor(k), new CornerRadii(3),
                    Insets.EMPTY)));
            Label name = new Label(names.get(k));
            name.getStyleClass().add("legend-name");
            Label count = new Label(String.format("%,d", counts[k]));
            count.getStyleClass().add("legend-count");
            HBox row = new HBox(swatch, name, count);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("legend-entry");
            legend.getChildren().add(row);
        }
        overlayDirty = true; // path labels avoid the legend's box
        getSkinnable().requestLayout();
    }

    private void updateTooltip() {
        ScatterMap map = getSkinnable();
        int id = map.getHoveredPoint();
        if (id < 0) {
            tooltip.setVisible(false);
            return;
        }
        String meta = map.metadataProperty().get().apply(id);
        String head = map.getPoints().label(id) + "   #" + id;
        tooltip.setText(meta == null || meta.isEmpty() ? head : head + "\n" + meta);
        tooltip.setVisible(true);
        positionTooltip();
    }

    private void positionTooltip() {
        if (!tooltip.isVisible()) {
            return;
        }
        ScatterMap map = getSkinnable();
        tooltip.applyCss();
        double w = tooltip.prefWidth(-1);
        double h = tooltip.prefHeight(w);
        double x = lastX + 14;
        double y = lastY + 14;
        if (x + w > map.getWidth()) {
            x = lastX - 14 - w;
        }
        if (y + h > map.getHeight()) {
            y = lastY - 14 - h;
        }
        tooltip.resizeRelocate(Math.max(0, x), Math.max(0, y), w, h);
    }

    // ---- drawing

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        ScatterMap map = getSkinnable();
        int width = (int) Math.ceil(map.getWidth());
        int height = (int) Math.ceil(map.getHeight());
        clip.setWidth(map.getWidth());
        clip.setHeight(map.getHeight());
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            if (width > 0 && height > 0) {
                raster.resize(width, height);
                pixelBuffer = new PixelBuffer<>(width, height, IntBuffer.wrap(raster.pixels()),
                        PixelFormat.getIntArgbPreInstance());
                image = new WritableImage(pixelBuffer);
                imageView.setImage(image);
                overlay.setWidth(width);
                overlay.setHeight(height);
                rasterDirty = overlayDirty = placeLegend = true;
            }
        }
        double lw = legend.prefWidth(-1);
        double lh = legend.prefHeight(lw);
        map.setLegendInset(legend.isVisible() ? lw + LEGEND_MARGIN : 0);
        if (map.getTransform() == null) {
            map.fitToView();
        }
        if (placeLegend || lw != legend.getWidth() || lh != legend.getHeight()) {
            placeLegend = false;
            legendCorner = LegendCorner.choose(map.getPoints(), map.getSentencePath(), map.getTransform(),
                    map.getWidth(), map.getHeight(), lw, lh, LEGEND_MARGIN, legendCorner);
        }
        double lx = legendCorner.x(map.getWidth(), lw, LEGEND_MARGIN);
        double ly = legendCorner.y(map.getHeight(), lh, LEGEND_MARGIN);
        if (lx != legend.getLayoutX() || ly != legend.getLayoutY() || lw != legend.getWidth()
                || lh != legend.getHeight()) {
            overlayDirty = true; // the labels avoid the legend: placed before the overlay is drawn
        }
        legend.resizeRelocate(lx, ly, lw, lh);
        if (image != null && map.getTransform() != null) {
            if (rasterDirty) {
                drawPoints();
            }
            if (overlayDirty) {
                drawOverlay();
            }
        }
        positionTooltip();
    }

    private void drawPoints() {
        rasterDirty = false;
        ScatterMap map = getSkinnable();
        MapPoints points = map.getPoints();
        MapTransform t = map.getTransform();
        int[] palette = map.paletteArgb();
        float radius = map.getPointRadius();
        raster.clear(ScatterMap.argb(map.getPlotBackground()));
        boolean dim = map.dimUnhighlightedProperty().get() && highlightIndices.length > 0;
        raster.drawPoints(points, t, palette, radius, map.getPointOpacity(), dim ? dimmed : null,
                map.getDimOpacity());
        raster.drawOutlined(points, t, highlightIndices, highlightIndices.length, palette, radius,
                ScatterMap.argb(map.getHighlightStroke()));
        pixelBuffer.updateBuffer(buffer -> null); // null: the whole image changed
    }

    private void drawOverlay() {
        overlayDirty = false;
        ScatterMap map = getSkinnable();
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        MapPoints points = map.getPoints();
        MapTransform t = map.getTransform();
        double radius = map.getPointRadius();

        List<double[]> avoid = legend.isVisible() // labels once ran under the legend ([CLS] in presentation mode)
                ? List.of(new double[] {legend.getLayoutX(), legend.getLayoutY(), legend.getWidth(),
                    legend.getHeight()})
                : List.of();
        PathLayout path = PathLayout.compute(points, map.getSentencePath(), t, map.getFont(),
                overlay.getWidth(), overlay.getHeight(), measure, avoid);
        drawPath(g, map, points, path);

        g.setLineWidth(2);
        g.setStroke(map.getSelectionStroke());
        for (int i : map.indicesOf(map.getSelectedPoints())) {
            ring(g, t.toScreenX(points.x(i)), t.toScreenY(points.y(i)), radius + 5);
        }
        int hovered = points.indexOf(map.getHoveredPoint());
        if (hovered >= 0) {
            g.setLineWidth(1.5);
            g.setStroke(map.getTextFill());
            ring(g, t.toScreenX(points.x(hovered)), t.toScreenY(points.y(hovered)), radius + 4);
        }
    }

    private static void ring(GraphicsContext g, double x, double y, double r) {
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    private void drawPath(GraphicsContext g, ScatterMap map, MapPoints points, PathLayout path) {
        double m = path.markerRadius;
        double width = path.lineWidth;
        // a halo in the background colour keeps the path readable across dense clusters
        Color halo = map.getPlotBackground().deriveColor(0, 1, 1, 0.7);
        for (int pass = 0; pass < 2; pass++) {
            Color c = pass == 0 ? halo : map.getPathStroke();
            g.setStroke(c);
            g.setFill(c);
            g.setLineWidth(pass == 0 ? width + 3 : width);
            for (int k = 1; k < path.steps(); k++) {
                arrow(g, path.stepX[k - 1], path.stepY[k - 1], path.stepX[k], path.stepY[k], m + 2, m * 1.8);
            }
        }
        g.setStroke(map.getPathStroke());
        g.setLineWidth(width);
        for (int k = 0; k < path.steps(); k++) {
            double x = path.stepX[k];
            double y = path.stepY[k];
            g.setFill(map.categoryColor(points.category(path.stepIndex[k])));
            g.fillOval(x - m, y - m, 2 * m, 2 * m);
            g.strokeOval(x - m, y - m, 2 * m, 2 * m);
        }
        g.setFont(map.getFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (PathLayout.Label label : path.labels) {
            if (label.leader()) {
                g.setStroke(map.getTextFill());
                g.setLineWidth(0.8);
                double lx = Math.max(label.x(), Math.min(label.anchorX(), label.x() + label.width()));
                double ly = Math.max(label.y(), Math.min(label.anchorY(), label.y() + label.height()));
                g.strokeLine(label.anchorX(), label.anchorY(), lx, ly);
            }
            g.setFill(map.getLabelBackground().deriveColor(0, 1, 1, LABEL_OPACITY));
            g.fillRoundRect(label.x(), label.y(), label.width(), label.height(), 6, 6);
            g.setFill(map.getTextFill());
            g.fillText(label.text(), label.x() + PathLayout.LABEL_PAD_X, label.y() + PathLayout.LABEL_PAD_Y);
        }
    }

    /** A segment from one step towards the next, ending with an arrowhead short of the target's marker. */
    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, double stopShort,
                              double arrowLength) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return; // the same point twice in a row
        }
        double ux = dx / len;
        double uy = dy / len;
        double ex = x1 - ux * stopShort;
        double ey = y1 - uy * stopShort;
        g.strokeLine(x0 + ux * stopShort, y0 + uy * stopShort, ex, ey);
        if (len < 2 * stopShort + arrowLength) {
            return; // too short for a readable head
        }
        double bx = ex - ux * arrowLength;
        double by = ey - uy * arrowLength;
        double half = arrowLength * 0.45;
        g.fillPolygon(new double[] {ex, bx - uy * half, bx + uy * half},
                new double[] {ey, by + ux * half, by - ux * half}, 3);
    }
}
