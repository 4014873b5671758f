package org.tokenlens.app.chips;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.SkinBase;
import javafx.scene.text.Text;

/**
 * Lays out a {@link TokenChip}: the label as a row of text runs (whitespace glyphs muted, hex monospace), the ids
 * below, both centred. The runs are the chip's only children — no row or box regions — because a chip whose
 * colour or mark changes is restyled with its whole subtree, and a keystroke may recolour every chip after it:
 * three regions fewer per chip is most of that CSS work. A label never wraps. Text nodes are reused between
 * contents, since a keystroke refills hundreds of chips and new nodes cost full CSS passes.
 */
final class TokenChipSkin extends SkinBase<TokenChip> {

    /**
     * A label run's kind as a pseudo-class on one style class: a reused text node that changes kind is then
     * updated, not restyled from scratch as a style-class change would have it.
     */
    private static final PseudoClass[] LABEL_KINDS = {null, PseudoClass.getPseudoClass("whitespace"),
            PseudoClass.getPseudoClass("bytes")};
    private static final String[] ITEM_CLASSES = {"chip-id", "chip-badge"};
    /** Gap between the label and the ids, and between two ids. */
    private static final double ROW_GAP = 1;
    private static final double ITEM_GAP = 8;

    private final List<Text> labels = new ArrayList<>();
    private final List<Text> items = new ArrayList<>();

    TokenChipSkin(TokenChip chip) {
        super(chip);
        registerChangeListener(chip.contentProperty(), obs -> update());
        update();
    }

    private void update() {
        ChipContent content = getSkinnable().getContent();
        List<ChipLabel.Segment> segments = content == null ? List.of() : content.segments();
        List<ChipContent.Item> ids = content == null ? List.of() : content.items();
        int needed = 0;
        for (ChipContent.Item item : ids) {
            needed += item.badge() == null ? 1 : 2;
        }
        boolean changed = resize(labels, segments.size(), "chip-run") | resize(items, needed, null);
        if (changed) {
            List<Text> all = new ArrayList<>(labels.size() + items.size());
            all.addAll(labels);
            all.addAll(items);
            getChildren().setAll(all);
        }
        for (int k = 0; k < segments.size(); k++) {
            ChipLabel.Segment s = segments.get(k);
            Text t = labels.get(k);
            t.setText(s.text());
            for (int kind = 1; kind < LABEL_KINDS.length; kind++) {
                t.pseudoClassStateChanged(LABEL_KINDS[kind], kind == s.kind().ordinal());
            }
        }
        int k = 0;
        for (ChipContent.Item item : ids) {
            Text id = items.get(k++);
            id.setText(Integer.toString(item.id()));
            setOnlyClass(id, "chip-id", ITEM_CLASSES);
            if (item.badge() != null) {
                Text badge = items.get(k++);
                badge.setText("‹" + item.badge() + "›");
                setOnlyClass(badge, "chip-badge", ITEM_CLASSES);
            }
        }
    }

    /** Grows or shrinks a pool of text nodes of style class {@code styleClass}; whether children must be replaced. */
    private static boolean resize(List<Text> pool, int size, String styleClass) {
        if (pool.size() == size) {
            return false;
        }
        while (pool.size() > size) {
            pool.remove(pool.size() - 1);
        }
        while (pool.size() < size) {
            Text t = new Text();
            if (styleClass != null) {
                t.getStyleClass().add(styleClass);
            }
            pool.add(t);
        }
        return true;
    }

    private static void setOnlyClass(Text t, String wanted, String[] family) {
        if (t.getStyleClass().contains(wanted)) {
            return; // unchanged, so no CSS pass
        }
        t.getStyleClass().removeAll(family);
        t.getStyleClass().add(wanted);
    }

    private static double rowWidth(List<Text> row, double gap) {
        double w = 0;
        for (Text t : row) {
            w += t.prefWidth(-1);
        }
        return w + gap * Math.max(0, row.size() - 1);
    }

    /** Height of a baseline-aligned row: the tallest ascent plus the deepest descent. */
    private static double rowHeight(List<Text> row) {
        return rowAscent(row) + rowDescent(row);
    }

    private static double rowAscent(List<Text> row) {
        double a = 0;
        for (Text t : row) {
            a = Math.max(a, t.getBaselineOffset());
        }
        return a;
    }

    private static double rowDescent(List<Text> row) {
        double d = 0;
        for (Text t : row) {
            d = Math.max(d, t.prefHeight(-1) - t.getBaselineOffset());
        }
        return d;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + Math.max(rowWidth(labels, 0), rowWidth(items, ITEM_GAP)) + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double gap = labels.isEmpty() || items.isEmpty() ? 0 : ROW_GAP;
        return top + rowHeight(labels) + gap + rowHeight(items) + bottom;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return computePrefWidth(height, top, right, bottom, left);
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double labelsHeight = rowHeight(labels);
        double gap = labels.isEmpty() || items.isEmpty() ? 0 : ROW_GAP;
        double used = labelsHeight + gap + rowHeight(items);
        double top = y + Math.max(0, (h - used) / 2);
        layoutRow(labels, 0, x, w, top);
        layoutRow(items, ITEM_GAP, x, w, top + labelsHeight + gap);
    }

    /** Places a row centred in {@code [x, x + w)}, every run on one baseline. */
    private void layoutRow(List<Text> row, double gap, double x, double w, double top) {
        double baseline = top + rowAscent(row);
        double left = x + Math.max(0, (w - rowWidth(row, gap)) / 2);
        for (Text t : row) {
            double tw = t.prefWidth(-1);
            t.resizeRelocate(snapPositionX(left), baseline - t.getBaselineOffset(), tw, t.prefHeight(-1));
            left += tw + gap;
        }
    }
}
