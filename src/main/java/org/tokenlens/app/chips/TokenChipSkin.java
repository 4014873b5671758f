package org.tokenlens.app.chips;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * Lays out a {@link TokenChip}: the label as a row of text runs (whitespace glyphs muted, hex monospace), the ids
 * below. Rows, not TextFlows: a chip's label must never wrap. Text nodes are reused between contents, since a
 * keystroke refills hundreds of chips and new nodes cost CSS passes.
 */
final class TokenChipSkin extends SkinBase<TokenChip> {

    private static final String[] LABEL_CLASSES = {"chip-text", "whitespace-glyph", "chip-bytes"};

    private final HBox labelRow = new HBox();
    private final HBox itemRow = new HBox();

    TokenChipSkin(TokenChip chip) {
        super(chip);
        labelRow.getStyleClass().add("chip-label");
        labelRow.setAlignment(Pos.BASELINE_CENTER);
        itemRow.getStyleClass().add("chip-items");
        itemRow.setAlignment(Pos.BASELINE_CENTER);
        itemRow.setSpacing(8);
        VBox box = new VBox(labelRow, itemRow);
        box.getStyleClass().add("chip-box");
        getChildren().add(box);
        registerChangeListener(chip.contentProperty(), obs -> update());
        update();
    }

    private void update() {
        ChipContent content = getSkinnable().getContent();
        List<ChipLabel.Segment> segments = content == null ? List.of() : content.segments();
        ObservableList<Node> labels = labelRow.getChildren();
        resize(labels, segments.size());
        for (int k = 0; k < segments.size(); k++) {
            ChipLabel.Segment s = segments.get(k);
            Text t = (Text) labels.get(k);
            t.setText(s.text());
            setOnlyClass(t, LABEL_CLASSES[s.kind().ordinal()], LABEL_CLASSES);
        }
        List<ChipContent.Item> items = content == null ? List.of() : content.items();
        ObservableList<Node> row = itemRow.getChildren();
        int needed = 0;
        for (ChipContent.Item item : items) {
            needed += item.badge() == null ? 1 : 2;
        }
        resize(row, needed);
        int k = 0;
        for (ChipContent.Item item : items) {
            Text id = (Text) row.get(k++);
            id.setText(Integer.toString(item.id()));
            setOnlyClass(id, "chip-id", ITEM_CLASSES);
            if (item.badge() != null) {
                Text badge = (Text) row.get(k++);
                badge.setText("‹" + item.badge() + "›");
                setOnlyClass(badge, "chip-badge", ITEM_CLASSES);
            }
        }
    }

    private static final String[] ITEM_CLASSES = {"chip-id", "chip-badge"};

    private static void resize(ObservableList<Node> nodes, int size) {
        if (nodes.size() > size) {
            nodes.remove(size, nodes.size());
        }
        while (nodes.size() < size) {
            nodes.add(new Text());
        }
    }

    private static void setOnlyClass(Text t, String wanted, String[] family) {
        if (t.getStyleClass().contains(wanted)) {
            return; // unchanged, so no CSS pass
        }
        t.getStyleClass().removeAll(family);
        t.getStyleClass().add(wanted);
    }
}
