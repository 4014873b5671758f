package org.tokenlens.app.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.Theme;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.heatmap.HeatmapCell;
import org.tokenlens.app.heatmap.PngExport;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * The view on a headless stage with real mouse and keyboard events: kind switching, hover readout, the typed
 * tokens on the position axis linked with the session, inline validation, export; and screenshots of every kind
 * in the light and presentation themes ({@code /tmp/pos-KIND-THEME.png}) to look at.
 */
@ExtendWith(ApplicationExtension.class)
class PositionsViewFxTest {

    static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    static EmbeddingModel miniLm;

    private SessionModel session;
    private TokenizationViewModel tokens;
    private PositionsViewModel vm;
    private PositionsView view;
    private Scene scene;

    @BeforeAll
    static void loadModel() {
        miniLm = new EmbeddingModels(REGISTRY).load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void closeModel() {
        miniLm.close();
    }

    @Start
    void start(Stage stage) {
        session = new SessionModel();
        tokens = new TokenizationViewModel(REGISTRY::load, new CurrentThreadTaskRunner(), List.of(),
                List.of("bert-base-uncased"), "the quick brown fox jumps over the lazy dog.", session);
        vm = new PositionsViewModel(session, tokens.lanes(), new CurrentThreadTaskRunner(), () -> miniLm);
        vm.positionsProperty().set(128);
        view = new PositionsView(vm);
        scene = new Scene(view, 1200, 760); // within the headless screen; screenshots use their own scene
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    private LaneViewModel lane() {
        return tokens.lanes().get(0);
    }

    @Test
    void switchingKindRedrawsWithTheKindsAxesAndLabels(FxRobot robot) {
        assertEquals(128, view.table().getData().rows());
        assertEquals(384, view.table().getData().cols());
        robot.clickOn("#kind");
        robot.clickOn(PositionKind.ALIBI.label());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PositionKind.ALIBI, vm.kindProperty().get());
        assertEquals(128, view.table().getData().cols(), "query × key");
        assertEquals("key position", view.table().getColAxisLabel());
        assertFalse(view.similarityHeatmap().isVisible(), "ALiBi has no vectors to compare");
        assertTrue(showing(robot.lookup("#heads").query()));
        assertFalse(showing(robot.lookup("#headDim").query()), "RoPE's parameters are hidden");

        robot.interact(() -> ((ComboBox<PositionKind>) robot.lookup("#kind").query()).setValue(PositionKind.ROPE));
        assertEquals(64, view.table().getData().cols(), "head dim 128 → 64 rotated pairs");
        assertEquals("rotated pair i", view.table().getColAxisLabel());
        assertTrue(view.similarityHeatmap().isVisible());
        assertTrue(robot.lookup("#tableTitle").queryAs(Label.class).getText().contains("nothing is added"));

        robot.interact(() -> vm.kindProperty().set(PositionKind.LEARNED));
        assertTrue(robot.lookup("#tableTitle").queryAs(Label.class).getText()
                .startsWith("learned (BERT/MiniLM) — not sinusoidal"));
        assertEquals(384, view.table().getData().cols());
    }

    @Test
    void hoverReadsOutPositionDimensionAndValue(FxRobot robot) {
        Bounds b = view.table().localToScreen(view.table().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.4, b.getMinY() + b.getHeight() * 0.5));
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapCell cell = view.table().getHovered();
        assertNotNull(cell, "the mouse is over the matrix");
        PositionsResult r = vm.resultProperty().get();
        assertEquals(r.main().get(cell.row(), cell.col()), cell.value());
        // sinusoidal, interleaved: dim 2i is sin(pos / 10000^(2i/384)), 2i+1 its cos
        int i = cell.col() / 2;
        double angle = cell.row() / Math.pow(10000, 2.0 * i / 384);
        assertEquals(cell.col() % 2 == 0 ? Math.sin(angle) : Math.cos(angle), cell.value(), 1e-6);
        String readout = robot.lookup(".hover-readout").queryAs(Label.class).getText();
        assertTrue(readout.contains("position " + cell.row()) && readout.contains("dimension " + cell.col()),
                readout);
        assertTrue(readout.contains(String.format(java.util.Locale.ROOT, "%.4f", cell.value())), readout);
    }

