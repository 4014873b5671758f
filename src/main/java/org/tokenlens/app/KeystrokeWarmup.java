package org.tokenlens.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import org.tokenlens.app.chips.ChipData;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.chips.ChipWidths;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * Types into a private copy of the text for a moment after the window opens, so that the JIT has compiled a
 * keystroke's engine work before the user's first keystroke. In the first seconds of typing C2 still compiles that
 * code on the other core (on 2 cores the machine is then saturated) and keystroke → chips p99 sits at the 16 ms
 * target; once compiled it is 5–7 ms (docs/BENCHMARKS.md, session 5).
 * <p>What it runs is what {@link LaneViewModel} runs inline for a keystroke ({@link LaneViewModel#load}: the
 * tokenizer's {@link Tokenizer#encodeEdited}, {@link ChipData#edited}, {@link LaneStats#edited}), per lane
 * {@linkplain LaneViewModel#inlineShown that edits inline}, and then what the lanes' comparison runs,
 * {@link BoundaryDiff#of} and {@link BoundaryDiff#compare} — on a daemon thread, on a
 * {@linkplain #sample sample} of the text encoded afresh, typing a short phrase at a few places in it and deleting
 * it again. Nothing it makes is shown or kept: it reads of the lanes only their tokenizers (immutable and
 * thread-safe) and chip modes, and each lane's chip widths go to a cache of its own. The editor and the chip strips
 * (JavaFX, FX thread only) are not warmed.
 * <p>It starts once every lane shows its first encoding (the window is up by then), and ends after
 * {@link #EDITS} edits or {@link #MILLIS} ms, at the first change of the text (the user types: from then on the
 * keystrokes warm the code themselves, and the warm-up would only compete with them for a core), or at
 * {@link #stop()} (the app closes).
 */
public final class KeystrokeWarmup {

    /** Edits at most (each one re-encodes every warmed lane). */
    static final int EDITS = 4_000;
    /** Wall time at most, from the start of the edits. */
    static final long MILLIS = 3_000;
    /** Typed at each place, one character per edit, then deleted again one per edit (backspace). */
    static final String TYPED = "Hello tokens, 42 é.\n";
    /** Characters of the text at most that the warm-up edits (see {@link #sample}). */
    static final int SAMPLE = 8_192;
    /** Places in the text typed at: this many, spread evenly. */
    private static final int PLACES = 7;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A lane's tokenizer and what its chips show. */
    record Lane(Tokenizer tokenizer, ChipMode mode) {
    }

    private final int maxEdits;
    private final long maxNanos;
    private volatile boolean stopped;
    /** Why {@link #stop} was called, once it was. */
    private volatile String stopReason;
    private volatile Thread thread;
    /** Edits done (each one over every lane). */
    private volatile int edits;
    private volatile long cpuNanos;
    private volatile long wallNanos;
    private volatile String ended = "not started";
    /** Each lane's encoding after the last edit (for tests). */
    private volatile List<Encoding> last = List.of();

    KeystrokeWarmup(int maxEdits, long maxMillis) {
        this.maxEdits = maxEdits;
        this.maxNanos = maxMillis * 1_000_000L;
    }

    /**
     * Starts the warm-up once every lane of {@code viewModel} shows an encoding of its text and none is busy; it
     * ends at the first change of the text. Call on the FX thread, after the window is shown.
     */
    public static KeystrokeWarmup whenLanesReady(TokenizationViewModel viewModel) {
        return whenLanesReady(viewModel, EDITS, MILLIS);
    }

    static KeystrokeWarmup whenLanesReady(TokenizationViewModel viewModel, int maxEdits, long maxMillis) {
        KeystrokeWarmup warmup = new KeystrokeWarmup(maxEdits, maxMillis);
        ChangeListener<Boolean> idle = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean busy) {
                if (!busy && !warmup.stopped) {
                    viewModel.busyProperty().removeListener(this);
                    warmup.start(viewModel);
                }
            }
        };
        InvalidationListener typed = new InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable obs) {
                viewModel.textProperty().removeListener(this);
                viewModel.busyProperty().removeListener(idle);
                warmup.stop("typing");
            }
        };
        viewModel.textProperty().addListener(typed);
        viewModel.busyProperty().addListener(idle);
        idle.changed(viewModel.busyProperty(), true, viewModel.busyProperty().get());
        return warmup;
    }

    /** On the FX thread: the lanes whose keystrokes are re-encoded inline, and a sample of the text. */
    private void start(TokenizationViewModel viewModel) {
        String text = viewModel.textProperty().get();
        List<Lane> lanes = new ArrayList<>();
        for (LaneViewModel lane : viewModel.lanes()) {
            LaneViewModel.Loaded shown = lane.inlineShown();
            if (shown != null) {
                lanes.add(new Lane(shown.tokenizer(), shown.chipData().mode()));
            }
        }
        start(lanes, sample(text == null ? "" : text));
    }

    /**
     * Up to {@link #SAMPLE} characters from the middle of {@code text} (not splitting a surrogate pair): a
     * keystroke's code is the same on any length of text, and on a short one each edit costs less (a 100 KB text's
     * edits are mostly copies of its token arrays), so the warm-up is over sooner and costs less.
     */
    static String sample(String text) {
        if (text.length() <= SAMPLE) {
            return text;
        }
        int from = (text.length() - SAMPLE) / 2;
        int to = from + SAMPLE;
        if (Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (Character.isLowSurrogate(text.charAt(to))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Starts the edits of {@code text} on a daemon thread, through {@code lanes}' tokenizers. */
    void start(List<Lane> lanes, String text) {
        if (lanes.isEmpty()) {
            ended = "no lane to warm";
            return;
        }
        Thread t = new Thread(() -> run(List.copyOf(lanes), text), "keystroke-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        thread = t;
        t.start();
    }

    private void run(List<Lane> lanes, String text) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int n = lanes.size();
        LaneViewModel.Loaded[] shown = new LaneViewModel.Loaded[n];
        ChipWidths.Cache[] widths = new ChipWidths.Cache[n];
        Typing typing = new Typing(text);
        List<BoundaryDiff.Boundaries> boundaries = new ArrayList<>(n);
        String why = "bound";
        ended = "running";
        try {
            for (int k = 0; k < n; k++) { // what the lane would show for this text
                widths[k] = new ChipWidths.Cache();
                shown[k] = LaneViewModel.load(lanes.get(k).tokenizer(), null, text, lanes.get(k).mode(), widths[k],
                        false);
            }
            while (edits < maxEdits) {
                if (stopped) {
                    why = stopReason;
                    break;
                }
                if (System.nanoTime() - t0 > maxNanos) {
                    why = "time";
                    break;
                }
                String edited = typing.next();
                boundaries.clear();
                for (int k = 0; k < n && !stopped; k++) { // a keystroke's work per lane, as the lane does it
                    shown[k] = LaneViewModel.load(shown[k].tokenizer(), shown[k], edited, shown[k].chipData().mode(),
                            widths[k], true);
                    boundaries.add(shown[k].boundaries());
                }
                if (boundaries.size() == n) {
                    BoundaryDiff.compare(boundaries);
                    edits++;
                }
            }
        } catch (RuntimeException e) { // a lane's own keystroke falls back to its worker and reports it there
            why = "failed: " + e;
        }
        List<Encoding> encodings = new ArrayList<>(n);
        for (LaneViewModel.Loaded s : shown) {
            encodings.add(s == null ? null : s.encoding());
        }
        last = encodings;
        wallNanos = System.nanoTime() - t0;
        cpuNanos = THREADS.getCurrentThreadCpuTime() - c0;
        ended = why;
    }

    /**
     * A typist's edits of a text: {@link #TYPED} typed a character at a time at one place, then deleted a
     * character at a time, at {@link #PLACES} places in turn; every edit is one character (as a keystroke), and
     * after each place the text is the original again.
     */
    static final class Typing {
        private final String original;
        private final int[] places;
        private int place;
        /** Characters of {@link #TYPED} in the text now. */
        private int typed;
        private boolean deleting;

        Typing(String original) {
            this.original = original;
            this.places = new int[PLACES];
            for (int p = 0; p < PLACES; p++) {
                int at = (int) ((long) original.length() * (p + 1) / (PLACES + 1));
                if (at > 0 && at < original.length() && Character.isLowSurrogate(original.charAt(at))) {
                    at--; // not inside a surrogate pair
                }
                places[p] = at;
            }
        }

        String next() {
            if (!deleting && typed == TYPED.length()) {
                deleting = true;
            } else if (deleting && typed == 0) {
                deleting = false;
                place = (place + 1) % PLACES;
            }
            typed += deleting ? -1 : 1;
            int at = places[place];
            return original.substring(0, at) + TYPED.substring(0, typed) + original.substring(at);
        }
    }

    /** Ends the edits (the app closes); returns at once. */
    public void stop() {
        stop("stopped");
    }

    private void stop(String why) {
        if (!stopped) {
            stopReason = why;
            stopped = true;
            if (thread == null) {
                ended = why; // before it started: it never will
            }
        }
    }

    /** Waits up to {@code millis} for the edits to end; whether they have (or never started). */
    boolean join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(millis);
            return !t.isAlive();
        }
        return true;
    }

    int edits() {
        return edits;
    }

    List<Encoding> last() {
        return last;
    }

    /**
     * Why it ended: "bound", "time", "typing", "stopped", "failed: …", "no lane to warm"; or "not started",
     * "running".
     */
    String ended() {
        return ended;
    }

    /** "1500 edits of 2 lanes, 1234 ms CPU, 1400 ms wall, ended: bound". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "keystroke warm-up: %d edits, %.0f ms CPU, %.0f ms wall, ended: %s", edits,
                cpuNanos / 1e6, wallNanos / 1e6, ended);
    }
}
