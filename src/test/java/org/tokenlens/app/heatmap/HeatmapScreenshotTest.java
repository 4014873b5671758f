package org.tokenlens.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tokenlens.app.Theme;

/**
 * The demo to look at: a 512 × 384 sinusoidal table (computed here from the formula, interleaved layout) with
 * typed tokens on the position axis, above a RoPE decay curve and a wavelength plot, in the light and dark
 * themes. Writes {@code /tmp/heat-light.png} and {@code /tmp/heat-dark.png} and checks known pixels.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapScreenshotTest {

    static final String[] TOKENS = {"[CLS]", "the", "quick", "brown", "fox", "jump", "##s", "over", "the", "lazy",
        "dog", ".", "[SEP]"};

    @Start
    void start(Stage stage) {
        // the toolkit is up from here; the scenes below are snapshotted, not shown
    }

    @Test
    void demoInLightAndDarkThemes(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            AtomicReference<Heatmap> heatmap = new AtomicReference<>();
            AtomicReference<WritableImage> shot = new AtomicReference<>();
            Path file = Path.of("/tmp/heat-" + theme + ".png");
            robot.interact(() -> {
                Scene scene = demoScene(theme);
                heatmap.set((Heatmap) scene.lookup(".heatmap"));
                heatmap.get().setSelectedRow(4);
                shot.set(scene.snapshot(null));
                try {
                    PngExport.write(scene.getRoot(), file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Heatmap h = heatmap.get();
            double[] a = ((HeatmapSkin) h.getSkin()).plotArea();
            // PE(0, 0) = sin 0 = 0 → the centre white; PE(0, 1) = cos 0 = 1 → the red end (scale is ±1)
            assertEquals(0xfff7f7f7, pixel(shot.get(), h, a[0] + cellW(a, 0.5), a[1] + 0.5), theme + " row 0, dim 0");
            assertEquals(0xff67001f, pixel(shot.get(), h, a[0] + cellW(a, 1.5), a[1] + 0.5), theme + " row 0, dim 1");
            assertTrue(file.toFile().length() > 10_000, file + " written");
        }
    }

    private static double cellW(double[] a, double col) {
        return col * a[2] / 384;
    }

    private static int pixel(WritableImage img, Heatmap h, double x, double y) {
        Point2D p = h.localToScene(x, y);
        return img.getPixelReader().getArgb((int) p.getX(), (int) p.getY());
    }

    static Scene demoScene(Theme theme) {
        Heatmap heatmap = new Heatmap();
        heatmap.setMatrix(MatrixSource.of(sinusoidal(512, 384, 10000), 512, 384));
        for (int i = 0; i < TOKENS.length; i++) {
            heatmap.getRowMarkers().add(new RowMarker(i, TOKENS[i]));
        }
        LinePlot decay = new LinePlot();
        decay.setXAxisLabel("relative distance");
        decay.setYAxisLabel("q·k / |q||k|");
        decay.getSeries().setAll(ropeDecay(128, 10000, 2048), ropeDecay(128, 500000, 2048));
        LinePlot wavelengths = new LinePlot();
        wavelengths.setXAxisLabel("dimension pair i");
        wavelengths.setYAxisLabel("wavelength (positions)");
        wavelengths.setLogY(true);
        wavelengths.getSeries().setAll(wavelength(128, 10000), wavelength(128, 500000));
        HBox plots = new HBox(8, decay, wavelengths);
        HBox.setHgrow(decay, Priority.ALWAYS);
        HBox.setHgrow(wavelengths, Priority.ALWAYS);
        decay.setPrefSize(700, 300);
        wavelengths.setPrefSize(500, 300);
        BorderPane root = new BorderPane(heatmap);
        root.setBottom(plots);
        Scene scene = new Scene(root, 1300, 980);
        scene.getStylesheets().add(theme.stylesheetUrl());
        return scene;
    }

    /** PE(pos, 2i) = sin(pos / base^(2i/d)), PE(pos, 2i+1) = cos(…), evaluated directly. */
    static float[] sinusoidal(int positions, int d, double base) {
        float[] v = new float[positions * d];
        for (int pos = 0; pos < positions; pos++) {
            for (int i = 0; i < d / 2; i++) {
                double angle = pos / Math.pow(base, 2.0 * i / d);
                v[pos * d + 2 * i] = (float) Math.sin(angle);
                v[pos * d + 2 * i + 1] = (float) Math.cos(angle);
            }
        }
        return v;
    }

    /** Mean of cos(m·θ_i) over the pairs: q·k of a vector with itself rotated by distance m, normalised. */
    static Series ropeDecay(int headDim, double base, int maxDistance) {
        double[] y = new double[maxDistance + 1];
        for (int m = 0; m <= maxDistance; m++) {
            double s = 0;
            for (int i = 0; i < headDim / 2; i++) {
                s += Math.cos(m * Math.pow(base, -2.0 * i / headDim));
            }
            y[m] = s / (headDim / 2);
        }
        return Series.indexed("RoPE θ = " + (long) base, y);
    }

    static Series wavelength(int headDim, double base) {
        double[] y = new double[headDim / 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = 2 * Math.PI * Math.pow(base, 2.0 * i / headDim);
        }
        return Series.indexed("θ = " + (long) base, y);
    }
}
