package org.tokenlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.tokenlens.app.Theme;
import org.tokenlens.app.map.IdSet;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.map.MapTransform;
import org.tokenlens.app.map.ScatterMap;
import org.tokenlens.app.map.SentencePath;
import org.tokenlens.app.map.SyntheticPoints;

/**
 * ScatterMap at 100,000 points against JavaFX's ScatterChart, in one run on the software pipeline (Monocle):
 * <ul>
 *   <li>redraw while panning: the map's whole redraw routine (raster of every point, pixel upload, path/label
 *       overlay) after each of 200 pans, p50/p99;</li>
 *   <li>frame while panning: pan + redraw + a snapshot of the scene (what Prism then renders), for both the map and
 *       a ScatterChart (axis range moved, layout, snapshot) — the like-for-like comparison;</li>
 *   <li>hover picking: nearest point within 10 px of 20,000 random mouse positions at three zoom levels.</li>
 * </ul>
 * Run: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k
 * -cp $(cat cp.txt):BUILD/classes:BUILD/test-classes org.tokenlens.bench.ScatterBench [points] [chartPoints...]}
 */
public final class ScatterBench {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private ScatterBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int[] chartSizes = args.length > 1
                ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray() : new int[] {2_000, 10_000};
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false); // each bench closes its stage; the toolkit must outlive them
        System.out.printf("ScatterBench: %,d points, %d×%d view, prism=%s%n", n, WIDTH, HEIGHT,
                System.getProperty("prism.order", "default"));
        double mapFrame = onFx(() -> benchMap(n));
        for (int size : chartSizes) {
            double chartFrame = onFx(() -> benchChart(size));
            double perPoint = chartFrame / size;
            System.out.printf("  ScatterChart %,7d points: pan frame %,10.1f ms  (%.4f ms/point; linear "
                    + "extrapolation to %,d points: %,.0f ms = %,.0f× the map's frame)%n",
                    size, chartFrame, perPoint, n, perPoint * n, perPoint * n / mapFrame);
            System.out.printf("    measured ratio at %,d vs map at %,d: %,.0f×%n", size, n, chartFrame / mapFrame);
        }
        Platform.exit();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static Stage show(javafx.scene.Parent root) {
        Scene scene = new Scene(new StackPane(root), WIDTH, HEIGHT);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return stage;
    }

    /** Returns the map's median pan frame (pan + redraw + snapshot) in ms. */
    private static double benchMap(int n) {
        MapPoints points = SyntheticPoints.clustered(n, 1);
        ScatterMap map = new ScatterMap();
        map.setPoints(points);
        int[] path = new int[12];
        for (int k = 0; k < path.length; k++) {
            path[k] = k * (n / path.length);
        }
        map.setSentencePath(SentencePath.of(path));
        int[] matches = new int[500];
        for (int k = 0; k < matches.length; k++) {
            matches[k] = k * (n / matches.length);
        }
        map.setHighlightedPoints(IdSet.of(matches));
        Stage stage = show(map);

        Random random = new Random(3);
        for (int warm = 0; warm < 300; warm++) {
            pan(map, random);
        }
        long[] redraw = new long[200];
        long[] redrawCpu = new long[200];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < redraw.length; k++) {
            long cpu = threads.getCurrentThreadCpuTime();
            redraw[k] = pan(map, random);
            redrawCpu[k] = threads.getCurrentThreadCpuTime() - cpu;
        }
        report("map redraw while panning (200 pans), wall", redraw);
        // CPU time of the FX thread: what the redraw costs when the machine is not shared (the 2-core CI box is)
        report("map redraw while panning (200 pans), FX-thread CPU", redrawCpu);

        long[] frame = new long[50];
        for (int k = 0; k < frame.length; k++) {
            long t0 = System.nanoTime();
            pan(map, random);
            map.getScene().snapshot(null);
            frame[k] = System.nanoTime() - t0;
        }
        report("map pan frame incl. scene snapshot (50 pans)", frame);

        long[] update = new long[50];
        float[] x = new float[n];
        float[] y = new float[n];
        for (int k = 0; k < update.length; k++) {
            for (int i = 0; i < n; i++) {
                x[i] = points.x(i) * (1 + k * 0.01f);
                y[i] = points.y(i) * (1 + k * 0.01f);
            }
            long t0 = System.nanoTime();
            map.setPoints(points.withCoordinates(x, y)); // re-index
            map.layout(); // redraw
            update[k] = System.nanoTime() - t0;
        }
        report("t-SNE-style update: new coordinates, re-index, redraw (50)", update);

        MapTransform fit = map.getTransform();
        for (double zoom : new double[] {1, 8, 0.25}) {
            map.setTransform(fit.zoomedAt(zoom, WIDTH / 2.0, HEIGHT / 2.0));
            Random r = new Random(5);
            int hits = 0;
            for (int warm = 0; warm < 20_000; warm++) {
                hits += map.pick(r.nextDouble() * WIDTH, r.nextDouble() * HEIGHT) >= 0 ? 1 : 0;
            }
            long[] pick = new long[20_000];
            hits = 0;
            for (int k = 0; k < pick.length; k++) {
                double px = r.nextDouble() * WIDTH;
                double py = r.nextDouble() * HEIGHT;
                long t0 = System.nanoTime();
                int id = map.pick(px, py);
                pick[k] = System.nanoTime() - t0;
                hits += id >= 0 ? 1 : 0;
            }
            report(String.format("hover pick at zoom %.2f× (%d%% hit a point)", zoom, hits * 100 / pick.length),
                    pick);
        }
        stage.close();
        Arrays.sort(frame);
        return frame[frame.length / 2] / 1e6;
    }

    /** One pan and the map's redraw; returns the redraw's nanoseconds. */
    private static long pan(ScatterMap map, Random random) {
        map.panBy(random.nextGaussian() * 20, random.nextGaussian() * 20);
        long t0 = System.nanoTime();
        map.layout(); // the skin redraws in layout: raster, pixel upload, overlay
        return System.nanoTime() - t0;
    }

    /** Returns ScatterChart's median pan frame (range change + layout + snapshot) in ms. */
    private static double benchChart(int n) {
        MapPoints points = SyntheticPoints.clustered(n, 1);
        NumberAxis xAxis = new NumberAxis(points.minX(), points.maxX(), 10);
        NumberAxis yAxis = new NumberAxis(points.minY(), points.maxY(), 10);
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        ScatterChart<Number, Number> chart = new ScatterChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        // all data in one change: the series checks for duplicates per change, so adding one by one is O(n²)
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            data.add(new XYChart.Data<>(points.x(i), points.y(i)));
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>(FXCollections.observableArrayList(data));
        long t0 = System.nanoTime();
        chart.getData().add(series);
        Stage stage = show(chart);
        stage.getScene().snapshot(null);
        System.out.printf("  ScatterChart %,7d points: first frame %,10.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
        long[] frame = new long[5];
        double w = points.maxX() - points.minX();
        for (int k = 0; k < frame.length; k++) {
            long s = System.nanoTime();
            double shift = (k % 2 == 0 ? 0.02 : -0.02) * w;
            xAxis.setLowerBound(xAxis.getLowerBound() + shift);
            xAxis.setUpperBound(xAxis.getUpperBound() + shift);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            stage.getScene().snapshot(null);
            frame[k] = System.nanoTime() - s;
        }
        stage.close();
        Arrays.sort(frame);
        return frame[frame.length / 2] / 1e6;
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("  %-62s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", what, s[s.length / 2] / 1e6,
                s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6, s[s.length - 1] / 1e6);
    }
}
