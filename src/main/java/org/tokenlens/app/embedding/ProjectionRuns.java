package org.tokenlens.app.embedding;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.app.task.TaskRunner.TaskHandle;
import org.tokenlens.engine.project.Projection;

/**
 * Projection runs and the t-SNE animation: one run at a time through the {@link TaskRunner} (a new one replaces
 * the old, stale callbacks and frames are dropped by run number), pause / step / resume through a
 * {@link TsneControl}, and frames handed from the worker through an atomic slot that the view polls. Owns the
 * run state (state, progress, iteration, KL, busy) and the points with their colours.
 */
final class ProjectionRuns {
    private final TaskRunner runner;
    private final Supplier<EmbeddingSpace> loaded;
    private final Supplier<ColourBy> colourBy;
    private final BooleanSupplier tsneChosen;
    private final ReadOnlyObjectWrapper<MapPoints> points;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyStringWrapper error;
    private final Runnable pointsChanged;

    final ReadOnlyObjectWrapper<TsneState> state;
    final ReadOnlyDoubleWrapper progress;
    final ReadOnlyIntegerWrapper iteration;
    final ReadOnlyDoubleWrapper kl;
    final ReadOnlyBooleanWrapper busy;

    private final AtomicReference<TaggedFrame> latestFrame = new AtomicReference<>();
    private MapPoints basePoints;
    private int[] baseIds;
    private long latestRun;
    private TaskHandle pendingRun;
    private TsneControl control = new TsneControl();
    private int runIterations;
    private String runSubset = "";

    private record TaggedFrame(long run, ProjectionJob.Frame frame) {
    }

    /**
     * @param loaded the space if already loaded, else null
     * @param tsneChosen whether the form's method is t-SNE (pause applies only then)
     * @param pointsChanged called on the FX thread after a run's result is on the map
     */
    ProjectionRuns(Object bean, TaskRunner runner, Supplier<EmbeddingSpace> loaded, Supplier<ColourBy> colourBy,
                   BooleanSupplier tsneChosen, ReadOnlyObjectWrapper<MapPoints> points, ReadOnlyStringWrapper status,
                   ReadOnlyStringWrapper error, Runnable pointsChanged) {
        this.runner = runner;
        this.loaded = loaded;
        this.colourBy = colourBy;
        this.tsneChosen = tsneChosen;
        this.points = points;
        this.status = status;
        this.error = error;
        this.pointsChanged = pointsChanged;
        state = new ReadOnlyObjectWrapper<>(bean, "state", TsneState.IDLE);
        progress = new ReadOnlyDoubleWrapper(bean, "progress", 0);
        iteration = new ReadOnlyIntegerWrapper(bean, "iteration", 0);
        kl = new ReadOnlyDoubleWrapper(bean, "kl", Double.NaN);
        busy = new ReadOnlyBooleanWrapper(bean, "busy");
    }

    /**
     * Starts a run (call {@link #stop()} first): {@code work} runs on the worker with a control and a frame sink
     * and returns the projection.
     */
    void start(ProjectionParams p, String message, String subsetText, Work work) {
        long run = ++latestRun;
        runSubset = subsetText;
        TsneControl c = new TsneControl();
        control = c;
        runIterations = p.iterations();
        error.set(null);
        busy.set(true);
        state.set(TsneState.RUNNING);
        progress.set(-1);
        iteration.set(0);
        kl.set(Double.NaN);
        status.set(message + (loaded.get() == null ? " (loading " + "the model first)…" : "…"));
        pendingRun = runner.run(() -> work.run(c, f -> latestFrame.set(new TaggedFrame(run, f))),
                r -> finished(run, r), e -> failed(run, e));
    }

    /** Busy without a run yet (waiting for input); {@link #start} or {@link #cancel} follows. */
    void hold(String message) {
        stop();
        latestRun++;
        error.set(null);
        busy.set(true);
        progress.set(-1);
        status.set(message + "…");
    }

    /** Ends a {@link #hold} that will not become a run (the form's values were refused). */
    void release() {
        if (busy.get() && pendingRun == null) {
            progress.set(0);
            status.set("");
            idle();
        }
    }

    /** The worker half of a run. */
    interface Work {
        Projection run(TsneControl control, java.util.function.Consumer<ProjectionJob.Frame> frames)
                throws Exception;
    }

