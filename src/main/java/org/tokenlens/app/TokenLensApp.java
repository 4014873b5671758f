package org.tokenlens.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.tokenlens.app.detail.TokenDetailView;
import org.tokenlens.app.detail.TokenDetailViewModel;
import org.tokenlens.app.detail.WhenIdle;
import org.tokenlens.app.help.CheatSheet;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.positions.PositionsView;
import org.tokenlens.app.positions.PositionsViewModel;
import org.tokenlens.app.sources.HfCacheDiscovery;
import org.tokenlens.app.sources.SourcesMenu;
import org.tokenlens.app.sources.TokenizerDropHandler;
import org.tokenlens.app.vocab.SelectedLaneTokenizer;
import org.tokenlens.app.vocab.VocabularyView;
import org.tokenlens.app.vocab.VocabularyViewModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.FxTaskRunner;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** The TokenLens window. Started by {@code org.tokenlens.Main}; arguments are {@link AppOptions}. */
public final class TokenLensApp extends Application {

    public static final double DEFAULT_WIDTH = 1600;
    public static final double DEFAULT_HEIGHT = 1000;
    /** Screenshot mode gives up waiting for the first tokenization after this long. */
    private static final Duration SCREENSHOT_TIMEOUT = Duration.seconds(60);

    private AppOptions options;
    private FxTaskRunner runner;
    /** Compiles a keystroke's engine work before the first keystroke; null in screenshot mode. */
    private KeystrokeWarmup keystrokeWarmup;
    /** Errors met in screenshot mode, where no dialog can be answered; they decide the exit code. */
    private final List<String> screenshotErrors = new ArrayList<>();

