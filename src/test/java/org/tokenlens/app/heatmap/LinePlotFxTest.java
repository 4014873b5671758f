package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tokenlens.app.Theme;

@ExtendWith(ApplicationExtension.class)
class LinePlotFxTest {

    private LinePlot plot;

    @Start
    void start(Stage stage) {
        plot = new LinePlot();
        plot.setXAxisLabel("relative distance");
        plot.getSeries().setAll(new Series("square", new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 4, 9, 16}),
                new Series("line", new double[] {0, 4}, new double[] {10, 10}));
        Scene scene = new Scene(new StackPane(plot), 500, 320);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void hoverFindsTheNearestPointAndShowsIt(FxRobot robot) {
        PlotFrame f = ((LinePlotSkin) plot.getSkin()).frame();
        Point2D near = plot.localToScreen(f.px(3) + 3, f.py(9) - 2);
        robot.moveTo(near);
        assertEquals(new PlotPoint(0, "square", 3, 3, 9), plot.getHovered());
        assertTrue(robot.lookup(".hover-readout").queryAs(Label.class).getText().startsWith("square  ·  x 3  ·  y 9"));
        robot.moveTo(plot.localToScreen(f.px(1), f.py(10) + 1));
        assertEquals("line", plot.getHovered().name());
        robot.moveTo(plot.localToScreen(2, 2));
        assertNull(plot.getHovered());
    }

    @Test
    void logAxisHasDecadeTicksAndDropsNonPositivePoints(FxRobot robot) {
        robot.interact(() -> {
            plot.getSeries().setAll(Series.indexed("wavelength", new double[] {0, 6.28, 62.8, 628, 6283}));
            plot.setLogY(true);
            plot.layout();
        });
        PlotFrame f = ((LinePlotSkin) plot.getSkin()).frame();
        assertArrayEquals(new double[] {1, 10, 100, 1000, 10000}, f.yTicks, 1e-9);
        assertEquals("10\u2074", f.yLabel(10000));
        assertEquals("1000", f.yLabel(1000));
        assertTrue(Double.isNaN(f.py(0)));
        assertEquals(f.top + f.height, f.py(1), 1e-9);
        assertEquals(f.top, f.py(10000), 1e-9);
        assertEquals(f.top + f.height / 2, f.py(100), 1e-9);
    }

    @Test
    void linearTicksAreNiceNumbers() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, AxisTicks.linear(-0.05, 1.05, 6), 1e-12);
        assertArrayEquals(new double[] {-20, 0, 20}, AxisTicks.linear(-31, 29, 3), 1e-12);
        assertEquals("0.4", AxisTicks.format(0.4, AxisTicks.linear(0, 1, 6)));
        assertEquals("10\u207b\u2075", AxisTicks.formatLog(1e-5));
        assertEquals("0.01", AxisTicks.formatLog(0.01));
    }
}
