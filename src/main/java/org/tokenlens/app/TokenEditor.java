package org.tokenlens.app;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The editor: a RichTextFX text area that puts a large replacement (a paste, or new text from outside, over
 * {@value #CHUNKED_ABOVE} chars) in by chunks of {@value #CHUNK} chars, one chunk per pulse, so a 5 MB paste does
 * not stall the FX thread for its whole insert (RichTextFX builds paragraphs and styles for all of it). The
 * editor is read-only meanwhile, {@link #insertProgressProperty()} runs from 0 to 1, and {@code onDone} hears the
 * final text once, at the end: the lanes re-tokenize once, not per chunk. The pulse after the last chunk moves the
 * caret to the paste's end and shows it; the end comes {@link #SETTLE_NANOS} later, once that frame is drawn. The
 * chunks are adjacent insertions made within the undo manager's merge delay, so UndoFX merges them and one undo
 * restores the previous text.
 */
public final class TokenEditor extends StyleClassedTextArea {

    static final int CHUNKED_ABOVE = 256 * 1024;
    static final int CHUNK = 96 * 1024;
    /**
     * How long after the pulse that shows the paste's end the text is handed on. That pulse moves the caret to the
     * end and lays out the cells there, and the frame after it repaints the whole window (60–145 ms in the
     * software renderer, KeystrokeBench); a pulse with changes of its own waits for that drawing to end, and the
     * hand-over changes the status bar and the lanes — and starts the lanes' workers, which would take the 2 cores
     * from the drawing.
     */
    static final long SETTLE_NANOS = 150_000_000L;

    private final ReadOnlyDoubleWrapper insertProgress = new ReadOnlyDoubleWrapper(this, "insertProgress", -1);
    private Runnable onChunkedDone = () -> { };
    private ChunkedInsert running;

    /**
     * Called once when a chunked replacement has finished. Not with the text: building a multi-megabyte string
     * from the editor's paragraphs took ~40 ms of the last chunk's pulse; the listener has followed the edits.
     */
    void setOnChunkedDone(Runnable onDone) {
        onChunkedDone = onDone;
    }

    /** Every plain-text edit comes through here: typing, paste (replaceSelection), insertText, replaceText(text). */
    @Override
    public void replaceText(int start, int end, String text) {
        if (running == null && text.length() > CHUNKED_ABOVE) {
            running = new ChunkedInsert(start, end, text);
            running.insertChunk();
            running.start();
        } else {
            super.replaceText(start, end, text);
        }
    }

    /** Replace the whole text in one go, never by chunks: the first text, which is not an undoable edit. */
    void replaceAllNow(String text) {
        super.replaceText(0, getLength(), text);
    }

    /** True while a chunked replacement runs; edits from it are not the user's and are not handed on. */
    public boolean isInsertingChunks() {
        return running != null;
    }

    /** Fraction of a chunked replacement inserted so far, or -1 when none runs. */
    public ReadOnlyDoubleProperty insertProgressProperty() {
        return insertProgress.getReadOnlyProperty();
    }

    /** Steps one chunk per pulse (an AnimationTimer runs at the start of each pulse, before CSS and layout). */
    private final class ChunkedInsert extends AnimationTimer {
        private final int at;
        private final int removeEnd;
        private final String text;
        private final boolean wasEditable = isEditable();
        private int done;
        /** Where the next chunk goes: the document's own count (it turns CR LF into one line break). */
        private int insertAt;
        /** When the pulse that showed the paste's end ran (its timestamp), or -1 before it. */
        private long shownAt = -1;

        ChunkedInsert(int at, int removeEnd, String text) {
            this.at = at;
            this.removeEnd = removeEnd;
            this.text = text;
            setEditable(false);
            insertProgress.set(0);
        }

        @Override
        public void handle(long now) {
            if (done < text.length()) {
                insertChunk();
            } else if (shownAt < 0) {
                // the pulse after the last chunk shows the paste's end: its layout builds the cells there alone
                shownAt = now;
                moveTo(insertAt);
                requestFollowCaret();
            } else if (now - shownAt >= SETTLE_NANOS) {
                finish();
            }
        }

        private void insertChunk() {
            int to = Math.min(text.length(), done + CHUNK);
            if (to < text.length() && (Character.isHighSurrogate(text.charAt(to - 1)) || text.charAt(to - 1) == '\r')) {
                to--; // keep a surrogate pair and a CR LF in one chunk
            }
            String chunk = text.substring(done, to);
            int before = getLength();
            if (done == 0) {
                TokenEditor.super.replaceText(at, removeEnd, chunk); // the first chunk also removes the old range
                insertAt = at + getLength() - (before - (removeEnd - at));
            } else {
                TokenEditor.super.replaceText(insertAt, insertAt, chunk);
                insertAt += getLength() - before;
            }
            done = to;
            insertProgress.set((double) done / text.length());
        }

        private void finish() {
            stop();
            running = null;
            setEditable(wasEditable);
            insertProgress.set(-1);
            onChunkedDone.run();
        }
    }
}
