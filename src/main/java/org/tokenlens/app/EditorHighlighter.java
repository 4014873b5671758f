package org.tokenlens.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexRange;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Pane;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * Highlights a UTF-16 span of a {@link TextArea} with a translucent shape drawn on an overlay above it
 * (docs/decisions/0004). TextArea cannot style ranges, but its skin draws one {@link Text} node per paragraph,
 * and {@link Text#rangeShape} gives the exact outline of a range in it; the outline is mapped into the overlay
 * after every layout pass in which something moved (text, scroll, size, span).
 */
final class EditorHighlighter extends Pane {

    private final TextArea editor;
    private final Path path = new Path();
    private final Rectangle clip = new Rectangle();
    private IndexRange span;
    private boolean dirty = true;
    private final Runnable afterLayout = this::updateIfDirty;

    EditorHighlighter(TextArea editor) {
        this.editor = editor;
        setMouseTransparent(true);
        setPickOnBounds(false);
        path.getStyleClass().add("editor-highlight");
        path.setManaged(false);
        getChildren().add(path);
        setClip(clip);
        editor.textProperty().addListener(obs -> markDirty());
        editor.scrollTopProperty().addListener(obs -> markDirty());
        editor.scrollLeftProperty().addListener(obs -> markDirty());
        editor.widthProperty().addListener(obs -> markDirty());
        editor.heightProperty().addListener(obs -> markDirty());
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /** The span to highlight, or null for none. */
    void setSpan(IndexRange value) {
        span = value;
        markDirty();
    }

    IndexRange span() {
        return span;
    }

    /** The outline drawn now (overlay coordinates), for tests. */
    Bounds highlightBounds() {
        return path.getElements().isEmpty() ? null : path.getBoundsInParent();
    }

    private void markDirty() {
        dirty = true;
        Scene scene = getScene();
        if (scene != null) {
            requestLayout(); // makes sure a pulse with a layout pass follows
        }
    }

    private void updateIfDirty() {
        if (!dirty) {
            return;
        }
        dirty = false;
        Bounds view = sceneToLocal(editor.localToScene(editor.getLayoutBounds()));
        clip.setX(view.getMinX());
        clip.setY(view.getMinY());
        clip.setWidth(view.getWidth());
        clip.setHeight(view.getHeight());
        List<PathElement> elements = new ArrayList<>();
        if (span != null && span.getLength() > 0) {
            int paragraphStart = 0;
            for (Text paragraph : paragraphs()) {
                int length = paragraph.getText() == null ? 0 : paragraph.getText().length();
                int paragraphEnd = paragraphStart + length;
                int from = Math.max(span.getStart(), paragraphStart);
                int to = Math.min(span.getEnd(), paragraphEnd);
                if (from < to) {
                    addMapped(paragraph, paragraph.rangeShape(from - paragraphStart, to - paragraphStart), elements);
                } else if (span.getStart() <= paragraphEnd && span.getEnd() > paragraphEnd) {
                    addNewlineMark(paragraph, paragraphEnd - paragraphStart, elements); // the span holds this line break
                }
                paragraphStart = paragraphEnd + 1; // the line break between paragraphs
                if (paragraphStart > span.getEnd()) {
                    break;
                }
            }
        }
        path.getElements().setAll(elements);
    }

    /** The skin's paragraph Text nodes in order: the Text children of the group that holds most of them. */
    private List<Text> paragraphs() {
        Parent best = null;
        int bestCount = 0;
        for (Node n : editor.lookupAll("Text")) {
            if (n instanceof Text && n.getParent() != null && n.getParent() != best) {
                int count = (int) n.getParent().getChildrenUnmodifiable().stream().filter(c -> c instanceof Text)
                        .count();
                if (count > bestCount) {
                    best = n.getParent();
                    bestCount = count;
                }
            }
        }
        List<Text> out = new ArrayList<>();
        if (best != null) {
            best.getChildrenUnmodifiable().forEach(c -> {
                if (c instanceof Text t) {
                    out.add(t);
                }
            });
        }
        return out;
    }

    private void addMapped(Text text, PathElement[] shape, List<PathElement> out) {
        for (PathElement e : shape) {
            if (e instanceof MoveTo m) {
                Point2D p = map(text, m.getX(), m.getY());
                out.add(new MoveTo(p.getX(), p.getY()));
            } else if (e instanceof LineTo l) {
                Point2D p = map(text, l.getX(), l.getY());
                out.add(new LineTo(p.getX(), p.getY()));
            } else if (e instanceof ClosePath) {
                out.add(new ClosePath());
            }
        }
    }

    /** A line break has no glyph: mark it with a box half a character wide at the end of its line. */
    private void addNewlineMark(Text text, int offset, List<PathElement> out) {
        PathElement[] caret = text.caretShape(offset, true);
        double x = Double.NaN;
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (PathElement e : caret) {
            if (e instanceof MoveTo m) {
                x = m.getX();
                top = Math.min(top, m.getY());
                bottom = Math.max(bottom, m.getY());
            } else if (e instanceof LineTo l) {
                top = Math.min(top, l.getY());
                bottom = Math.max(bottom, l.getY());
            }
        }
        if (Double.isNaN(x)) {
            return;
        }
        double w = Math.max(6, text.getFont().getSize() * 0.5);
        Point2D a = map(text, x, top);
        Point2D b = map(text, x + w, bottom);
        out.add(new MoveTo(a.getX(), a.getY()));
        out.add(new LineTo(b.getX(), a.getY()));
        out.add(new LineTo(b.getX(), b.getY()));
        out.add(new LineTo(a.getX(), b.getY()));
        out.add(new ClosePath());
    }

    private Point2D map(Text text, double x, double y) {
        return sceneToLocal(text.localToScene(x, y));
    }
}
