package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tokenlens.app.Theme;

/** Presentation type: the y title clear of wide log tick labels, a legend that would hide curves moved out. */
@ExtendWith(ApplicationExtension.class)
class LinePlotLayoutFxTest {

    private LinePlot plot;
    private Scene scene;

    @Start
    void start(Stage stage) {
        plot = new LinePlot();
        StackPane root = new StackPane(plot);
        root.getStyleClass().add("root");
        scene = new Scene(root, 620, 300);
        scene.getStylesheets().add(Theme.PRESENTATION.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    /** The bounds of {@code s} in the font the plot draws with (its styled tick-label probe's), on our own Text. */
    private Bounds measure(String s) {
        Text t = new Text(s);
        t.setFont(((Text) plot.lookup(".tick-label")).getFont());
        return t.getLayoutBounds();
    }

    private PlotFrame frame() {
        return ((LinePlotSkin) plot.getSkin()).frame();
    }

    @Test
    void yTitleClearsTheWidestLogTickLabel(FxRobot robot) {
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.pow(10, -5 + 9.0 * i / (y.length - 1)); // 10⁻⁵ … 10⁴: the widest decade labels
        }
        robot.interact(() -> {
            plot.setYAxisLabel("wavelength (positions)");
            plot.setXAxisLabel("dimension pair i");
            plot.setLogY(true);
            plot.getSeries().setAll(Series.indexed("wavelength", y));
            plot.applyCss();
            plot.layout();
        });
        List<Bounds> labels = new ArrayList<>();
        double[] titleH = new double[1];
        robot.interact(() -> {
            PlotFrame f = frame();
            for (double t : f.yTicks) {
                Bounds b = measure(f.yLabel(t));
                // drawn right-aligned LABEL_GAP left of the plot, centred on the tick
                labels.add(new BoundingBox(f.left - PlotFrame.LABEL_GAP - b.getWidth(), f.py(t) - b.getHeight() / 2,
                        b.getWidth(), b.getHeight()));
            }
            titleH[0] = measure(plot.getYAxisLabel()).getHeight();
        });
        PlotFrame f = frame();
        assertTrue(f.yTicks.length >= 9, "decades 10⁻⁵ … 10⁴");
        // the rotated title: as wide as a line of text, centred at yTitleX
        Bounds title = new BoundingBox(f.yTitleX - titleH[0] / 2, 0, titleH[0], 300);
        assertTrue(title.getMinX() >= 0, "title inside the surface: " + title);
        for (Bounds b : labels) {
            assertFalse(title.intersects(b), "y title " + title + " overlaps tick label " + b);
            assertTrue(b.getMinX() > title.getMaxX(), "tick label left of the title: " + b);
        }
    }

    @Test
    void aLegendThatWouldCoverCurvesGoesOutsideThePlot(FxRobot robot) {
        // both top corners are full of points: no inside corner is free
        double[] x = new double[200];
        double[] high = new double[200];
        double[] low = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            high[i] = 1 - 0.0002 * (i - 100) * (i - 100) / 50; // near the top everywhere
            low[i] = -1;
        }
        robot.interact(() -> {
            plot.setYAxisLabel("score");
            plot.getSeries().setAll(new Series("q·k, head 0 of 8", x, high),
                    new Series("no rotation", x, low));
            plot.applyCss();
            plot.layout();
        });
        PlotFrame f = frame();
        assertFalse(f.legendInside(), f.legendPlace.toString());
        Bounds legend = new BoundingBox(f.legendX, f.legendY, f.legendW, f.legendH);
        Bounds area = new BoundingBox(f.left, f.top, f.width, f.height);
        assertFalse(legend.intersects(area), "legend " + legend + " over the plot " + area);
        assertTrue(legend.getMaxX() <= 620 && legend.getMaxY() <= 300, "legend on the surface: " + legend);
        for (Series s : plot.getSeries()) {
            for (int i = 0; i < s.x().length; i++) {
                assertFalse(legend.contains(f.px(s.x()[i]), f.py(s.y()[i])), s.name() + " point " + i + " hidden");
            }
        }
    }

    @Test
    void aLegendOverEmptyCornerStaysInside(FxRobot robot) {
        robot.interact(() -> {
            plot.getSeries().setAll(new Series("falling", new double[] {0, 1, 2, 3, 4}, new double[] {4, 3, 2, 1, 0}));
            plot.applyCss();
            plot.layout();
        });
        PlotFrame f = frame();
        assertEquals(PlotFrame.LegendPlace.INSIDE_RIGHT, f.legendPlace);
        Bounds legend = new BoundingBox(f.legendX, f.legendY, f.legendW, f.legendH);
        for (int i = 0; i <= 4; i++) {
            assertFalse(legend.contains(f.px(i), f.py(4 - i)));
        }
    }
}
