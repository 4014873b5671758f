package org.tokenlens.app.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.tokenlens.app.map.MapExport;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.task.TaskRunner;

/** Writes the map's data off the FX thread (paths chosen by the view): coordinates CSV, Projector TSV pair. */
final class EmbeddingExports {
    private final TaskRunner runner;
    private final Supplier<EmbeddingSpace> space;
    private final ObservableValue<MapPoints> points;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyStringWrapper error;

    EmbeddingExports(TaskRunner runner, Supplier<EmbeddingSpace> space, ObservableValue<MapPoints> points,
                     ReadOnlyStringWrapper status, ReadOnlyStringWrapper error) {
        this.runner = runner;
        this.space = space;
        this.points = points;
        this.status = status;
        this.error = error;
    }

    void coordinates(Path file) {
        MapPoints p = points.getValue();
        export(() -> MapExport.writeCsv(p, file), "Wrote " + p.size() + " coordinates to " + file);
    }

    void projector(Path folder) {
        MapPoints p = points.getValue();
        EmbeddingSpace s = space.get();
        if (s == null) {
            error.set("nothing projected yet");
            return;
        }
        export(() -> ProjectorExport.write(folder, p, s.matrix()), "Wrote " + p.size() + " vectors to "
                + folder.resolve(ProjectorExport.VECTORS) + " and " + ProjectorExport.METADATA);
    }

    private interface Write {
        void run() throws IOException;
    }

    private void export(Write write, String done) {
        runner.run(() -> {
            write.run();
            return done;
        }, status::set, e -> error.set("export failed: " + e.getMessage()));
    }
}
