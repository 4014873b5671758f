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
 * FX-thread cost of the tokenization view, headless (Monocle): the real window (1280×800, two lanes), real
 * tokenizers, the real background runner and the real pulse.
 * <ul>
 *   <li>Keystroke on a 100 KB document: the FX thread's busy time per keystroke — the editor insert and the
 *   requests it fires, each lane's result applied on arrival, and the CSS and layout passes of the pulses until
 *   both lanes are laid out (timed by the scene's pre- and post-layout pulse listeners, so CSS and layout cost
 *   what the app's own pulse makes them cost; rendering runs on the render thread) — and the latency from the
 *   keystroke to both lanes' chips updated (the last lane's result applied to its strip: the tokenizers' time on
 *   the workers and the hop back) and to both laid out, which adds the wait for the next pulse (60 Hz; the
 *   editor's own text waits for the same pulse).</li>
 *   <li>A 5 MB paste: the longest FX-thread stall from the paste until both lanes show it, seen by a watchdog
 *   that posts a no-op every 2 ms and records how late each one runs, with where the FX thread was during the
 *   longest one; and the longest collection pause meanwhile (it stops the FX thread too, but the watchdog misses
 *   a pause that falls in its 2 ms sleep).</li>
 * </ul>
 * Run: {@code bash .ci/bench KeystrokeBench [lanes]} (it adds the Monocle properties and the app's GC pause goal,
 * as the README's command runs the app), or {@code java -XX:MaxGCPauseMillis=20 -XX:MaxNewSize=64m -Dglass.platform=Monocle
 * -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k
 * -cp $(cat cp.txt):BUILD/classes:BUILD/test-classes org.tokenlens.bench.KeystrokeBench [lanes]}
 * (lanes default: cl100k_base,gpt2; the app opens with bert-base-uncased).
 */
public final class KeystrokeBench {

    /**
     * Keystrokes before the measured ones ({@code -Dbench.warmup=N}). 60 measures the first seconds of typing,
     * while C2 still compiles the keystroke's code on the other core (the machine is saturated then); 600 measures
     * steady typing.
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 60);
    private static final int KEYS = 300;
    /**
     * {@code -Dbench.interval=33}: a keystroke every 33 ms, as a held key repeats (~30 per second; the fastest a
     * user types); 0 (default): each keystroke as soon as the last one is laid out (~70 per second here), the
     * stress case, where the software renderer still draws the last frame while the next keystroke is handled.
     */
    private static final long INTERVAL_MS = Long.getLong("bench.interval", 0);
    /**
     * {@code -Dbench.startDelay=MS}: a pause between the window's first layout and the first keystroke, as a user
     * who opens the window does not type in its first millisecond (default 0: at once).
     */
    private static final long START_DELAY_MS = Long.getLong("bench.startDelay", 0);
    /**
     * {@code -Dbench.keystrokeWarmup=false}: do not start the app's keystroke warm-up (org.tokenlens.app.KeystrokeWarmup,
     * started as the app starts it, once the lanes show their first encodings); classes without it run without.
     */
    private static final boolean KEYSTROKE_WARMUP = Boolean.parseBoolean(System.getProperty("bench.keystrokeWarmup", "true"));
    /** CPU time of the FX thread beside wall time: on a shared machine wall time also counts other processes. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** {@code -Dbench.timeline=true}: print the paste's long FX-thread stalls and collection pauses in time order. */
    private static final boolean TIMELINE = Boolean.getBoolean("bench.timeline");
    private static final List<String> timeline = new ArrayList<>();
    private static volatile long pasteStart;
    private static volatile long pasteUptime;

    /**
     * Counts and times each result's application on the FX thread; wraps the window's pulse queue, so what is
     * timed is the apply that actually runs (a result replaced within a pulse is never applied).
     */
    private static final class TimingQueue implements ResultQueue {
        final FxTaskRunner delegate = new FxTaskRunner(2);
        final PulseResultQueue pulse = new PulseResultQueue();
        /** FX thread only. */
        long busyNanos;
        long busyCpuNanos;
        int applied;
        int expected = Integer.MAX_VALUE;
        long laidOutAt;
        /** When the last lane's result was applied: the chips hold the new tokens, laid out at the next pulse. */
        long appliedAt;
        volatile CountDownLatch laidOut = new CountDownLatch(0);
        private long pulseStart;
        private long pulseCpuStart;

        @Override
        public void submit(Object key, Runnable apply) {
            pulse.submit(key, () -> {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                apply.run();
                busyNanos += System.nanoTime() - t0;
                busyCpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
                if (++applied == expected) {
                    appliedAt = System.nanoTime();
                }
            });
        }

        /** The scene's pulse: time its CSS and layout passes; done once every expected result is laid out. */
        void watch(Scene scene) {
            scene.addPreLayoutPulseListener(() -> {
                pulseStart = System.nanoTime();
                pulseCpuStart = THREADS.getCurrentThreadCpuTime();
            });
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                if (laidOut.getCount() == 0) {
                    return; // not measuring
                }
                busyNanos += now - pulseStart;
                busyCpuNanos += THREADS.getCurrentThreadCpuTime() - pulseCpuStart;
                if (applied >= expected) {
                    laidOutAt = now;
                    laidOut.countDown();
                }
            });
        }

        void reset(int lanes) {
            busyNanos = 0;
            busyCpuNanos = 0;
            applied = 0;
            expected = lanes;
            laidOut = new CountDownLatch(1);
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
        onFx(() -> runner.reset(lanes.size()));
        onFx(() -> {
            vm[0] = new TokenizationViewModel(registry::load, runner.delegate, List.copyOf(TokenizerRegistry.bundled().keySet()),
                    lanes, doc);
            view[0] = new TokenizationView(vm[0], System.err::println);
            vm[0].setResultQueue(runner); // before any result arrives (they come back through runLater)
            Scene scene = new Scene(view[0], 1280, 800); // Monocle's headless screen is 1280x800
            runner.watch(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        runner.laidOut.await(60, TimeUnit.SECONDS);
        Object[] warmup = new Object[1];
        if (KEYSTROKE_WARMUP) {
            onFx(() -> warmup[0] = startKeystrokeWarmup(vm[0]));
        }
        Thread.sleep(START_DELAY_MS);

        System.out.printf(Locale.ROOT, "document %,d chars, lanes %s, keystrokes %s%n", doc.length(), lanes,
                INTERVAL_MS > 0 ? "every " + INTERVAL_MS + " ms" : "back to back (each right after the last is laid out)");
        long[] compilersBefore = compilerCpu();
        java.util.Map<Long, Long> cpuBefore = threadCpu();
        java.util.Map<Long, Long> allocBefore = threadAllocated();
        long[] busy = new long[KEYS];
        long[] busyCpu = new long[KEYS];
        long[] latency = new long[KEYS];
        long[] applyLatency = new long[KEYS];
        long[] insertCpu = new long[KEYS];
        long[] insertWall = new long[KEYS];
        boolean[] collected = new boolean[KEYS];
        long nextKey = System.nanoTime();
        for (int k = -WARMUP; k < KEYS; k++) {
            int at = doc.length() / 2 + (k & 63);
            if (INTERVAL_MS > 0) { // paced as a held key repeats; else each keystroke follows the last one's layout
                nextKey += INTERVAL_MS * 1_000_000L;
                long wait = nextKey - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            long[] t0 = new long[3];
            long gc0 = collections();
            onFx(() -> {
                runner.reset(lanes.size());
                t0[0] = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                view[0].editor().insertText(at, "x");
                t0[2] = System.nanoTime() - t0[0];
                runner.busyNanos += t0[2];
                t0[1] = THREADS.getCurrentThreadCpuTime() - c0;
                runner.busyCpuNanos += t0[1];
            });
            if (!runner.laidOut.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no result after a keystroke");
            }
            long[] r = new long[4];
            onFx(() -> {
                r[0] = runner.busyNanos;
                r[1] = runner.busyCpuNanos;
                r[2] = runner.laidOutAt - t0[0];
                r[3] = runner.appliedAt - t0[0];
            });
            if (k >= 0) {
                busy[k] = r[0];
                busyCpu[k] = r[1];
                latency[k] = r[2];
                applyLatency[k] = r[3];
                insertCpu[k] = t0[1];
                insertWall[k] = t0[2];
                collected[k] = collections() != gc0;
            }
        }
        long[] compilersAfter = compilerCpu();
        System.out.printf(Locale.ROOT, "JIT compiler threads' CPU during the keystrokes (Linux): C1 %.0f ms, C2 %.0f ms "
                        + "(from start to the first keystroke: C1 %.0f ms, C2 %.0f ms)%n",
                (compilersAfter[0] - compilersBefore[0]) / 1e6, (compilersAfter[1] - compilersBefore[1]) / 1e6,
                compilersBefore[0] / 1e6, compilersBefore[1] / 1e6);
        System.out.println(warmup[0] == null ? "keystroke warm-up: none" : warmup[0] + " (start delay " + START_DELAY_MS + " ms)");
        // where the 2 cores go per keystroke: the renderer (software Prism here), the FX thread, the lane workers;
        // and the garbage per keystroke: what the young collections (pauses the FX thread shares) have to clear
        System.out.println(perKeystrokeByThread("CPU per keystroke by thread:", cpuBefore, threadCpu(), 5,
                "  %s %.1f ms"));
        System.out.println(perKeystrokeByThread("allocated per keystroke by thread:", allocBefore, threadAllocated(),
                4, "  %s %.2f MB"));
        report("FX thread busy per keystroke (wall)", busy);
        report("FX thread busy per keystroke (CPU)", busyCpu);
        report("keystroke -> both lanes' chips updated", applyLatency);
        report("keystroke -> both lanes laid out", latency);
        // what the tail is made of: the keystroke's own work on the FX thread (editor insert, inline encodes,
        // chips applied), and the keystrokes that shared their time with a young collection
        report("keystroke event itself (FX CPU)", insertCpu);
        report("keystroke event itself (wall)", insertWall);
        int later = 0;
        for (int k = 0; k < KEYS; k++) {
            later += applyLatency[k] > insertWall[k] ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "keystrokes whose chips were updated after the event: %d of %d%n", later, KEYS);
        int withGc = 0;
        long[] quiet = new long[KEYS];
        int q = 0;
        for (int k = 0; k < KEYS; k++) {
            if (collected[k]) {
                withGc++;
            } else {
                quiet[q++] = applyLatency[k];
            }
        }
        System.out.printf(Locale.ROOT, "keystrokes with a collection before laid out: %d of %d%n", withGc, KEYS);
        report("chips updated, keystrokes without a collection", Arrays.copyOf(quiet, q));

        // 5 MB paste, watched by a watchdog
        String big = document(5_000_000);
        AtomicLong worst = new AtomicLong();
        Thread[] fxThread = new Thread[1];
        onFx(() -> fxThread[0] = Thread.currentThread());
        // where the FX thread was 40 ms into each stall that long, sampled every 10 ms until it ends: the longest
        // stall's samples are printed (a collection's pause shows as whatever code it stopped)
        List<String> stallSamples = new ArrayList<>();
        Thread watchdog = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    worst.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    ran.countDown();
                });
                try {
                    List<String> samples = new ArrayList<>();
                    if (!ran.await(40, TimeUnit.MILLISECONDS)) {
                        do {
                            samples.add(where(fxThread[0].getStackTrace()));
                        } while (!ran.await(10, TimeUnit.MILLISECONDS));
                        long stalled = System.nanoTime() - posted;
                        if (TIMELINE) {
                            synchronized (timeline) {
                                timeline.add(String.format(Locale.ROOT, "%7.0f ms  FX stall %5.1f ms  at %s",
                                        (posted - pasteStart) / 1e6, stalled / 1e6, samples.get(0)));
                            }
                        }
                        synchronized (stallSamples) {
                            if (stalled >= worst.get() - 12_000_000) { // (about) the longest so far
                                stallSamples.clear();
                                stallSamples.add(String.format(Locale.ROOT, "stall %.0f ms:", stalled / 1e6));
                                stallSamples.addAll(samples);
                            }
                        }
                    }
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        onFx(() -> runner.reset(lanes.size()));
        long[] paste = new long[3];
        onFx(() -> paste[2] = Thread.currentThread().getId());
        long fxCpu0 = THREADS.getThreadCpuTime(paste[2]);
        // the collections' pauses while the paste is shown: how much of the longest stall is the collector's
        AtomicLong longestPause = new AtomicLong();
        javax.management.NotificationListener pauses = (notification, handback) -> {
            if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                    .equals(notification.getType())) {
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) notification.getUserData());
                if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Concurrent")) {
                    longestPause.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                    if (TIMELINE) {
                        synchronized (timeline) {
                            timeline.add(String.format(Locale.ROOT, "%7.0f ms  GC pause %3d ms  %s (%s)",
                                    (double) (info.getGcInfo().getStartTime() - pasteUptime), info.getGcInfo().getDuration(),
                                    info.getGcName(), info.getGcCause()));
                        }
                    }
                }
            }
        };
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener(pauses, null, null);
        }
        watchdog.start();
        Thread.sleep(100);
        long t0 = System.nanoTime();
        pasteStart = t0;
        pasteUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        onFx(() -> {
            long p0 = System.nanoTime();
            view[0].editor().selectAll();
            long c0 = THREADS.getCurrentThreadCpuTime();
            view[0].editor().replaceSelection(big);
            paste[0] = System.nanoTime() - p0;
            paste[1] = THREADS.getCurrentThreadCpuTime() - c0;
        });
        runner.laidOut.await(120, TimeUnit.SECONDS);
        onFx(() -> { });
        long shown = System.nanoTime() - t0;
        long fxCpu = THREADS.getThreadCpuTime(paste[2]) - fxCpu0; // every chunk, apply, CSS, layout and render
        Thread.sleep(200);
        watchdog.interrupt();
        System.out.printf(Locale.ROOT, "5 MB paste: paste call (first chunk) %.1f ms (CPU %.1f ms), both lanes laid out "
                        + "after %.0f ms, FX-thread CPU paste→shown %.0f ms (watchdog included), longest FX-thread "
                        + "stall %.1f ms (longest collection pause %d ms)%n",
                paste[0] / 1e6, paste[1] / 1e6, shown / 1e6, fxCpu / 1e6, worst.get() / 1e6, longestPause.get());
        synchronized (stallSamples) {
            stallSamples.forEach(line -> System.out.println("  " + line));
        }
        if (TIMELINE) {
            System.out.println("paste timeline (watchdog stalls over 40 ms, where the FX thread was 40 ms in; GC pauses):");
            synchronized (timeline) {
                timeline.sort(java.util.Comparator.comparingDouble(line -> Double.parseDouble(line.substring(0, 7))));
                timeline.forEach(line -> System.out.println("  " + line));
            }
        }
        // -Dbench.hold=MS: keep the window and its 5 MB document alive for a heap histogram (jcmd PID GC.class_histogram)
        Thread.sleep(Long.getLong("bench.hold", 0));
        runner.delegate.close();
        Platform.exit();
    }

    /**
     * {@code title}, then the {@code top} threads (numbered pool threads summed by name) by what they added from
     * {@code before} to {@code after} per keystroke, each printed with {@code format} in millions (ms of ns, MB).
     */
    private static String perKeystrokeByThread(String title, java.util.Map<Long, Long> before,
                                               java.util.Map<Long, Long> after, int top, String format) {
        java.util.Map<String, Long> byThread = new java.util.TreeMap<>();
        after.forEach((id, value) -> {
            java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
            long spent = value - before.getOrDefault(id, 0L);
            if (info != null && spent > 0) {
                byThread.merge(info.getThreadName().replaceAll("-\\d+$", ""), spent, Long::sum);
            }
        });
        StringBuilder line = new StringBuilder(title);
        byThread.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(e -> line.append(String.format(Locale.ROOT, format, e.getKey(),
                        e.getValue() / 1e6 / (KEYS + WARMUP))));
        return line.toString();
    }

    /** The innermost frames of a stack, then this project's frames and the pulse, if any, on one line. */
    private static String where(StackTraceElement[] stack) {
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < stack.length; k++) {
            String cls = stack[k].getClassName();
            if (k < 4 || cls.startsWith("org.tokenlens") || stack[k].getMethodName().equals("pulse")) {
                line.append(k == 0 ? "" : " < ").append(cls.replaceAll(".*\\.", "")).append('.')
                        .append(stack[k].getMethodName());
            }
        }
        return line.toString();
    }

    /**
     * {@code KeystrokeWarmup.whenLanesReady(vm)} as the app calls it once its window is shown, or null if the classes
     * have no such warm-up (the same bench then runs the classes before it).
     */
    private static Object startKeystrokeWarmup(TokenizationViewModel vm) {
        try {
            return Class.forName("org.tokenlens.app.KeystrokeWarmup")
                    .getMethod("whenLanesReady", TokenizationViewModel.class).invoke(null, vm);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * CPU time so far of the JIT's compiler threads, C1 and C2 (nanoseconds), read from /proc (Linux; zeros
     * elsewhere): they are not Java threads the thread bean lists.
     */
    private static long[] compilerCpu() {
        long[] out = new long[2];
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return out;
        }
        long tick = 10_000_000L; // USER_HZ 100
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) dirs::iterator) {
                try {
                    String comm = java.nio.file.Files.readString(task.resolve("comm")).strip();
                    int which = comm.startsWith("C1 Compiler") ? 0 : comm.startsWith("C2 Compiler") ? 1 : -1;
                    if (which >= 0) {
                        String stat = java.nio.file.Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        out[which] += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick; // utime, stime
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /** Collections so far, all collectors. */
    private static long collections() {
        long n = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += gc.getCollectionCount();
        }
        return n;
    }

    /** Bytes allocated so far by every live thread, by id. */
    private static java.util.Map<Long, Long> threadAllocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        java.util.Map<Long, Long> bytes = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long b = threads.getThreadAllocatedBytes(id);
            if (b >= 0) {
                bytes.put(id, b);
            }
        }
        return bytes;
    }

    /** CPU time so far of every live thread, by id. */
    private static java.util.Map<Long, Long> threadCpu() {
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
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
