package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tokenlens.app.Theme;

/** A clipped colour range: end colours on screen, triangles and note in the legend, the true value on hover. */
@ExtendWith(ApplicationExtension.class)
class HeatmapClipFxTest {

    private static final int ROWS = 20;
    private static final int COLS = 20; // 400 cells, 2 outliers: beyond the 99th percentile
    private Heatmap heatmap;

    @Start
    void start(Stage stage) {
        float[] v = new float[ROWS * COLS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 7 - 3) * 0.01f; // the bulk: |v| ≤ 0.03
        }
        v[2 * COLS + 3] = 1.8f; // outliers, as at MiniLM's position 0
        v[5 * COLS + 6] = -1.7f;
        heatmap = new Heatmap();
        heatmap.setMatrix(MatrixSource.of(v, ROWS, COLS));
        Scene scene = new Scene(new StackPane(heatmap), 600, 450);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    private Point2D cellCentre(int row, int col) {
        double[] a = ((HeatmapSkin) heatmap.getSkin()).plotArea();
        return new Point2D(a[0] + (col + 0.5) / COLS * a[2], a[1] + (row + 0.5) / ROWS * a[3]);
    }

    private int pixel(FxRobot robot, int row, int col) {
        Point2D p = cellCentre(row, col);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = heatmap.snapshot(null, null));
        return shot[0].getPixelReader().getArgb((int) p.getX(), (int) p.getY());
    }

    @Test
    void divergingDefaultClipsAtP99AndOutliersTakeTheEndColours(FxRobot robot) {
        assertEquals(ColorRange.AUTO, heatmap.getColorRange());
        float[] range = heatmap.valueRange();
        assertTrue(range[1] < 1 && range[0] == -range[1], range[0] + ".." + range[1]);
        assertTrue(heatmap.clipsHigh() && heatmap.clipsLow());
        assertEquals(ColorMap.DIVERGING.argb(1), pixel(robot, 2, 3));
        assertEquals(ColorMap.DIVERGING.argb(0), pixel(robot, 5, 6));
        // legend: a triangle in each end colour and the note
        Polygon over = robot.lookup(".clip-over").queryAs(Polygon.class);
        Polygon under = robot.lookup(".clip-under").queryAs(Polygon.class);
        assertEquals(javafx.scene.paint.Color.rgb(0x67, 0x00, 0x1f), over.getFill());
        assertEquals(javafx.scene.paint.Color.rgb(0x05, 0x30, 0x61), under.getFill());
        assertEquals("clipped at p99", robot.lookup(".clip-note").queryAs(Text.class).getText());
        assertTrue(robot.lookup(".tick-label").queryAllAs(Text.class).stream()
                .anyMatch(t -> t.getText().equals(HeatmapSkin.endLabel(range[1]))), "top end value labelled");
    }

    @Test
    void hoverShowsTheTrueValueBeyondTheRange(FxRobot robot) {
        robot.moveTo(heatmap.localToScreen(cellCentre(2, 3)));
        assertEquals(new HeatmapCell(2, 3, 1.8f), heatmap.getHovered());
        assertTrue(robot.lookup(".hover-readout").queryAs(Label.class).getText().endsWith("1.8000"));
        robot.moveTo(heatmap.localToScreen(cellCentre(5, 6)));
        assertTrue(robot.lookup(".hover-readout").queryAs(Label.class).getText().endsWith("-1.7000"));
    }

    @Test
    void fullRangeHasNoClipMarksAndFixedClipsOnlyWhereValuesPassIt(FxRobot robot) {
        robot.interact(() -> {
            heatmap.setColorRange(ColorRange.FULL);
            heatmap.layout();
        });
        assertEquals(1.8f, heatmap.valueRange()[1]);
        assertFalse(heatmap.clipsHigh() || heatmap.clipsLow());
        assertTrue(robot.lookup(".clip-marker").queryAll().isEmpty());
        assertTrue(robot.lookup(".clip-note").queryAll().isEmpty());
        robot.interact(() -> {
            heatmap.setColorRange(ColorRange.fixed(-2, 1));
            heatmap.layout();
        });
        assertTrue(heatmap.clipsHigh());
        assertFalse(heatmap.clipsLow());
        assertEquals(1, robot.lookup(".clip-over").queryAll().size());
        assertTrue(robot.lookup(".clip-under").queryAll().isEmpty());
        assertEquals("clipped", robot.lookup(".clip-note").queryAs(Text.class).getText());
        assertEquals(ColorMap.DIVERGING.argb(1), pixel(robot, 2, 3));
    }
}
