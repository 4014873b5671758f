package org.tokenlens.app.chips;

import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * Lays out a {@link TokenChip}: the label as a row of text runs (whitespace glyphs styled muted), the id below.
 * A row, not a TextFlow: a chip's label must never wrap, and a TextFlow wraps at sub-pixel rounding.
 */
final class TokenChipSkin extends SkinBase<TokenChip> {

    private final HBox labelRow = new HBox();
    private final Text idText = new Text();

    TokenChipSkin(TokenChip chip) {
        super(chip);
        labelRow.getStyleClass().add("chip-label");
        labelRow.setAlignment(javafx.geometry.Pos.BASELINE_CENTER);
        idText.getStyleClass().add("chip-id");
        VBox box = new VBox(labelRow, idText);
        box.getStyleClass().add("chip-box");
        getChildren().add(box);
        registerChangeListener(chip.labelProperty(), obs -> updateLabel());
        registerChangeListener(chip.partialBytesProperty(), obs -> updateLabel());
        registerChangeListener(chip.tokenIdProperty(), obs -> updateId());
        updateLabel();
        updateId();
    }

    private void updateLabel() {
        labelRow.getChildren().clear();
        if (getSkinnable().partialBytesProperty().get()) {
            // hex of a partial character: its spaces separate bytes, they are not text to make visible
            Text t = new Text(getSkinnable().getLabel());
            t.getStyleClass().add("chip-text");
            labelRow.getChildren().add(t);
            return;
        }
        for (ChipLabel.Segment segment : ChipLabel.segments(getSkinnable().getLabel())) {
            Text t = new Text(segment.text());
            t.getStyleClass().add(segment.whitespace() ? "whitespace-glyph" : "chip-text");
            labelRow.getChildren().add(t);
        }
    }

    private void updateId() {
        int id = getSkinnable().getTokenId();
        idText.setText(id < 0 ? "" : Integer.toString(id));
    }
}