    @Override
    public void init() {
        options = AppOptions.parse(getParameters().getRaw().toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner(2);
        TokenizerRegistry registry = new TokenizerRegistry();
        SessionModel session = new SessionModel();
        TokenizationViewModel viewModel = new TokenizationViewModel(registry::load, runner,
                List.copyOf(TokenizerRegistry.bundled().keySet()), options.tokenizers(), options.text(), session);
        viewModel.chipModeProperty().set(options.view());
        boolean screenshotMode = options.screenshot() != null;
        TokenizationView view = new TokenizationView(viewModel,
                screenshotMode ? this::recordScreenshotError : message -> showError(stage, message));

        // DESIGN.md layout: tabs on the right, token detail at the bottom (filled by their own views)
        TokenDetailViewModel detail = new TokenDetailViewModel(session, runner);
        VocabularyViewModel vocabulary = new VocabularyViewModel(runner, detail.vocabularyTokenProperty()::set);
        SelectedLaneTokenizer.bind(session, viewModel.lanes(), vocabulary.tokenizerProperty());
        VocabularyView vocabularyView = new VocabularyView(vocabulary);
        TabPane sideTabs = new TabPane(new Tab("Vocabulary", vocabularyView));
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.getStyleClass().add("side-tabs");
        PositionsViewModel positions = new PositionsViewModel(session, viewModel.lanes(), runner,
                () -> new EmbeddingModels(registry).load("all-MiniLM-L6-v2")); // loaded on first use, off the FX thread
        if (options.positionsKind() != null) {
            positions.kindProperty().set(options.positionsKind());
        }
        Tab positionsTab = new Tab("Positions", new PositionsView(positions));
        sideTabs.getTabs().add(positionsTab);
        var embedding = new org.tokenlens.app.embedding.EmbeddingViewModel(session, viewModel.lanes(), runner,
                () -> new EmbeddingModels(registry).load("all-MiniLM-L6-v2"));
        if (options.mapMethod() != null) {
            embedding.methodProperty().set(options.mapMethod());
        }
        embedding.applyStartOptions(options.mapSubset(), options.mapTop(), options.mapNeighbours(),
                options.mapIterations());
        var mapView = new org.tokenlens.app.embedding.EmbeddingView(embedding);
        Tab mapTab = new Tab("Embedding map", mapView);
        mapTab.setOnSelectionChanged(e -> { // the first look projects the whole vocabulary (PCA), off the FX thread
            if (mapTab.isSelected() && embedding.pointsProperty().get().size() == 0 && !embedding.busyProperty().get()) {
                embedding.project();
            }
        });
        sideTabs.getTabs().add(mapTab);
        StackPane detailPane = new StackPane(new TokenDetailView(detail));
        detailPane.setId("detailPane");
        detailPane.getStyleClass().add("detail-pane");
        view.setSidePanel(sideTabs);
        // plots need the width; the vocabulary table does not
        sideTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, tab) ->
                view.setSidePanelShare(tab == positionsTab || tab == mapTab ? 0.58 : 0.32));
        view.setDetailPanel(detailPane);

        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Shortcuts shortcuts = Shortcuts.forTokenization(view, viewModel);
        shortcuts.install(scene);
        SourcesMenu sources = new SourcesMenu(runner, HfCacheDiscovery.defaultHubRoot(), viewModel::addLane);
        sources.addTo(view.addLaneMenu());
        new TokenizerDropHandler(viewModel::addLane).install(view);
        CheatSheet cheatSheet = new CheatSheet(stage, shortcuts::entries);
        shortcuts.add("Open a tokenizer file as a new lane", sources::openFile,
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        shortcuts.add("Search the vocabulary", vocabularyView::focusSearch,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        shortcuts.add("This cheat sheet", cheatSheet::toggle, new KeyCodeCombination(KeyCode.F1));
        shortcuts.forEmbeddingMap(mapView, embedding);
        if (options.theme() == Theme.PRESENTATION) {
            viewModel.presentationProperty().set(true);
        } else {
            viewModel.themeProperty().set(options.theme());
        }
        scene.getStylesheets().setAll(viewModel.effectiveTheme().stylesheetUrl());
        stage.setTitle("TokenLens");
        stage.setScene(scene);
        if (!screenshotMode) { // a screenshot keeps the window's size: full screen would be the display's
            viewModel.presentationProperty().addListener((obs, was, on) -> stage.setFullScreen(on));
            stage.fullScreenProperty().addListener((obs, was, on) -> {
                if (!on) {
                    viewModel.presentationProperty().set(false); // Esc left full screen: leave presentation too
                }
            });
            stage.setFullScreenExitHint("");
            stage.setFullScreen(viewModel.presentationProperty().get());
        }
        if (!openTab(sideTabs, options.tab())) {
            return;
        }
        stage.show();
        if (!screenshotMode) {
            keystrokeWarmup = KeystrokeWarmup.whenLanesReady(viewModel);
        }
        if (options.select() != null) {
            selectWhenEncoded(viewModel, options.select());
        }
        if (screenshotMode) {
            List<ObservableBooleanValue> busy = new ArrayList<>(List.of(detail.busyProperty(),
                    vocabulary.busyProperty()));
            if (sideTabs.getSelectionModel().getSelectedItem() == positionsTab) {
                busy.add(positions.busyProperty()); // its tables compute off the FX thread
            }
            if (sideTabs.getSelectionModel().getSelectedItem() == mapTab) {
                busy.add(embedding.busyProperty()); // the model loads and projects off the FX thread
                busy.add(embedding.detailPendingProperty()); // a selected point's neighbour comparison follows
            }
            whenSettled(viewModel, () -> WhenIdle.then(busy,
                    () -> takeScreenshot(scene))); // the detail's trace and the vocabulary load after the lanes
        }
    }

    /** --tab NAME: select that side tab; an unknown name is a usage error (exit 2, the tabs there are). */
    private static boolean openTab(TabPane tabs, String name) {
        if (name == null) {
            return true;
        }
        List<String> titles = tabs.getTabs().stream().map(Tab::getText).toList();
        int index = AppOptions.tabIndex(titles, name);
        if (index < 0) {
            System.err.println("tokenlens: " + AppOptions.unknownTab(titles, name));
            Platform.exit();
            System.exit(2);
            return false;
        }
        tabs.getSelectionModel().select(index);
        return true;
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder-label");
        return label;
    }

    /** --select N: the first lane's token N, once that lane has an encoding. */
    private static void selectWhenEncoded(TokenizationViewModel viewModel, int index) {
        if (viewModel.lanes().isEmpty()) {
            return;
        }
        LaneViewModel lane = viewModel.lanes().get(0);
        Runnable select = () -> {
            var e = lane.encodingProperty().get();
            if (e != null && index >= 0 && index < e.size()) {
                viewModel.session().selectedTokenProperty().set(new TokenRef(lane, index));
            }
        };
        if (lane.encodingProperty().get() != null) {
            select.run();
        } else {
            lane.encodingProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable obs) {
                    lane.encodingProperty().removeListener(this);
                    select.run();
                }
            });
        }
    }

    private static void showError(Stage owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("TokenLens");
        alert.setHeaderText("Cannot tokenize");
        alert.show(); // not showAndWait: this runs inside a property listener
    }

    private void recordScreenshotError(String message) {
        screenshotErrors.add(message);
        System.err.println("tokenlens: " + message);
    }

    /** Run {@code action} once no lane is busy (or after a timeout, so a hung engine cannot hang the build). */
    private static void whenSettled(TokenizationViewModel viewModel, Runnable action) {
        boolean[] done = {false};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                Platform.runLater(action); // one more pulse so CSS and layout see the final chips
            }
        };
        if (!viewModel.busyProperty().get()) {
            once.run();
            return;
        }
        ChangeListener<Boolean> listener = (obs, was, busy) -> {
            if (!busy) {
                once.run();
            }
        };
        viewModel.busyProperty().addListener(listener);
        PauseTransition timeout = new PauseTransition(SCREENSHOT_TIMEOUT);
        timeout.setOnFinished(e -> once.run());
        timeout.play();
    }

    private void takeScreenshot(Scene scene) {
        int code = screenshotErrors.isEmpty() ? 0 : 2;
        try {
            Screenshot.write(scene, options.screenshot());
        } catch (IOException e) {
            System.err.println("tokenlens: cannot write screenshot " + options.screenshot() + ": " + e.getMessage());
            code = 2;
        }
        Platform.exit();
        System.exit(code);
    }

    @Override
    public void stop() {
        if (keystrokeWarmup != null) {
            keystrokeWarmup.stop();
        }
        if (runner != null) {
            runner.close();
        }
    }
}