    private void finished(long run, Projection r) {
        if (run != latestRun) {
            return;
        }
        latestFrame.set(null); // the worker is done: no frame can be newer than the result
        pendingRun = null;
        state.set(TsneState.DONE);
        progress.set(1);
        if (!Double.isNaN(r.klDivergence())) {
            kl.set(r.klDivergence());
            iteration.set(runIterations);
        }
        setPoints(r.ids(), r.x(), r.y());
        StringBuilder s = new StringBuilder().append(MethodNames.of(r.method())).append(" of ");
        if (r.dropped().length > 0) {
            s.append(String.format(Locale.ROOT, "%,d of ", r.size()));
        }
        s.append(String.format(Locale.ROOT, "%,d points (%s)", r.size() + r.dropped().length, runSubset));
        if (r.explainedVariance().length >= 2) {
            s.append(String.format(Locale.ROOT, " — PC1 %.1f%%, PC2 %.1f%% of the variance",
                    100 * r.explainedVariance()[0], 100 * r.explainedVariance()[1]));
        }
        if (!Double.isNaN(r.klDivergence())) {
            s.append(String.format(Locale.ROOT, " — KL %.3f", r.klDivergence()));
        }
        if (r.dropped().length > 0 && r.method() == Projection.Method.UMAP) {
            // the engine's note repeats the counts said above: in presentation type the status took five lines
            s.append(" — UMAP (Smile) keeps only what it counts as the largest connected part of its ")
                    .append(r.parameters().getOrDefault("k", "k")).append("-NN graph");
        } else if (!r.note().isEmpty()) {
            s.append(" — ").append(r.note());
        }
        status.set(s.toString());
        pointsChanged.run();
        idle();
    }

    /**
     * Busy turns false last: whoever waits for idle (the --screenshot, a test) reacts inside this call, so the
     * points, status and state must already be final — they were not, and the screenshot showed an empty map
     * still "Projecting…".
     */
    private void idle() {
        busy.set(false);
    }

    private void failed(long run, Throwable e) {
        if (run != latestRun) {
            return;
        }
        pendingRun = null;
        progress.set(0);
        if (e instanceof CancellationException) {
            state.set(TsneState.CANCELLED);
            status.set("Cancelled");
        } else {
            state.set(TsneState.FAILED);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            status.set("");
        }
        idle();
    }

    void cancel() {
        if (!busy.get()) {
            return;
        }
        stop();
        latestRun++; // stale frames and callbacks are ignored from here on
        progress.set(0);
        state.set(TsneState.CANCELLED);
        status.set("Cancelled");
        idle();
    }

    /** Stops the running computation, if any, without touching the run state. */
    void stop() {
        control.cancel();
        if (pendingRun != null) {
            pendingRun.cancel();
            pendingRun = null;
        }
    }

    void pause() {
        if (state.get() == TsneState.RUNNING && tsneChosen.getAsBoolean()) {
            control.pause();
            state.set(TsneState.PAUSED);
        }
    }

    void resume() {
        if (state.get() == TsneState.PAUSED) {
            control.resume();
            state.set(TsneState.RUNNING);
        }
    }

    void togglePause() {
        if (state.get() == TsneState.PAUSED) {
            resume();
        } else {
            pause();
        }
    }

    void step() {
        if (state.get() == TsneState.PAUSED) {
            control.step();
        }
    }

    boolean pollFrame() {
        TaggedFrame t = latestFrame.getAndSet(null);
        if (t == null || t.run() != latestRun) {
            return false;
        }
        ProjectionJob.Frame f = t.frame();
        if (basePoints == null || baseIds != f.ids()) {
            basePoints = build(f.ids(), f.x(), f.y());
            baseIds = f.ids();
            points.set(basePoints);
        } else {
            points.set(basePoints.withCoordinates(f.x(), f.y()));
        }
        iteration.set(f.iteration());
        kl.set(f.kl());
        progress.set(runIterations == 0 ? -1 : f.iteration() / (double) runIterations);
        return true;
    }

    private void setPoints(int[] ids, float[] x, float[] y) {
        basePoints = build(ids, x, y);
        baseIds = ids;
        points.set(basePoints);
    }

    private MapPoints build(int[] ids, float[] x, float[] y) {
        EmbeddingSpace s = loaded.get();
        ColourBy.Categories c = colourBy.get().categorise(ids, s.metadata(), s::piece);
        return MapPoints.of(ids, x, y, c.categories(), c.names(), s::piece);
    }

    /** The colouring changed: the shown points keep their places and get new categories. */
    void recolour() {
        MapPoints p = points.get();
        if (loaded.get() == null || p.size() == 0) {
            return;
        }
        int[] ids = new int[p.size()];
        float[] x = new float[p.size()];
        float[] y = new float[p.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = p.id(i);
            x[i] = p.x(i);
            y[i] = p.y(i);
        }
        basePoints = build(ids, x, y);
        baseIds = null; // a running t-SNE's next frame rebuilds from its own ids with the new colours
        points.set(basePoints);
    }
}
