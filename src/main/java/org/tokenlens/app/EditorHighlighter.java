package org.tokenlens.app;

import java.util.Collection;
import java.util.List;
import javafx.scene.control.IndexRange;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * Highlights one UTF-16 span of the editor as a style-class span ({@value #STYLE_CLASS}) on its text
 * (docs/decisions/0004). Only the paragraphs the span touches are restyled, and only the visible ones have nodes,
 * so hovering chips costs the same on a sentence and on 5 MB. The span applied last is tracked through edits
 * (RichTextFX moves styles with the text), so clearing it never leaves a stale highlight behind.
 */
final class EditorHighlighter {

    static final String STYLE_CLASS = "editor-highlight";
    private static final Collection<String> HIGHLIGHT = List.of(STYLE_CLASS);
    private static final Collection<String> PLAIN = List.of();

    private final StyleClassedTextArea editor;
    /** The span asked for, or null. */
    private IndexRange span;
    /** Where the highlight is in the document now (moved along by edits), or null when none is drawn. */
    private int appliedStart = -1;
    private int appliedEnd = -1;
    /** An edit fell inside the applied range, so part of it may be unstyled: restyle even if the span is equal. */
    private boolean touched;

    EditorHighlighter(StyleClassedTextArea editor) {
        this.editor = editor;
        editor.setUseInitialStyleForInsertion(true); // typing next to a highlight does not extend it
        editor.plainTextChanges().subscribe(this::track);
    }

    /** The span to highlight, or null for none. Offsets past the text are clamped. */
    void setSpan(IndexRange value) {
        span = value;
        int length = editor.getLength();
        int start = value == null ? -1 : Math.min(value.getStart(), length);
        int end = value == null ? -1 : Math.min(value.getEnd(), length);
        if (start == appliedStart && end == appliedEnd && !touched) {
            return;
        }
        clear();
        if (start >= 0 && start < end) {
            editor.setStyle(start, end, HIGHLIGHT);
            appliedStart = start;
            appliedEnd = end;
        }
    }

    IndexRange span() {
        return span;
    }

    /** The range of the document that carries the highlight now, or null; for tests. */
    IndexRange appliedRange() {
        return appliedStart < 0 ? null : new IndexRange(appliedStart, appliedEnd);
    }

    private void clear() {
        if (appliedStart >= 0) {
            int length = editor.getLength();
            int start = Math.min(appliedStart, length);
            int end = Math.min(appliedEnd, length);
            if (start < end) {
                editor.setStyle(start, end, PLAIN);
            }
            appliedStart = -1;
            appliedEnd = -1;
        }
        touched = false;
    }

    /** Moves the applied range with an edit; an edit inside it widens it to cover whatever it touched. */
    private void track(PlainTextChange change) {
        if (appliedStart < 0) {
            return;
        }
        int at = change.getPosition();
        int removedEnd = change.getRemovalEnd();
        int net = change.getNetLength();
        if (at >= appliedEnd) {
            return;
        }
        if (removedEnd <= appliedStart) {
            appliedStart += net;
            appliedEnd += net;
        } else {
            appliedStart = Math.min(appliedStart, at);
            appliedEnd = Math.max(appliedEnd + net, change.getInsertionEnd());
            touched = true;
        }
    }
}
