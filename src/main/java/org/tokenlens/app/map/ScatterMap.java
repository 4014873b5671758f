package org.tokenlens.app.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A scatter plot for 100k+ points: the projected vocabulary, coloured by category with a legend, search matches
 * outlined on top, the typed sentence as a labelled path with arrows. Points are pixels (see {@link PointRaster}),
 * picking goes through a grid ({@link SpatialIndex}); only the overlay (path, labels, hover) is vector drawing.
 *
 * <p>Pan by dragging or the arrow keys, zoom with the wheel or a pinch around the cursor or +/− around the centre,
 * Ctrl+0 fits. Hover sets {@link #hoveredPointProperty()}; a click selects the nearest point, shift-click toggles
 * it in {@link #selectedPointsProperty()}. Colours, radius and opacities are CSS ({@code scatter-map.css}).
 *
 * <p>A null {@link #transformProperty() transform} means "fit at the next layout". The owner decides whether a new
 * t-SNE iteration keeps the view (set points only) or follows the layout (set points, then {@link #fitToView()}).
 */
public class ScatterMap extends Control {
    /** Okabe–Ito, the palette every TokenLens view colours categories with (DESIGN.md). */
    static final Color[] OKABE_ITO = {
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"), Color.web("#F0E442"),
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#999999")};
    static final double FIT_PADDING = 24;

    private static final StyleablePropertyFactory<ScatterMap> CSS =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private final ObjectProperty<MapPoints> points = new SimpleObjectProperty<>(this, "points", MapPoints.empty());
    private final ObjectProperty<MapTransform> transform = new SimpleObjectProperty<>(this, "transform");
    private final ReadOnlyIntegerWrapper hoveredPoint = new ReadOnlyIntegerWrapper(this, "hoveredPoint", -1);
    private final ObjectProperty<IdSet> selectedPoints =
            new SimpleObjectProperty<>(this, "selectedPoints", IdSet.empty());
    private final ObjectProperty<IdSet> highlightedPoints =
            new SimpleObjectProperty<>(this, "highlightedPoints", IdSet.empty());
    private final BooleanProperty dimUnhighlighted = new SimpleBooleanProperty(this, "dimUnhighlighted", false);
    private final ObjectProperty<SentencePath> sentencePath =
            new SimpleObjectProperty<>(this, "sentencePath", SentencePath.empty());
    private final ObjectProperty<IntFunction<String>> metadata =
            new SimpleObjectProperty<>(this, "metadata", id -> "");
    private final DoubleProperty pickRadius = new SimpleDoubleProperty(this, "pickRadius", 10);
    private final BooleanProperty showLegend = new SimpleBooleanProperty(this, "showLegend", true);
    private double legendInset;

    private final StyleableProperty<Color> plotBackground = CSS.createStyleableColorProperty(
            this, "plotBackground", "-map-background", m -> m.plotBackground, Color.WHITE);
    private final StyleableProperty<Color> textFill = CSS.createStyleableColorProperty(
            this, "textFill", "-map-text-fill", m -> m.textFill, Color.web("#1c1c1e"));
    private final StyleableProperty<Color> labelBackground = CSS.createStyleableColorProperty(
            this, "labelBackground", "-map-label-background", m -> m.labelBackground, Color.rgb(255, 255, 255, 0.85));
    private final StyleableProperty<Color> pathStroke = CSS.createStyleableColorProperty(
            this, "pathStroke", "-map-path-stroke", m -> m.pathStroke, Color.web("#1c1c1e"));
    private final StyleableProperty<Color> highlightStroke = CSS.createStyleableColorProperty(
            this, "highlightStroke", "-map-highlight-stroke", m -> m.highlightStroke, Color.BLACK);
    private final StyleableProperty<Color> selectionStroke = CSS.createStyleableColorProperty(
            this, "selectionStroke", "-map-selection-stroke", m -> m.selectionStroke, Color.web("#d0021b"));
    private final StyleableProperty<Number> pointRadius = CSS.createStyleableNumberProperty(
            this, "pointRadius", "-map-point-radius", m -> m.pointRadius, 2.0);
    private final StyleableProperty<Number> pointOpacity = CSS.createStyleableNumberProperty(
            this, "pointOpacity", "-map-point-opacity", m -> m.pointOpacity, 0.75);
    private final StyleableProperty<Number> dimOpacity = CSS.createStyleableNumberProperty(
            this, "dimOpacity", "-map-dim-opacity", m -> m.dimOpacity, 0.12);
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(
            this, "font", "-fx-font", m -> m.font, Font.getDefault(), true);
    private final List<StyleableProperty<Color>> palette = new ArrayList<>(OKABE_ITO.length);

    private final SpatialIndex index = new SpatialIndex();

    public ScatterMap() {
        getStyleClass().add("scatter-map");
        setFocusTraversable(true);
        for (int k = 0; k < OKABE_ITO.length; k++) {
            int slot = k;
            palette.add(CSS.createStyleableColorProperty(
                    this, "category" + k, "-map-category-" + k, m -> m.palette.get(slot), OKABE_ITO[k]));
        }
        index.rebuild(points.get());
        points.addListener((obs, old, now) -> {
            index.rebuild(now == null ? MapPoints.empty() : now);
        });
        // a view still as the last fit left it follows the map's size (the neighbour panel opening beside it hid
        // the points on that side); a view the user panned or zoomed stays where it is
        javafx.beans.InvalidationListener refit = obs -> {
            if (fitted != null && transform.get() == fitted) {
                fitToView();
            }
        };
        widthProperty().addListener(refit);
        heightProperty().addListener(refit);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ScatterMapSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return ScatterMap.class.getResource("scatter-map.css").toExternalForm();
    }

    // ---- view operations

    /** The id of the point nearest screen point (sx, sy) within {@link #pickRadiusProperty()} pixels, or -1. */
    public int pick(double sx, double sy) {
        MapTransform t = transform.get();
        MapPoints p = getPoints();
        if (t == null || p == null) {
            return -1;
        }
        int i = index.nearest(t.toDataX(sx), t.toDataY(sy), getPickRadius() / t.scale());
        return i < 0 ? -1 : p.id(i);
    }

    /** Shows every point, with a margin; does nothing before the map has a size or points. */
    public void fitToView() {
        MapPoints p = getPoints();
        double w = getWidth();
        double h = getHeight();
        if (p == null || !p.hasBounds() || w <= 0 || h <= 0) {
            return;
        }
        MapTransform full = MapTransform.fit(p.minX(), p.minY(), p.maxX(), p.maxY(), w, h, FIT_PADDING);
        // a map wider than its data leaves the legend's strip free when that costs under a fifth of the scale:
        // the legend then covers no point (in presentation type it lay over the cloud and beside the path)
        double inset = legendInset;
        if (inset > 0 && w - inset > 2 * FIT_PADDING) {
            MapTransform left = MapTransform.fit(p.minX(), p.minY(), p.maxX(), p.maxY(), w - inset, h, FIT_PADDING);
            if (left.scale() >= 0.8 * full.scale()) {
                fitted = left;
                transform.set(left);
                return;
            }
        }
        fitted = full;
        transform.set(full);
    }

    /** The transform {@link #fitToView()} set last: the skin places its legend again for a fit, not for a pan. */
    private MapTransform fitted;

    MapTransform fittedTransform() {
        return fitted;
    }

    /** Width the skin's legend takes from the right edge (with its margin), 0 without a legend. */
    void setLegendInset(double inset) {
        legendInset = inset;
    }

    /** Zooms by {@code factor} keeping the point under (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        MapTransform t = transform.get();
        if (t != null && factor > 0 && Double.isFinite(factor)) {
            double s = t.scale() * factor;
            if (s > 1e-12 && s < 1e12) {
                transform.set(t.zoomedAt(factor, sx, sy));
            }
        }
    }

    public void panBy(double dx, double dy) {
        MapTransform t = transform.get();
        if (t != null) {
            transform.set(t.panned(dx, dy));
        }
    }

    /** Category colours as opaque ARGB ints, from CSS. */
    int[] paletteArgb() {
        int[] out = new int[palette.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = argb(palette.get(k).getValue());
        }
        return out;
    }

    Color categoryColor(int category) {
        return palette.get(category % palette.size()).getValue();
    }

    static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    // ---- properties

    public ObjectProperty<MapPoints> pointsProperty() {
        return points;
    }

    public MapPoints getPoints() {
        return points.get();
    }

    public void setPoints(MapPoints value) {
        points.set(value);
    }

    /** Data → screen; null until the first fit. */
    public ObjectProperty<MapTransform> transformProperty() {
        return transform;
    }

    public MapTransform getTransform() {
        return transform.get();
    }

    public void setTransform(MapTransform value) {
        transform.set(value);
    }

    /** The id under the mouse, -1 when none. */
    public ReadOnlyIntegerProperty hoveredPointProperty() {
        return hoveredPoint.getReadOnlyProperty();
    }

    public int getHoveredPoint() {
        return hoveredPoint.get();
    }

    void setHoveredPoint(int id) {
        hoveredPoint.set(id);
    }

    /** Ids of the highlighted set (selection) that are points of this map, as point indices; for drawing. */
    int[] indicesOf(IdSet ids) {
        MapPoints p = getPoints();
        int[] out = new int[ids.size()];
        int n = 0;
        for (int k = 0; k < ids.size(); k++) {
            int i = p.indexOf(ids.get(k));
            if (i >= 0) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    public ObjectProperty<IdSet> selectedPointsProperty() {
        return selectedPoints;
    }

    public IdSet getSelectedPoints() {
        return selectedPoints.get();
    }

    public void setSelectedPoints(IdSet value) {
        selectedPoints.set(value);
    }

    /** Ids drawn on top with an outline (search matches). */
    public ObjectProperty<IdSet> highlightedPointsProperty() {
        return highlightedPoints;
    }

    public IdSet getHighlightedPoints() {
        return highlightedPoints.get();
    }

    public void setHighlightedPoints(IdSet value) {
        highlightedPoints.set(value);
    }

    /** When set and something is highlighted, the other points fade to {@code -map-dim-opacity}. */
    public BooleanProperty dimUnhighlightedProperty() {
        return dimUnhighlighted;
    }

    public void setDimUnhighlighted(boolean value) {
        dimUnhighlighted.set(value);
    }

    public ObjectProperty<SentencePath> sentencePathProperty() {
        return sentencePath;
    }

    public SentencePath getSentencePath() {
        return sentencePath.get();
    }

    public void setSentencePath(SentencePath value) {
        sentencePath.set(value);
    }

    /** id → one line shown under the token in the hover label (e.g. "special · rank 12"). */
    public ObjectProperty<IntFunction<String>> metadataProperty() {
        return metadata;
    }

    public void setMetadata(IntFunction<String> value) {
        metadata.set(value);
    }

    /** How far (pixels) from the mouse a point may be and still be hovered or clicked. */
    public DoubleProperty pickRadiusProperty() {
        return pickRadius;
    }

    public double getPickRadius() {
        return pickRadius.get();
    }

    public BooleanProperty showLegendProperty() {
        return showLegend;
    }

    public void setShowLegend(boolean value) {
        showLegend.set(value);
    }

    Color getPlotBackground() {
        return plotBackground.getValue();
    }

    Color getTextFill() {
        return textFill.getValue();
    }

    Color getLabelBackground() {
        return labelBackground.getValue();
    }

    Color getPathStroke() {
        return pathStroke.getValue();
    }

    Color getHighlightStroke() {
        return highlightStroke.getValue();
    }

    Color getSelectionStroke() {
        return selectionStroke.getValue();
    }

    float getPointRadius() {
        return pointRadius.getValue().floatValue();
    }

    float getPointOpacity() {
        return pointOpacity.getValue().floatValue();
    }

    float getDimOpacity() {
        return dimOpacity.getValue().floatValue();
    }

    Font getFont() {
        return font.getValue();
    }

    /** Every CSS-set look, so the skin can redraw when a theme is swapped. */
    List<ObservableValue<?>> styleObservables() {
        List<ObservableValue<?>> all = new ArrayList<>(List.of(
                (ObservableValue<?>) plotBackground, (ObservableValue<?>) textFill,
                (ObservableValue<?>) labelBackground, (ObservableValue<?>) pathStroke,
                (ObservableValue<?>) highlightStroke, (ObservableValue<?>) selectionStroke,
                (ObservableValue<?>) pointRadius, (ObservableValue<?>) pointOpacity,
                (ObservableValue<?>) dimOpacity, (ObservableValue<?>) font));
        for (StyleableProperty<Color> p : palette) {
            all.add((ObservableValue<?>) p);
        }
        return all;
    }

    // ---- CSS

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
