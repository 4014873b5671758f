package org.tokenlens.app.heatmap;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A {@code rows × cols} matrix as a colour image: rows down the position axis, columns across the dimension
 * axis, a legend with the value range, hover readout of (position, dimension, value) at full resolution, zoom
 * (wheel, around the cursor), pan (drag), reset (Ctrl+0 or Home) and row selection (click). Typed tokens can be
 * placed beside their rows as {@link RowMarker}s.
 *
 * <p>The data is a {@link MeanPyramid}: build it with {@link MeanPyramid#build} (off the FX thread for large
 * matrices) and set it, or call {@link #setMatrix} for small ones. Looks come from {@code heatmap.css} and the
 * theme; {@code -tl-color-map: diverging | viridis} chooses the colour map from CSS, {@code -tl-axis-color} and
 * {@code -tl-plot-background} are the colours the SVG export uses.
 */
public class Heatmap extends Control {

    private final ObjectProperty<MeanPyramid> data = new SimpleObjectProperty<>(this, "data");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ReadOnlyObjectWrapper<HeatmapCell> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final ObservableList<RowMarker> rowMarkers = FXCollections.observableArrayList();
    private final StringProperty rowAxisLabel = new SimpleStringProperty(this, "rowAxisLabel", "position");
    private final StringProperty colAxisLabel = new SimpleStringProperty(this, "colAxisLabel", "dimension");
    private final ObjectProperty<ColorRange> colorRange =
            new SimpleObjectProperty<>(this, "colorRange", ColorRange.AUTO);

    private final StyleableObjectProperty<ColorMap> colorMap =
            new SimpleStyleableObjectProperty<>(StyleableProperties.COLOR_MAP, this, "colorMap", ColorMap.DIVERGING);
    private final StyleableObjectProperty<Paint> axisColor =
            new SimpleStyleableObjectProperty<>(StyleableProperties.AXIS_COLOR, this, "axisColor", Color.BLACK);
    private final StyleableObjectProperty<Paint> plotBackground = new SimpleStyleableObjectProperty<>(
            StyleableProperties.PLOT_BACKGROUND, this, "plotBackground", Color.WHITE);

    public Heatmap() {
        getStyleClass().add("heatmap");
        setFocusTraversable(true);
        // a new matrix starts fully in view
        data.addListener((obs, old, now) -> setViewport(now == null ? null : Viewport.whole(now.rows(), now.cols())));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new HeatmapSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return Heatmap.class.getResource("heatmap.css").toExternalForm();
    }

    /** Convenience for small matrices: builds the pyramid on the calling thread. */
    public void setMatrix(MatrixSource matrix) {
        setData(matrix == null ? null : MeanPyramid.build(matrix));
    }

    /** Show the whole matrix again. */
    public void resetView() {
        MeanPyramid d = getData();
        setViewport(d == null ? null : Viewport.whole(d.rows(), d.cols()));
    }

    /**
     * The value range the colours span, by the {@link #colorRangeProperty() colour range}: symmetric about 0 for
     * the diverging map unless fixed otherwise. Values beyond it take the end colours.
     */
    public float[] valueRange() {
        MeanPyramid d = getData();
        ColorRange mode = getColorRange() == null ? ColorRange.AUTO : getColorRange();
        return d == null ? new float[] {-1, 1} : mode.resolve(d, getColorMap());
    }

    /** True when some values lie below the colour range (they show in the lowest colour). */
    public boolean clipsLow() {
        MeanPyramid d = getData();
        return d != null && d.min() < valueRange()[0];
    }

    /** True when some values lie above the colour range (they show in the highest colour). */
    public boolean clipsHigh() {
        MeanPyramid d = getData();
        return d != null && d.max() > valueRange()[1];
    }

    /** Full, percentile-clipped or fixed; {@link ColorRange#AUTO} (p99 for diverging maps) by default. */
    public ObjectProperty<ColorRange> colorRangeProperty() {
        return colorRange;
    }

    public ColorRange getColorRange() {
        return colorRange.get();
    }

    public void setColorRange(ColorRange value) {
        colorRange.set(value);
    }

    public ObjectProperty<MeanPyramid> dataProperty() {
        return data;
    }

    public MeanPyramid getData() {
        return data.get();
    }

    public void setData(MeanPyramid value) {
        data.set(value);
    }

    /** The region in view; set to zoom or pan programmatically (it is clamped when drawn). */
    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public Viewport getViewport() {
        return viewport.get();
    }

    public void setViewport(Viewport value) {
        viewport.set(value);
    }

    /** The cell under the mouse at full resolution, {@code null} when the mouse is off the matrix. */
    public ReadOnlyObjectProperty<HeatmapCell> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public HeatmapCell getHovered() {
        return hovered.get();
    }

    void setHovered(HeatmapCell value) {
        hovered.set(value);
    }

    /** The selected row, −1 for none; a click on the matrix or on a marker selects its row. */
    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public int getSelectedRow() {
        return selectedRow.get();
    }

    public void setSelectedRow(int value) {
        selectedRow.set(value);
    }

    /** Labels beside rows (the typed tokens on their positions). */
    public ObservableList<RowMarker> getRowMarkers() {
        return rowMarkers;
    }

    public StringProperty rowAxisLabelProperty() {
        return rowAxisLabel;
    }

    public String getRowAxisLabel() {
        return rowAxisLabel.get();
    }

    public void setRowAxisLabel(String value) {
        rowAxisLabel.set(value);
    }

    public StringProperty colAxisLabelProperty() {
        return colAxisLabel;
    }

    public String getColAxisLabel() {
        return colAxisLabel.get();
    }

    public void setColAxisLabel(String value) {
        colAxisLabel.set(value);
    }

    /** Diverging (signed values, white at 0) or viridis (magnitudes, similarities); CSS {@code -tl-color-map}. */
    public ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    public ColorMap getColorMap() {
        return colorMap.get();
    }

    public void setColorMap(ColorMap value) {
        colorMap.set(value);
    }

    /** Axis, tick and label colour of exports; CSS {@code -tl-axis-color}. */
    public ObjectProperty<Paint> axisColorProperty() {
        return axisColor;
    }

    public Paint getAxisColor() {
        return axisColor.get();
    }

    /** Background of exports; CSS {@code -tl-plot-background}. */
    public ObjectProperty<Paint> plotBackgroundProperty() {
        return plotBackground;
    }

    public Paint getPlotBackground() {
        return plotBackground.get();
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return StyleableProperties.ALL;
    }

    private static final class StyleableProperties {
        static final CssMetaData<Heatmap, ColorMap> COLOR_MAP = new CssMetaData<>("-tl-color-map",
                StyleConverter.getEnumConverter(ColorMap.class), ColorMap.DIVERGING) {
            @Override
            public boolean isSettable(Heatmap h) {
                return !h.colorMap.isBound();
            }

            @Override
            public StyleableProperty<ColorMap> getStyleableProperty(Heatmap h) {
                return h.colorMap;
            }
        };
        static final CssMetaData<Heatmap, Paint> AXIS_COLOR = paint("-tl-axis-color", Color.BLACK, h -> h.axisColor);
        static final CssMetaData<Heatmap, Paint> PLOT_BACKGROUND =
                paint("-tl-plot-background", Color.WHITE, h -> h.plotBackground);
        static final List<CssMetaData<? extends Styleable, ?>> ALL = CssSupport.append(Control.getClassCssMetaData(),
                COLOR_MAP, AXIS_COLOR, PLOT_BACKGROUND);

        private static CssMetaData<Heatmap, Paint> paint(String name, Paint initial,
                java.util.function.Function<Heatmap, StyleableObjectProperty<Paint>> property) {
            return CssSupport.paint(name, initial, property);
        }
    }
}
