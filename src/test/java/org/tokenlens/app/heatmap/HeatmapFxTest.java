package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tokenlens.app.Theme;

/** Hover readout, row selection, markers and pan through real mouse events on a headless stage. */
@ExtendWith(ApplicationExtension.class)
class HeatmapFxTest {

    private static final int ROWS = 40;
    private static final int COLS = 30;
    private Heatmap heatmap;

    @Start
    void start(Stage stage) {
        float[] v = new float[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                v[r * COLS + c] = r * 100 + c; // every cell names itself
            }
        }
        heatmap = new Heatmap();
        heatmap.setMatrix(MatrixSource.of(v, ROWS, COLS));
        heatmap.getRowMarkers().addAll(new RowMarker(3, "hello"), new RowMarker(10, "world"));
        Scene scene = new Scene(new StackPane(heatmap), 700, 500);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    /** Screen point at the centre of a cell, computed from the viewport independently of the skin's mapping. */
    private Point2D screenPoint(int row, int col) {
        double[] a = ((HeatmapSkin) heatmap.getSkin()).plotArea();
        Viewport v = heatmap.getViewport();
        double x = a[0] + (col + 0.5 - v.col0()) / v.cols() * a[2];
        double y = a[1] + (row + 0.5 - v.row0()) / v.rows() * a[3];
        return heatmap.localToScreen(x, y);
    }

    private String readout(FxRobot robot) {
        return robot.lookup(".hover-readout").queryAs(Label.class).getText();
    }

    @Test
    void hoverReportsPositionDimensionAndFullResolutionValue(FxRobot robot) {
        robot.moveTo(screenPoint(12, 7));
        assertEquals(new HeatmapCell(12, 7, 1207), heatmap.getHovered());
        assertEquals("position 12  ·  dimension 7  ·  1207.0000", readout(robot));
        robot.moveTo(screenPoint(10, 29));
        assertEquals(new HeatmapCell(10, 29, 1029), heatmap.getHovered());
        assertTrue(readout(robot).startsWith("position 10 “world”"), readout(robot));
        robot.moveTo(heatmap.localToScreen(2, 2)); // the margin: off the matrix
        assertNull(heatmap.getHovered());
        assertEquals("", readout(robot));
    }

    @Test
    void hoverMapsPixelsUnderZoomAndPan(FxRobot robot) {
        robot.interact(() -> heatmap.setViewport(new Viewport(20, 5, 6.5, 8)));
        robot.moveTo(screenPoint(9, 23));
        assertEquals(new HeatmapCell(9, 23, 923), heatmap.getHovered());
        robot.moveTo(screenPoint(5, 20));
        assertEquals(new HeatmapCell(5, 20, 520), heatmap.getHovered());
    }

    @Test
    void dragPansAndClickSelectsTheRow(FxRobot robot) {
        robot.interact(() -> heatmap.setViewport(new Viewport(10, 10, 10, 10)));
        Point2D p = screenPoint(15, 15);
        robot.moveTo(p).press(MouseButton.PRIMARY).moveBy(-60, -30).release(MouseButton.PRIMARY);
        Viewport after = heatmap.getViewport();
        double[] a = ((HeatmapSkin) heatmap.getSkin()).plotArea();
        assertEquals(10 + 60 * 10 / a[2], after.col0(), 0.3, "dragging left shows columns to the right");
        assertEquals(10 + 30 * 10 / a[3], after.row0(), 0.3);
        assertEquals(-1, heatmap.getSelectedRow(), "a drag is not a click");

        robot.clickOn(screenPoint(17, 12));
        assertEquals(17, heatmap.getSelectedRow());
        Region highlight = robot.lookup(".row-highlight").queryAs(Region.class);
        assertTrue(highlight.isVisible());
        Point2D rowCentre = heatmap.screenToLocal(screenPoint(17, 12));
        assertEquals(rowCentre.getY(), highlight.getBoundsInParent().getCenterY(), 1.0);

        robot.interact(heatmap::resetView);
        assertEquals(Viewport.whole(ROWS, COLS), heatmap.getViewport());
    }

    @Test
    void markersSitOnTheirRowsAndSelectThem(FxRobot robot) {
        Label world = robot.lookup(".row-marker").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && "world".equals(l.getText())).findFirst().orElseThrow();
        Point2D rowCentre = heatmap.screenToLocal(screenPoint(10, 0));
        assertEquals(rowCentre.getY(), world.getBoundsInParent().getCenterY(), 1.0);
        assertFalse(world.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")));
        robot.clickOn(world);
        assertEquals(10, heatmap.getSelectedRow());
        assertTrue(world.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")));

        robot.interact(() -> heatmap.setSelectedRow(3));
        Label hello = robot.lookup(".row-marker").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && "hello".equals(l.getText())).findFirst().orElseThrow();
        assertTrue(hello.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")));
        assertFalse(world.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")));
    }

    @Test
    void wheelZoomsAroundTheCursor(FxRobot robot) {
        Point2D screen = screenPoint(30, 6);
        robot.moveTo(screen);
        // Monocle's robot has no wheel: deliver the event a wheel notch would produce
        Point2D scene = heatmap.localToScene(heatmap.screenToLocal(screen));
        javafx.scene.Node image = robot.lookup(".heatmap-image").query();
        robot.interact(() -> javafx.event.Event.fireEvent(image, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                false, false, false, false, false, false, 0, 200, 0, 200,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        Viewport v = heatmap.getViewport();
        assertNotEquals(Viewport.whole(ROWS, COLS), v, "the wheel zoomed");
        assertTrue(v.cols() < COLS && v.rows() < ROWS);
        assertEquals(30, heatmap.getHovered().row(), "the cell under the cursor stays under it");
        assertEquals(6, heatmap.getHovered().col());
    }

    @Test
    void colorMapComesFromCss(FxRobot robot) {
        assertEquals(ColorMap.DIVERGING, heatmap.getColorMap());
        robot.interact(() -> {
            heatmap.getStyleClass().add("similarity");
            heatmap.getScene().getStylesheets().add("data:text/css,.heatmap.similarity%7B-tl-color-map:viridis;%7D");
            heatmap.applyCss();
        });
        assertEquals(ColorMap.VIRIDIS, heatmap.getColorMap());
        float[] r = heatmap.valueRange();
        assertEquals(0f, r[0]);
        assertEquals(3929f, r[1]);
    }
}
