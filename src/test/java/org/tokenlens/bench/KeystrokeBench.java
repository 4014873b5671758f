package org.tokenlens.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tokenlens.app.PulseResultQueue;
import org.tokenlens.app.ResultQueue;
import org.tokenlens.app.TokenizationView;
import org.tokenlens.app.TokenizationViewModel;
import org.tokenlens.app.task.FxTaskRunner;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * FX-thread cost of the tokenization view, headless (Monocle): the real window (1600×1000, two lanes), real
 * tokenizers, the real background runner.
 * <ul>
 *   <li>Keystroke on a 100 KB document: FX-thread time to insert one character in the editor (editor edit and
 *   the requests it fires), and to apply each lane's result (publish, chip rows, visible chips, CSS, layout —
 *   forced inside the measurement so the next pulse has nothing left but rendering). p50/p99 of their sum.</li>
 *   <li>A 5 MB paste: the longest FX-thread stall from the paste until both lanes show it, seen by a watchdog
 *   that posts a no-op every 2 ms and records how late each one runs.</li>
 * </ul>
 * Run: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k
 * -cp $(cat cp.txt):BUILD/classes:BUILD/test-classes org.tokenlens.bench.KeystrokeBench [lanes]}
 * (lanes default: cl100k_base,gpt2).
 */
public final class KeystrokeBench {

    private static final int WARMUP = 60;
    private static final int KEYS = 300;
    /** CPU time of the FX thread beside wall time: on a shared machine wall time also counts other processes. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Times each result's application on the FX thread, layout included: wraps the window's pulse queue, so what
     * is timed is the apply that actually runs (a result replaced within a pulse is never applied).
     */
    private static final class TimingQueue implements ResultQueue {
        final FxTaskRunner delegate = new FxTaskRunner(2);
        final PulseResultQueue pulse = new PulseResultQueue();
        volatile Scene scene;
        final List<Long> applyNanos = new ArrayList<>();
        final List<Long> publishNanos = new ArrayList<>();
        final List<Long> applyCpuNanos = new ArrayList<>();
        volatile CountDownLatch results = new CountDownLatch(0);

