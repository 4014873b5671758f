package org.tokenlens.app.detail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenlens.app.TokenLensApp;
import org.tokenlens.app.TokenizationView;
import org.tokenlens.app.chips.TokenChip;

/**
 * The real {@link TokenLensApp} (real registry, real task runner, the app's own wiring of detail pane, vocabulary
 * tab, sources, shortcuts and dialogs), started once per test class on headless Monocle, and read the way a user
 * reads it: chips, fact labels, symbol boxes, dialogs.
 */
public final class RunningApp {

    /** The lanes, the detail pane and the vocabulary all finish well within this on 2 shared cores. */
    private static final long WAIT_SECONDS = 30;
    private static final double WIDTH = 1260;
    private static final double HEIGHT = 780;

    private final TokenLensApp app;
    private final Stage stage;
    private final FxRobot robot = new FxRobot();

    private RunningApp(TokenLensApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    /** Start the window with command-line {@code args} ({@code --tokenizers …}, {@code --text …}). */
    public static RunningApp start(String... args) throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        // Monocle's headless screen (1280×800) is smaller than the app's 1600×1000, and a window larger than the
        // screen overflows its framebuffer: size the stage as soon as the app gives it a scene, before it shows
        ChangeListener<Scene> fit = (obs, old, scene) -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
        };
        new FxRobot().interact(() -> stage.sceneProperty().addListener(fit));
        TokenLensApp app;
        try {
            app = (TokenLensApp) FxToolkit.setupApplication(TokenLensApp.class, args);
        } finally {
            new FxRobot().interact(() -> stage.sceneProperty().removeListener(fit));
        }
        RunningApp running = new RunningApp(app, stage);
        running.settle();
        return running;
    }

    public void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
    }

    public FxRobot robot() {
        return robot;
    }

    public Stage stage() {
        return stage;
    }

    public TokenizationView view() {
        return (TokenizationView) stage.getScene().getRoot();
    }

    public static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Evaluate on the FX thread: the scene graph is only consistent there. */
    private static boolean fx(BooleanSupplier condition) {
        return onFx(condition::getAsBoolean);
    }

    /** The status bar says "Ready" (no lane is tokenizing) and no pane says it is still working. */
    public void settle() throws TimeoutException {
        waitUntil(() -> "Ready".equals(view().statusBar().getText())
                && robot.lookup(".trace-status").queryAllAs(Label.class).stream()
                        .noneMatch(l -> "Tracing…".equals(l.getText()))
                && robot.lookup("#vocabStatus").queryAllAs(Label.class).stream()
                        .noneMatch(l -> l.getText().startsWith("Loading") || l.getText().equals("Searching…")));
    }

    /** The lane views, top to bottom. */
    public List<Node> lanes() {
        return new ArrayList<>(robot.lookup(".lane").queryAll());
    }

    /** The chips of lane {@code lane} on screen, in token order. */
    public List<TokenChip> chips(int lane) {
        return robot.from(lanes().get(lane)).lookup(".token-chip").queryAllAs(TokenChip.class).stream()
                .filter(c -> c.getScene() != null && c.getParent() != null && c.getParent().getParent() != null
                        && c.getParent().getParent().isVisible() && c.getContent() != null)
                .sorted(Comparator.comparingInt(TokenChip::firstToken)).toList();
    }

    /** The ids printed under the chips of a lane, in order. */
    public List<Integer> chipIds(int lane) {
        List<Integer> ids = new ArrayList<>();
        for (TokenChip chip : chips(lane)) {
            for (Node n : chip.lookupAll(".chip-id")) {
                ids.add(Integer.parseInt(((Text) n).getText()));
            }
        }
        return ids;
    }

    /** The chip whose first token is {@code index}. */
    public TokenChip chip(int lane, int index) {
        return chips(lane).stream().filter(c -> c.firstToken() == index).findFirst()
                .orElseThrow(() -> new AssertionError("no chip starts at token " + index + " in lane " + lane));
    }

    /** The detail pane's heading. */
    public String detailHeading() {
        return robot.lookup("#detailHeading").queryLabeled().getText();
    }

    /** A value of the detail pane's facts grid by its label ("id", "piece", "UTF-16", …). */
    public String fact(String label) {
        String cls = ".fact-" + label.toLowerCase().replace("-", "");
        return robot.lookup("#detailFacts " + cls).queryLabeled().getText();
    }

    /** The texts of the symbol boxes in the detail's trace area (matching {@code selector} under it). */
    public List<String> boxes(String selector) {
        List<String> out = new ArrayList<>();
        for (Node box : robot.lookup("#detailTrace " + selector).queryAll()) {
            if (box.getScene() != null) {
                out.add(((Label) ((Parent) box).lookup(".symbol-text")).getText());
            }
        }
        return out;
    }

    /** The dialogs (Alerts) that are showing. */
    public static List<DialogPane> dialogs() {
        return onFx(() -> Window.getWindows().stream()
                .filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).toList());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(read));
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + WAIT_SECONDS + " s", e);
        }
    }
}
