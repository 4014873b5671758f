package org.tokenlens.app;

import java.util.ArrayList;
import java.util.List;
import org.fxmisc.richtext.model.PlainTextChange;

/** The editor's text after a chunked paste's edits, built once when the paste ends (see {@link TokenEditor}). */
final class ChunkedEdits {

    private ChunkedEdits() {
    }

    /**
     * {@code text} with {@code changes} applied in order. A chunked paste's changes follow each other (the first
     * replaces a range, each next one inserts where the last one's text ended): then the result is joined from the
     * pieces in one allocation of its final size; other changes are applied one by one.
     */
    static String applied(String text, List<PlainTextChange> changes) {
        PlainTextChange first = changes.get(0);
        List<String> parts = new ArrayList<>(changes.size() + 2);
        parts.add(text.substring(0, first.getPosition()));
        int at = first.getPosition();
        for (PlainTextChange change : changes) {
            if (change.getPosition() != at || (change != first && change.getRemovalEnd() != at)) {
                StringBuilder sb = new StringBuilder(text);
                changes.forEach(c -> sb.replace(c.getPosition(), c.getRemovalEnd(), c.getInserted()));
                return sb.toString();
            }
            parts.add(change.getInserted());
            at += change.getInserted().length();
        }
        parts.add(text.substring(first.getRemovalEnd()));
        return String.join("", parts);
    }
}