        @Override
        public void submit(Object key, Runnable apply) {
            pulse.submit(key, () -> {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                apply.run();
                publishNanos.add(System.nanoTime() - t0);
                if (scene != null) {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                }
                applyNanos.add(System.nanoTime() - t0);
                applyCpuNanos.add(THREADS.getCurrentThreadCpuTime() - c0);
                results.countDown();
            });
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> lanes = List.of((args.length > 0 ? args[0] : "cl100k_base,gpt2").split(","));
        Platform.startup(() -> { });
        TimingQueue runner = new TimingQueue();
        TokenizerRegistry registry = new TokenizerRegistry();
        lanes.forEach(registry::load); // loading is not what is measured
        String doc = document(100_000);
        TokenizationViewModel[] vm = new TokenizationViewModel[1];
        TokenizationView[] view = new TokenizationView[1];
        runner.results = new CountDownLatch(lanes.size());
        onFx(() -> {
            vm[0] = new TokenizationViewModel(registry::load, runner.delegate, List.copyOf(TokenizerRegistry.bundled().keySet()),
                    lanes, doc);
            view[0] = new TokenizationView(vm[0], System.err::println);
            vm[0].setResultQueue(runner); // before any result arrives (they come back through runLater)
            Scene scene = new Scene(view[0], 1280, 800); // Monocle's headless screen is 1280x800
            runner.scene = scene;
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        runner.results.await(60, TimeUnit.SECONDS);

        System.out.printf(Locale.ROOT, "document %,d chars, lanes %s%n", doc.length(), lanes);
        long[] perKey = new long[KEYS];
        long[] editNanos = new long[KEYS];
        long[] applyNanos = new long[KEYS];
        long[] publishNanos = new long[KEYS];
        long[] perKeyCpu = new long[KEYS];
        for (int k = -WARMUP; k < KEYS; k++) {
            runner.applyNanos.clear();
            runner.publishNanos.clear();
            runner.applyCpuNanos.clear();
            runner.results = new CountDownLatch(lanes.size());
            int at = doc.length() / 2 + (k & 63);
            long[] edit = new long[2];
            onFx(() -> {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                view[0].editor().insertText(at, "x");
                edit[0] = System.nanoTime() - t0;
                edit[1] = THREADS.getCurrentThreadCpuTime() - c0;
            });
            if (!runner.results.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no result after a keystroke");
            }
            onFx(() -> { }); // the last apply's bookkeeping is done
            if (k >= 0) {
                long apply = runner.applyNanos.stream().mapToLong(Long::longValue).sum();
                editNanos[k] = edit[0];
                applyNanos[k] = apply;
                perKey[k] = edit[0] + apply;
                perKeyCpu[k] = edit[1] + runner.applyCpuNanos.stream().mapToLong(Long::longValue).sum();
                publishNanos[k] = runner.publishNanos.stream().mapToLong(Long::longValue).sum();
            }
        }
        report("edit (editor insert + requests)", editNanos);
        report("apply (results -> chips, CSS, layout)", applyNanos);
        report("  of which publish (no CSS/layout)", publishNanos);
        report("keystroke total on the FX thread", perKey);
        report("keystroke total, FX-thread CPU time", perKeyCpu);

        // 5 MB paste, watched by a watchdog
        String big = document(5_000_000);
        AtomicLong worst = new AtomicLong();
        Thread watchdog = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    worst.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        runner.results = new CountDownLatch(lanes.size());
        runner.applyNanos.clear();
        runner.applyCpuNanos.clear();
        long[] paste = new long[3];
        onFx(() -> paste[2] = Thread.currentThread().getId());
        long fxCpu0 = THREADS.getThreadCpuTime(paste[2]);
        watchdog.start();
        Thread.sleep(100);
        long t0 = System.nanoTime();
        onFx(() -> {
            long p0 = System.nanoTime();
            view[0].editor().selectAll();
            long c0 = THREADS.getCurrentThreadCpuTime();
            view[0].editor().replaceSelection(big);
            paste[0] = System.nanoTime() - p0;
            paste[1] = THREADS.getCurrentThreadCpuTime() - c0;
        });
        runner.results.await(120, TimeUnit.SECONDS);
        onFx(() -> { });
        long shown = System.nanoTime() - t0;
        long fxCpu = THREADS.getThreadCpuTime(paste[2]) - fxCpu0; // every chunk, apply, CSS, layout and render
        Thread.sleep(200);
        watchdog.interrupt();
        System.out.printf(Locale.ROOT, "5 MB paste: paste call (first chunk) %.1f ms (CPU %.1f ms), apply per lane %s ms "
                        + "(CPU %s ms), both lanes shown after %.0f ms, FX-thread CPU paste→shown %.0f ms "
                        + "(watchdog included), longest FX-thread stall %.1f ms%n",
                paste[0] / 1e6, paste[1] / 1e6, runner.applyNanos.stream().map(n -> String.format(Locale.ROOT, "%.1f", n / 1e6))
                        .toList(), runner.applyCpuNanos.stream().map(n -> String.format(Locale.ROOT, "%.1f", n / 1e6))
                        .toList(), shown / 1e6, fxCpu / 1e6, worst.get() / 1e6);
        runner.delegate.close();
        Platform.exit();
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-40s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms  (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /** English prose, code and CJK with emoji, repeated to {@code chars}. */
    static String document(int chars) {
        String block = "The quick brown fox jumps over the lazy dog; tokenizers split words into pieces.\n"
                + "def tokenize(text):\n    return [t for t in text.split() if t]  # code\n"
                + "日本語のテキストと中文，还有 emoji 🙂👍🏽 and café naïve.\n\n";
        StringBuilder sb = new StringBuilder(chars + block.length());
        while (sb.length() < chars) {
            sb.append(block);
        }
        sb.setLength(chars);
        if (Character.isHighSurrogate(sb.charAt(chars - 1))) {
            sb.setLength(chars - 1);
        }
        return sb.toString();
    }
}
