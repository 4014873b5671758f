package org.tokenlens.app.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.Theme;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.map.IdSet;
import org.tokenlens.app.map.MapExport;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.map.MapTransform;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.project.Projection;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * The view on a headless stage with real mouse events: hover, click → chip selection, search highlight, method
 * switch; and screenshots to look at ({@code /tmp/embview-*.png}): the whole bert vocabulary under PCA and a
 * t-SNE of the seed sentence's neighbourhood, in the light, dark and presentation themes.
 */
@ExtendWith(ApplicationExtension.class)
class EmbeddingViewFxTest {
    static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    static EmbeddingModel miniLm;

    private SessionModel session;
    private TokenizationViewModel tokens;
    private EmbeddingViewModel vm;
    private EmbeddingView view;
    private Stage stage;

    @BeforeAll
    static void load() {
        miniLm = new EmbeddingModels(REGISTRY).load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        session = new SessionModel();
        tokens = new TokenizationViewModel(REGISTRY::load, new CurrentThreadTaskRunner(), List.of(),
                List.of("bert-base-uncased"), TokenizationViewModel.DEFAULT_TEXT, session);
        vm = new EmbeddingViewModel(session, tokens.lanes(), new CurrentThreadTaskRunner(), () -> miniLm);
        view = new EmbeddingView(vm);
        Scene scene = new Scene(view, 1200, 800);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    private void projectTyped(FxRobot robot, int k) {
        robot.interact(() -> {
            vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
            vm.neighboursKProperty().set(k);
            vm.project();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenOf(int id) {
        MapPoints p = view.map().getPoints();
        MapTransform t = view.map().getTransform();
        int i = p.indexOf(id);
        return view.map().localToScreen(t.toScreenX(p.x(i)), t.toScreenY(p.y(i)));
    }

    /** A point of the map whose nearest other point is far enough on screen that a click cannot miss it. */
    private int isolatedPoint(int avoid) {
        MapPoints p = view.map().getPoints();
        MapTransform t = view.map().getTransform();
        int best = -1;
        double bestGap = 0;
        for (int i = 0; i < p.size(); i++) {
            double gap = Double.MAX_VALUE;
            for (int j = 0; j < p.size(); j++) {
                if (j != i) {
                    gap = Math.min(gap, Math.hypot(t.toScreenX(p.x(i)) - t.toScreenX(p.x(j)),
                            t.toScreenY(p.y(i)) - t.toScreenY(p.y(j))));
                }
            }
            double sx = t.toScreenX(p.x(i));
            double sy = t.toScreenY(p.y(i));
            boolean inside = sx > 30 && sy > 30 && sx < view.map().getWidth() - 200 && sy < view.map().getHeight() - 30;
            if (inside && gap > bestGap && p.id(i) != avoid) {
                bestGap = gap;
                best = p.id(i);
            }
        }
        return best;
    }

    @Test
    void hoverShowsTokenIdAndMetadata(FxRobot robot) {
        projectTyped(robot, 10);
        int id = isolatedPoint(-1);
        robot.moveTo(screenOf(id));
        WaitForAsyncUtils.waitForFxEvents();
        String hover = robot.lookup("#hoverText").queryAs(Label.class).getText();
        assertEquals(id, view.map().getHoveredPoint());
        assertTrue(hover.startsWith(miniLm.tokenizer().idToToken(id) + "   #" + id), hover);
        assertTrue(hover.contains("char"), hover);
    }

    @Test
    void clickingAPointSelectsItsChipAndChipsSelectPoints(FxRobot robot) {
        projectTyped(robot, 10);
        int input = miniLm.tokenizer().tokenToId("input");
        // "This is a input." → [CLS] this is a input . [SEP]: "input" is token 4
        robot.moveTo(screenOf(input)).clickOn();
        WaitForAsyncUtils.waitForFxEvents();
        int clicked = view.map().getSelectedPoints().toArray()[0];
        if (clicked == input) {
            assertEquals(new TokenRef(tokens.lanes().get(0), 4), session.selectedTokenProperty().get());
            assertTrue(robot.lookup("#neighbourPanel").query().isVisible());
            assertTrue(robot.lookup("#keptShare").queryAs(Label.class).getText().startsWith("The map kept"));
        }
        assertEquals(input, clicked, "the click landed on another point");
        robot.interact(() -> session.selectedTokenProperty().set(new TokenRef(tokens.lanes().get(0), 1)));
        assertEquals(IdSet.of(miniLm.tokenizer().tokenToId("this")), view.map().getSelectedPoints());
    }

    @Test
    void searchOutlinesMatches(FxRobot robot) {
        projectTyped(robot, 30);
        robot.clickOn("#search").write("^in");
        WaitForAsyncUtils.waitForFxEvents();
        IdSet h = view.map().getHighlightedPoints();
        assertFalse(h.isEmpty());
        for (int id : h.toArray()) {
            assertTrue(miniLm.tokenizer().idToToken(id).startsWith("in"), miniLm.tokenizer().idToToken(id));
        }
        assertTrue(h.contains(miniLm.tokenizer().tokenToId("input")));
    }

    @Test
    void switchingMethodShowsItsParametersAndProjectsWithIt(FxRobot robot) {
        projectTyped(robot, 20);
        assertFalse(showing(robot.lookup("#perplexity").query()));
        robot.interact(() -> robot.lookup("#method").queryAs(ComboBox.class).setValue(Projection.Method.TSNE));
        assertTrue(showing(robot.lookup("#perplexity").query()));
        assertFalse(showing(robot.lookup("#umapK").query()));
        robot.interact(() -> {
            robot.lookup("#perplexity").queryAs(TextField.class).setText("8");
            robot.lookup("#iterations").queryAs(TextField.class).setText("300");
        });
        assertEquals(8.0, vm.perplexityProperty().get());
        robot.clickOn("#project");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TsneState.DONE, vm.stateProperty().get());
        assertTrue(robot.lookup("#kl").queryAs(Label.class).getText().startsWith("iteration 300 · KL"));
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("TSNE of"));
        robot.interact(() -> robot.lookup("#method").queryAs(ComboBox.class).setValue(Projection.Method.UMAP));
        assertTrue(showing(robot.lookup("#umapK").query()));
        assertFalse(showing(robot.lookup("#perplexity").query()));
    }

    private static boolean showing(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Not an assertion of looks: the files are for a person to open. */
    @Test
    void screenshots(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> {
                view.getScene().getStylesheets().setAll(theme.stylesheetUrl());
                vm.methodProperty().set(Projection.Method.PCA);
                vm.subsetKindProperty().set(SubsetKind.ALL);
                vm.project();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(30522, view.map().getPoints().size());
            robot.interact(() -> write(Path.of("/tmp/embview-pca-" + theme + ".png")));
        }
        // t-SNE of the sentence's neighbourhood: each typed token with its 300 nearest (~2,000 points)
        robot.interact(() -> {
            vm.methodProperty().set(Projection.Method.TSNE);
            vm.subsetKindProperty().set(SubsetKind.TYPED_NEIGHBOURS);
            vm.neighboursKProperty().set(300);
            vm.iterationsProperty().set(750);
            vm.project();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TsneState.DONE, vm.stateProperty().get());
        for (Theme theme : Theme.values()) {
            robot.interact(() -> {
                view.getScene().getStylesheets().setAll(theme.stylesheetUrl());
                view.map().setTransform(null);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> write(Path.of("/tmp/embview-tsne-" + theme + ".png")));
        }
    }

    private void write(Path file) {
        try {
            view.applyCss();
            view.layout();
            view.map().fitToView();
            view.layout();
            javafx.scene.image.WritableImage img = view.snapshot(null, null);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
