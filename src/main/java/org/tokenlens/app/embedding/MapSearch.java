package org.tokenlens.app.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.tokenlens.app.map.IdSet;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.app.task.TaskRunner;
import org.tokenlens.engine.embed.ops.TokenMetadata;

/**
 * The map's text side: a regex search over the shown points' pieces (off the FX thread, newest query wins), and
 * the hover line with the token's metadata.
 */
final class MapSearch {
    private final TaskRunner runner;
    private final Supplier<EmbeddingSpace> space;
    private final ObservableValue<MapPoints> points;
    private final ReadOnlyStringWrapper error;
    final ReadOnlyObjectWrapper<IdSet> highlighted;
    final ReadOnlyStringWrapper hoverText;
    private long latestSearch;

    /** @param space the loaded space, or null before the model is loaded */
    MapSearch(Object bean, TaskRunner runner, Supplier<EmbeddingSpace> space, ObservableValue<MapPoints> points,
              ReadOnlyStringWrapper error) {
        this.runner = runner;
        this.space = space;
        this.points = points;
        this.error = error;
        this.highlighted = new ReadOnlyObjectWrapper<>(bean, "highlighted", IdSet.empty());
        this.hoverText = new ReadOnlyStringWrapper(bean, "hoverText", "");
    }

    void hover(int id) {
        EmbeddingSpace s = space.get();
        hoverText.set(id < 0 || s == null ? "" : s.piece(id) + "   #" + id + "   " + describe(id));
    }

    /** One line of metadata for an id: flags, script, length. */
    String describe(int id) {
        EmbeddingSpace s = space.get();
        if (s == null || id < 0 || id >= s.metadata().size()) {
            return "";
        }
        TokenMetadata m = s.metadata();
        List<String> parts = new ArrayList<>();
        if (m.isSpecial(id)) {
            parts.add("special");
        }
        if (m.isByte(id)) {
            parts.add("byte");
        }
        if (m.hasLeadingSpace(id)) {
            parts.add("leading space");
        }
        if (m.isContinuation(id)) {
            parts.add("continuation");
        }
        if (m.script(id) != null) {
            parts.add(ColourBy.scriptName(m.script(id)));
        }
        parts.add(m.length(id) + (m.length(id) == 1 ? " char" : " chars"));
        return String.join(" · ", parts);
    }

    /** Highlights the points whose piece matches {@code q}; an empty query clears, a bad one is an error. */
    void run(String q) {
        long request = ++latestSearch;
        if (q == null || q.isEmpty()) {
            highlighted.set(IdSet.empty());
            return;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(q);
        } catch (PatternSyntaxException e) {
            error.set("search: " + e.getDescription() + " in " + q);
            return;
        }
        MapPoints p = points.getValue();
        EmbeddingSpace s = space.get();
        if (s == null) {
            return;
        }
        error.set(null);
        runner.run(() -> {
            int[] out = new int[p.size()];
            int count = 0;
            for (int i = 0; i < p.size(); i++) {
                if (pattern.matcher(s.piece(p.id(i))).find()) {
                    out[count++] = p.id(i);
                }
            }
            return IdSet.of(Arrays.copyOf(out, count));
        }, ids -> {
            if (request == latestSearch) {
                highlighted.set(ids);
            }
        }, e -> error.set(e.getMessage()));
    }
}
