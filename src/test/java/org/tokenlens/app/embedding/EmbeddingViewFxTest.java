package org.tokenlens.app.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
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
 * switch; the legend in bert's terms; the form collapsing in the presentation theme. (Screenshots to look at come
 * from the app's own {@code --screenshot --tab map}, not from a test.)
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
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("t-SNE of"));
        robot.interact(() -> robot.lookup("#method").queryAs(ComboBox.class).setValue(Projection.Method.UMAP));
        assertTrue(showing(robot.lookup("#umapK").query()));
        assertFalse(showing(robot.lookup("#perplexity").query()));
    }

    @Test
    void legendNamesBertsWordPieceCategoriesWithTheirCounts(FxRobot robot) {
        robot.interact(() -> {
            vm.colourByProperty().set(ColourBy.SPACE);
            vm.subsetKindProperty().set(SubsetKind.ALL);
            vm.project();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // counted from bert's vocabulary pieces: "##x" continues a word, the five bracketed tokens are its special
        // tokens, every other piece starts a word (WordPiece marks no leading space: no such entry)
        int special = 0;
        int continuation = 0;
        int start = 0;
        for (int id = 0; id < 30522; id++) {
            String piece = miniLm.tokenizer().idToToken(id);
            if (piece.matches("\\[(PAD|UNK|CLS|SEP|MASK)\\]")) {
                special++;
            } else if (piece.startsWith("##") && piece.length() > 2) {
                continuation++;
            } else {
                start++;
            }
        }
        assertEquals(5, special);
        assertEquals(List.of("word start " + String.format("%,d", start),
                "continuation (##) " + String.format("%,d", continuation), "special 5"), legendEntries(robot));
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText()
                .startsWith("PCA of 30,522 points (whole vocabulary) — PC1 "));
        // a subset without continuations: their entry leaves the legend rather than reading 0
        robot.interact(() -> {
            vm.subsetKindProperty().set(SubsetKind.REGEX);
            vm.subsetRegexProperty().set("^[a-z]{2}$");
            vm.project();
        });
        WaitForAsyncUtils.waitForFxEvents();
        long words = java.util.stream.IntStream.range(0, 30522)
                .filter(id -> miniLm.tokenizer().idToToken(id).matches("^[a-z]{2}$")).count();
        assertEquals(List.of("word start " + String.format("%,d", words)), legendEntries(robot));
    }

    private static List<String> legendEntries(FxRobot robot) {
        return robot.lookup(".legend-entry").queryAllAs(javafx.scene.layout.HBox.class).stream()
                .filter(javafx.scene.Node::isVisible)
                .map(row -> ((Label) row.getChildren().get(1)).getText() + " "
                        + ((Label) row.getChildren().get(2)).getText())
                .toList();
    }

    /** At presentation's large type the neighbour lists stay whole (a 260-pixel panel elided every entry). */
    @Test
    void presentationKeepsTheNeighbourListsWhole(FxRobot robot) throws java.util.concurrent.TimeoutException {
        projectTyped(robot, 10);
        robot.interact(() -> session.selectedTokenProperty().set(new TokenRef(tokens.lanes().get(0), 4))); // input
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> vm.detailProperty().get() != null);
        robot.interact(() -> view.getScene().getStylesheets().setAll(Theme.PRESENTATION.stylesheetUrl()));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            java.util.List<Label> labels = robot.lookup("#neighbourPanel .label").queryAllAs(Label.class).stream()
                    .filter(l -> !l.getText().isEmpty() && !l.isWrapText()).toList();
            assertTrue(labels.size() >= 20, "two lists of neighbours: " + labels.size());
            for (Label l : labels) {
                assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, "whole: '" + l.getText() + "' " + l.getWidth()
                        + " < " + l.prefWidth(-1));
            }
            assertTrue(view.map().getWidth() >= 300, "the map keeps room: " + view.map().getWidth());
        } finally {
            robot.interact(() -> view.getScene().getStylesheets().setAll(Theme.LIGHT.stylesheetUrl()));
        }
    }

    @Test
    void presentationThemeCollapsesTheFormSoTheMapGetsTheHeight(FxRobot robot) {
        TitledPane form = robot.lookup("#mapForm").queryAs(TitledPane.class);
        javafx.scene.Node project = robot.lookup("#project").query();
        assertTrue(form.isExpanded());
        assertTrue(showing(project));
        robot.interact(() -> view.getScene().getStylesheets().setAll(Theme.PRESENTATION.stylesheetUrl()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(form.isExpanded());
        assertFalse(showing(project));
        assertEquals("PCA · whole vocabulary · colour: leading space / continuation", form.getText());
        double collapsed = view.map().getHeight();
        // the user can still open it, and the map gives up that height
        robot.clickOn(form.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(form.isExpanded());
        assertTrue(showing(project));
        double expanded = view.map().getHeight();
        assertTrue(collapsed - expanded >= 100, "collapsed " + collapsed + " vs expanded " + expanded);
        robot.clickOn(form.lookup(".title"));
        robot.interact(() -> vm.methodProperty().set(Projection.Method.TSNE));
        assertEquals("t-SNE · whole vocabulary · colour: leading space / continuation", form.getText());
        // leaving presentation opens the form again
        robot.interact(() -> view.getScene().getStylesheets().setAll(Theme.LIGHT.stylesheetUrl()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(form.isExpanded());
        assertTrue(showing(project));
    }

    private static boolean showing(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
