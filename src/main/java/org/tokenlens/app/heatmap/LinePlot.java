package org.tokenlens.app.heatmap;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A line chart of one or more {@link Series} on a canvas (a RoPE score against relative distance, wavelength per
 * dimension): axes with ticks and titles, a legend, an optional log₁₀ y axis, and a hover readout of the nearest
 * point. Colours are styleable: {@code -tl-series-colors} (the Okabe–Ito order by default), {@code -tl-axis-color},
 * {@code -tl-grid-color}, {@code -tl-plot-background}; the SVG export uses the same values.
 */
public class LinePlot extends Control {

    /** Okabe–Ito, most distinct first (blue, vermillion, green, orange, sky blue, purple, yellow, grey). */
    static final Paint[] DEFAULT_SERIES_COLORS = {Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"),
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#CC79A7"), Color.web("#F0E442"), Color.web("#999999")};

    private final ObservableList<Series> series = FXCollections.observableArrayList();
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final StringProperty xAxisLabel = new SimpleStringProperty(this, "xAxisLabel", "");
    private final StringProperty yAxisLabel = new SimpleStringProperty(this, "yAxisLabel", "");
    private final ReadOnlyObjectWrapper<PlotPoint> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");

    private final StyleableObjectProperty<Paint[]> seriesColors = new SimpleStyleableObjectProperty<>(
            StyleableProperties.SERIES_COLORS, this, "seriesColors", DEFAULT_SERIES_COLORS);
    private final StyleableObjectProperty<Paint> axisColor =
            new SimpleStyleableObjectProperty<>(StyleableProperties.AXIS_COLOR, this, "axisColor", Color.BLACK);
    private final StyleableObjectProperty<Paint> gridColor =
            new SimpleStyleableObjectProperty<>(StyleableProperties.GRID_COLOR, this, "gridColor", Color.LIGHTGRAY);
    private final StyleableObjectProperty<Paint> plotBackground = new SimpleStyleableObjectProperty<>(
            StyleableProperties.PLOT_BACKGROUND, this, "plotBackground", Color.WHITE);

    public LinePlot() {
        getStyleClass().add("line-plot");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LinePlotSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return LinePlot.class.getResource("line-plot.css").toExternalForm();
    }

    public ObservableList<Series> getSeries() {
        return series;
    }

    /** A log₁₀ y axis (wavelengths span decades); points with y ≤ 0 are then left out. */
    public BooleanProperty logYProperty() {
        return logY;
    }

    public boolean isLogY() {
        return logY.get();
    }

    public void setLogY(boolean value) {
        logY.set(value);
    }

    public StringProperty xAxisLabelProperty() {
        return xAxisLabel;
    }

    public String getXAxisLabel() {
        return xAxisLabel.get();
    }

    public void setXAxisLabel(String value) {
        xAxisLabel.set(value);
    }

    public StringProperty yAxisLabelProperty() {
        return yAxisLabel;
    }

    public String getYAxisLabel() {
        return yAxisLabel.get();
    }

    public void setYAxisLabel(String value) {
        yAxisLabel.set(value);
    }

    /** The point nearest the mouse (in screen distance), {@code null} when the mouse is away. */
    public ReadOnlyObjectProperty<PlotPoint> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public PlotPoint getHovered() {
        return hovered.get();
    }

    void setHovered(PlotPoint value) {
        hovered.set(value);
    }

    /** Series colours in order, repeating; CSS {@code -tl-series-colors: #0072B2, #D55E00, …}. */
    public ObjectProperty<Paint[]> seriesColorsProperty() {
        return seriesColors;
    }

    public Paint seriesColor(int index) {
        Paint[] p = seriesColors.get();
        return p == null || p.length == 0 ? Color.GRAY : p[index % p.length];
    }

    public ObjectProperty<Paint> axisColorProperty() {
        return axisColor;
    }

    public Paint getAxisColor() {
        return axisColor.get();
    }

    public ObjectProperty<Paint> gridColorProperty() {
        return gridColor;
    }

    public Paint getGridColor() {
        return gridColor.get();
    }

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
        static final CssMetaData<LinePlot, Paint[]> SERIES_COLORS = new CssMetaData<>("-tl-series-colors",
                PaintConverter.SequenceConverter.getInstance(), DEFAULT_SERIES_COLORS) {
            @Override
            public boolean isSettable(LinePlot p) {
                return !p.seriesColors.isBound();
            }

            @Override
            public StyleableProperty<Paint[]> getStyleableProperty(LinePlot p) {
                return p.seriesColors;
            }
        };
        static final CssMetaData<LinePlot, Paint> AXIS_COLOR =
                CssSupport.paint("-tl-axis-color", Color.BLACK, p -> p.axisColor);
        static final CssMetaData<LinePlot, Paint> GRID_COLOR =
                CssSupport.paint("-tl-grid-color", Color.LIGHTGRAY, p -> p.gridColor);
        static final CssMetaData<LinePlot, Paint> PLOT_BACKGROUND =
                CssSupport.paint("-tl-plot-background", Color.WHITE, p -> p.plotBackground);
        static final List<CssMetaData<? extends Styleable, ?>> ALL = CssSupport.append(Control.getClassCssMetaData(),
                SERIES_COLORS, AXIS_COLOR, GRID_COLOR, PLOT_BACKGROUND);
    }
}
