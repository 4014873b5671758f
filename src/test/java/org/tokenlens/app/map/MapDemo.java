package org.tokenlens.app.map;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.tokenlens.app.Theme;

/**
 * Renders a 30k-point demo map (clusters, a sentence path, a legend, a few search matches) in the light and dark
 * themes to PNG and SVG, to look at. Run headless with the Monocle flags:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp … org.tokenlens.app.map.MapDemo [dir]}
 */
public final class MapDemo {
    static final String[] SENTENCE = {"The", "·quick", "·brown", "·fox", "·jumps", "·over", "·the", "·lazy", "·dog", "."};

    private MapDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                for (Theme theme : Theme.values()) {
                    render(theme, dir);
                }
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
        Platform.exit();
    }

    static ScatterMap demoMap() {
        MapPoints points = SyntheticPoints.clustered(30_000, 7);
        ScatterMap map = new ScatterMap();
        map.setPoints(points);
        int[] path = new int[SENTENCE.length];
        for (int k = 0; k < path.length; k++) {
            path[k] = 1 + k * 2_917; // spread over the clusters
        }
        path[6] = path[1]; // "the" revisits a point: one label, the line goes back
        map.setSentencePath(new SentencePath(path, SENTENCE));
        int[] matches = new int[300];
        for (int k = 0; k < matches.length; k++) {
            matches[k] = k * 97;
        }
        map.setHighlightedPoints(IdSet.of(matches));
        map.setSelectedPoints(IdSet.of(path[3]));
        return map;
    }

    private static void render(Theme theme, Path dir) throws Exception {
        ScatterMap map = demoMap();
        Scene scene = new Scene(new StackPane(map), 1100, 720);
        scene.getStylesheets().add(theme.stylesheetUrl());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        // hover the sentence's "·over" so that the hover label is in the picture too
        MapPoints points = map.getPoints();
        int over = points.indexOf(map.getSentencePath().id(5));
        double hx = map.getTransform().toScreenX(points.x(over)) + 2;
        double hy = map.getTransform().toScreenY(points.y(over)) + 1;
        map.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, hx, hy, hx, hy, MouseButton.NONE, 0, false, false,
                false, false, false, false, false, false, false, false, null));
        map.metadataProperty().set(id -> "leading space · rank " + id);
        map.setHoveredPoint(-1);
        map.setHoveredPoint(map.pick(hx, hy));
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        MapExport.writePng(map, dir.resolve("map-" + theme + ".png"));
        MapExport.writeSvg(map, dir.resolve("map-" + theme + ".svg"));
        stage.close();
    }
}
