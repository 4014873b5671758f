package org.tokenlens.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.Theme;

/** The map driven like a user: real mouse, wheel and key events through a headless (Monocle) stage. */
@ExtendWith(ApplicationExtension.class)
class ScatterMapFxTest {
    /** Three isolated points and a dense blob far from them, in data coordinates. */
    private static final int[] IDS = {100, 200, 300, 400, 401, 402};
    private static final float[] X = {0, 10, 0, 20, 20.05f, 20.1f};
    private static final float[] Y = {0, 0, 10, 20, 20, 20};

    private ScatterMap map;

    @Start
    void start(Stage stage) {
        map = new ScatterMap();
        map.setPoints(MapPoints.of(IDS, X, Y, new byte[] {0, 1, 2, 3, 3, 3}, List.of("a", "b", "c", "d"),
                id -> "tok" + id));
        map.setMetadata(id -> "rank " + id / 100);
        Scene scene = new Scene(new StackPane(map), 500, 400);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    private Point2D screenOf(int index) {
        MapTransform t = map.getTransform();
        return map.localToScreen(t.toScreenX(X[index]), t.toScreenY(Y[index]));
    }

    @Test
    void fitsOnFirstLayoutAndOnCtrlZero(FxRobot robot) {
        MapTransform first = map.getTransform();
        assertTrue(first != null, "fitted once it had a size");
        for (int i = 0; i < IDS.length; i++) {
            double sx = first.toScreenX(X[i]);
            double sy = first.toScreenY(Y[i]);
            assertTrue(sx >= ScatterMap.FIT_PADDING - 1e-6 && sx <= map.getWidth() - ScatterMap.FIT_PADDING + 1e-6);
            assertTrue(sy >= ScatterMap.FIT_PADDING - 1e-6 && sy <= map.getHeight() - ScatterMap.FIT_PADDING + 1e-6);
        }
        robot.interact(() -> map.panBy(100, 50));
        assertNotEquals(first, map.getTransform());
        robot.clickOn(map).press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals(first, map.getTransform());
    }

    /** A fitted view follows the map's size (a panel opening beside it); a panned view stays put. */
    @Test
    void aFittedViewRefitsWhenTheMapNarrowsAPannedOneDoesNot(FxRobot robot) {
        StackPane parent = (StackPane) map.getParent();
        robot.interact(() -> parent.setPadding(new javafx.geometry.Insets(0, 220, 0, 0))); // 500 → 280 wide
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        MapTransform t = map.getTransform();
        assertTrue(map.getWidth() < 300, "narrowed: " + map.getWidth());
        for (int i = 0; i < IDS.length; i++) {
            double sx = t.toScreenX(X[i]);
            assertTrue(sx >= 0 && sx <= map.getWidth(), "point " + i + " on screen: " + sx + " of " + map.getWidth());
        }
        robot.interact(() -> map.panBy(40, 0));
        MapTransform panned = map.getTransform();
        robot.interact(() -> parent.setPadding(javafx.geometry.Insets.EMPTY));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(panned, map.getTransform(), "the user's view is kept");
    }

    @Test
    void hoverSetsTheHoveredPointAndShowsItsLabel(FxRobot robot) {
        Point2D p = screenOf(1);
        robot.moveTo(p.add(3, -2));
        assertEquals(200, map.getHoveredPoint());
        Label tip = robot.lookup(".map-tooltip").queryAs(Label.class);
        assertTrue(tip.isVisible());
        assertEquals("tok200   #200\nrank 2", tip.getText());
        // far from every point: nothing hovered
        Point2D empty = map.localToScreen(map.getTransform().toScreenX(10), map.getTransform().toScreenY(15));
        robot.moveTo(empty);
        assertEquals(-1, map.getHoveredPoint());
        assertTrue(!tip.isVisible());
    }

    @Test
    void clickSelectsAndShiftClickAdds(FxRobot robot) {
        robot.clickOn(screenOf(0), MouseButton.PRIMARY);
        assertEquals(IdSet.of(100), map.getSelectedPoints());
        robot.press(KeyCode.SHIFT).clickOn(screenOf(2), MouseButton.PRIMARY).release(KeyCode.SHIFT);
        assertEquals(IdSet.of(100, 300), map.getSelectedPoints());
        robot.clickOn(screenOf(1), MouseButton.PRIMARY);
        assertEquals(IdSet.of(200), map.getSelectedPoints(), "a plain click replaces the selection");
        Point2D empty = map.localToScreen(map.getTransform().toScreenX(10), map.getTransform().toScreenY(15));
        robot.clickOn(empty, MouseButton.PRIMARY);
        assertEquals(IdSet.empty(), map.getSelectedPoints(), "clicking empty space clears");
    }

    @Test
    void wheelZoomsAroundTheCursor(FxRobot robot) {
        MapTransform before = map.getTransform();
        Point2D cursor = map.localToScreen(130, 170);
        double dataX = before.toDataX(130);
        double dataY = before.toDataY(170);
        // TestFX's wheel direction differs between robots, so only the amount is checked here (two notches)
        robot.moveTo(cursor).scroll(2, VerticalDirection.UP);
        MapTransform after = map.getTransform();
        double ratio = after.scale() / before.scale();
        assertEquals(1.44, Math.max(ratio, 1 / ratio), 1e-9, "two notches of 1.2: " + ratio);
        assertEquals(130, after.toScreenX(dataX), 1e-6, "the point under the cursor stays put");
        assertEquals(170, after.toScreenY(dataY), 1e-6);
    }

    @Test
    void wheelAwayFromTheUserZoomsIn(FxRobot robot) {
        MapTransform before = map.getTransform();
        // deltaY > 0 is the wheel turned away from the user (JavaFX convention): zoom in, as map apps do
        robot.interact(() -> map.fireEvent(scroll(200, 150, 40)));
        MapTransform after = map.getTransform();
        assertEquals(before.scale() * 1.2, after.scale(), 1e-9);
        assertEquals(before.toDataX(200), after.toDataX(200), 1e-9);
        assertEquals(before.toDataY(150), after.toDataY(150), 1e-9);
    }

    @Test
    void pinchZoomsAroundTheFingers(FxRobot robot) {
        MapTransform before = map.getTransform();
        robot.interact(() -> map.fireEvent(new ZoomEvent(ZoomEvent.ZOOM, 300, 120, 300, 120, false, false, false,
                false, true, false, 2.0, 2.0, null)));
        MapTransform after = map.getTransform();
        assertEquals(before.scale() * 2, after.scale(), 1e-9);
        assertEquals(before.toDataX(300), after.toDataX(300), 1e-9);
        assertEquals(before.toDataY(120), after.toDataY(120), 1e-9);
    }

    private WritableImage snapshot() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> map.snapshot(null, null)).get();
    }

    private static ScrollEvent scroll(double x, double y, double deltaY) {
        // a desktop wheel: 40 pixels a notch (the multiplier)
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false, 0,
                deltaY, 0, deltaY, 40, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    @Test
    void zoomingInSeparatesADenseBlob(FxRobot robot) {
        // at fit scale the three blob points are within a pixel; after zooming they can be picked one by one
        robot.interact(() -> map.setTransform(new MapTransform(4000, 250 - 20.05 * 4000, 200 + 20 * 4000)));
        robot.moveTo(screenOf(5));
        assertEquals(402, map.getHoveredPoint());
        robot.moveTo(screenOf(3));
        assertEquals(400, map.getHoveredPoint());
    }

    @Test
    void keyboardZoomsAndPans(FxRobot robot) {
        robot.clickOn(map.localToScreen(5, 5));
        MapTransform before = map.getTransform();
        robot.type(KeyCode.EQUALS);
        assertEquals(before.scale() * 1.25, map.getTransform().scale(), 1e-9);
        MapTransform zoomed = map.getTransform();
        robot.type(KeyCode.LEFT);
        assertEquals(zoomed.tx() + 40, map.getTransform().tx(), 1e-9);
        robot.type(KeyCode.MINUS);
        assertEquals(before.scale(), map.getTransform().scale(), 1e-9);
    }

    @Test
    void coloursComeFromTheThemeStylesheet(FxRobot robot) {
        // light.css defines -tl-surface #ffffff; the dark theme #1e1e22
        assertEquals(Color.web("#ffffff"), map.getPlotBackground());
        robot.interact(() -> {
            map.getScene().getStylesheets().setAll(Theme.DARK.stylesheetUrl());
            map.applyCss();
        });
        assertEquals(Color.web("#1e1e22"), map.getPlotBackground());
        assertEquals(Color.web("#E69F00"), map.categoryColor(0));
        assertEquals(4, robot.lookup(".legend-entry").queryAll().size());
    }

    @Test
    void legendListsOnlyCategoriesOnTheMapWithTheirCounts(FxRobot robot) {
        // five names, but no point of category 2 ("c"): the legend shows a, b, d, e with the counts of the points
        robot.interact(() -> map.setPoints(MapPoints.of(IDS, X, Y, new byte[] {0, 1, 4, 3, 3, 0},
                List.of("a", "b", "c", "d", "e"), id -> "tok" + id)));
        List<String> entries = robot.lookup(".legend-entry").queryAllAs(javafx.scene.layout.HBox.class).stream()
                .map(row -> ((Label) row.getChildren().get(1)).getText() + " "
                        + ((Label) row.getChildren().get(2)).getText())
                .toList();
        assertEquals(List.of("a 2", "b 1", "d 2", "e 1"), entries);
    }

    @Test
    void legendMovesToTheCornerWhereItHidesNoPathPoint(FxRobot robot) {
        // the sentence path's first point at the top right, where the legend sits by default
        robot.interact(() -> {
            map.setPoints(MapPoints.of(new int[] {1, 2, 3}, new float[] {0, 10, 10}, new float[] {0, 0, 10},
                    new byte[] {0, 1, 2}, List.of("a", "b", "c"), id -> "tok" + id));
            map.setSentencePath(SentencePath.of(3, 2));
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node legend = robot.lookup(".map-legend").query();
        javafx.geometry.Bounds box = legend.getBoundsInParent();
        MapTransform t = map.getTransform();
        for (int i = 0; i < 3; i++) {
            double sx = t.toScreenX(new float[] {0, 10, 10}[i]);
            double sy = t.toScreenY(new float[] {0, 0, 10}[i]);
            assertTrue(!box.contains(sx, sy), "point " + i + " at " + sx + "," + sy + " under the legend " + box);
        }
    }

    @Test
    void aWideMapFitsTheDataBesideTheLegendRatherThanUnderIt(FxRobot robot) {
        // a filled 11 × 11 square in a 500 × 400 map: height-limited, so the legend's strip is spare width
        int n = 121;
        int[] ids = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            x[i] = i % 11;
            y[i] = i / 11;
        }
        robot.interact(() -> {
            map.setPoints(MapPoints.of(ids, x, y, null, List.of("token"), id -> "tok" + id));
            map.setTransform(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds box = robot.lookup(".map-legend").query().getBoundsInParent();
        MapTransform t = map.getTransform();
        for (int i = 0; i < n; i++) {
            assertTrue(!box.contains(t.toScreenX(x[i]), t.toScreenY(y[i])), "point " + i + " under " + box);
        }
        MapTransform full = MapTransform.fit(0, 0, 10, 10, map.getWidth(), map.getHeight(), ScatterMap.FIT_PADDING);
        assertTrue(t.scale() >= 0.8 * full.scale(), t + " vs " + full);
    }

    @Test
    void dimmingFadesEverythingButTheHighlightedPoints(FxRobot robot) throws Exception {
        MapTransform t = map.getTransform();
        int x = (int) Math.floor(t.toScreenX(X[1]));
        int y = (int) Math.floor(t.toScreenY(Y[1]));
        Color before = snapshot().getPixelReader().getColor(x, y);
        robot.interact(() -> {
            map.setHighlightedPoints(IdSet.of(100));
            map.setDimUnhighlighted(true);
        });
        WritableImage after = snapshot();
        Color dimmed = after.getPixelReader().getColor(x, y);
        // on the white light-theme background a faded point is lighter: its darkest channel rises
        double darkest = Math.min(before.getRed(), Math.min(before.getGreen(), before.getBlue()));
        double darkestAfter = Math.min(dimmed.getRed(), Math.min(dimmed.getGreen(), dimmed.getBlue()));
        assertTrue(darkestAfter > darkest + 0.2, before + " → " + dimmed);
        Color kept = after.getPixelReader().getColor((int) Math.floor(t.toScreenX(X[0])),
                (int) Math.floor(t.toScreenY(Y[0])));
        assertEquals(map.categoryColor(0), kept, "the highlighted point is drawn opaque on top");
    }

    @Test
    void scrollWithoutVerticalDeltaDoesNothing(FxRobot robot) {
        MapTransform before = map.getTransform();
        robot.interact(() -> map.fireEvent(scroll(10, 10, 0)));
        assertEquals(before, map.getTransform());
    }
}