    @Test
    void typedTokensSitOnTheAxisAndSelectBothWays(FxRobot robot) {
        Label quick = robot.lookup(".row-marker").match(n -> "quick".equals(((Label) n).getText()))
                .queryAs(Label.class);
        assertTrue(quick.isVisible());
        robot.clickOn(quick);
        assertEquals(new TokenRef(lane(), 2), session.selectedTokenProperty().get(), "[CLS] the quick");
        assertEquals(2, view.table().getSelectedRow());

        robot.interact(() -> session.selectedTokenProperty().set(new TokenRef(lane(), 5)));
        assertEquals(5, view.table().getSelectedRow(), "a chip selected elsewhere highlights its row");
        assertTrue(robot.lookup("#inputTitle").queryAs(Label.class).getText().contains("sinusoidal position 5"));
        assertTrue(view.inputHeatmap().isVisible());

        robot.interact(() -> tokens.textProperty().set("the quick brown fox jumps over the lazy dog. again"));
        assertTrue(robot.lookup(".row-marker").match(n -> "again".equals(((Label) n).getText())).tryQuery()
                .isPresent(), "a keystroke puts its token on the axis");
    }

    @Test
    void anInvalidValueShowsTheEnginesMessageInline(FxRobot robot) {
        Spinner<?> dim = robot.lookup("#dim").queryAs(Spinner.class);
        robot.clickOn(dim.getEditor());
        robot.interact(() -> dim.getEditor().selectAll());
        robot.write("7").type(KeyCode.ENTER);
        Label error = robot.lookup("#positionsError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("⚠ dim must be even and ≥ 2: 7", error.getText());
        robot.interact(() -> dim.getEditor().selectAll());
        robot.write("64").type(KeyCode.ENTER);
        assertFalse(error.isVisible());
        assertEquals(64, view.table().getData().cols());
    }

    @Test
    void exportsWriteTheChosenFile(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("pos-export");
        robot.interact(() -> view.setSaveDialog(name -> dir.resolve(name)));
        // the items are fired directly: sub-menu popups are unreliable on the headless screen
        robot.interact(() -> item("Position table", "CSV").fire());
        List<String> csv = Files.readAllLines(dir.resolve("positions.csv"));
        assertEquals(129, csv.size(), "header + 128 positions");
        assertTrue(csv.get(0).startsWith("position,d0,d1"));
        assertEquals(Math.cos(1.0), Float.parseFloat(csv.get(2).split(",")[2]), 1e-6, "PE(1, 1) = cos 1");
        robot.interact(() -> item("Wavelength plot", "SVG").fire());
        assertTrue(Files.readString(dir.resolve("wavelengths.svg")).contains("<path class=\"series\""));
    }

    @Test
    void screenshotsOfEveryKindInLightAndPresentationThemes(FxRobot robot) throws Exception {
        robot.interact(() -> session.selectedTokenProperty().set(new TokenRef(lane(), 3)));
        for (Theme theme : List.of(Theme.LIGHT, Theme.PRESENTATION)) {
            for (PositionKind kind : PositionKind.values()) {
                Path file = Path.of("/tmp/pos-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + theme
                        + ".png");
                robot.interact(() -> {
                    vm.kindProperty().set(kind);
                    if (kind == PositionKind.ROPE) {
                        vm.scalingProperty().set(RopeScalingType.LLAMA3);
                        vm.ropeBaseProperty().set(500000.0);
                        vm.contextProperty().set(64);
                    }
                    // 1600 × 1000 is larger than the headless screen: snapshot a scene that is not shown
                    Scene shot = new Scene(new PositionsView(vm), 1600, 1000);
                    shot.getStylesheets().setAll(theme.stylesheetUrl());
                    shot.getRoot().applyCss();
                    shot.getRoot().layout();
                    try {
                        PngExport.write(shot.getRoot(), file);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertTrue(Files.size(file) > 20_000, file + " written");
            }
        }
    }

    private MenuItem item(String menu, String format) {
        Menu m = (Menu) ((MenuButton) scene.lookup("#export")).getItems().stream()
                .filter(i -> i.getText().equals(menu)).findFirst().orElseThrow();
        return m.getItems().stream().filter(i -> i.getText().equals(format)).findFirst().orElseThrow();
    }

    /** Visible with all its parents. */
    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
