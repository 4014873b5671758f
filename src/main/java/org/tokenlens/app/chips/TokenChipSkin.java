package org.tokenlens.app.chips;

import java.util.List;
import javafx.geometry.Pos;
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
        labelRow.setAlignment(Pos.BASELINE_CENTER);
        idText.getStyleClass().add("chip-id");
        VBox box = new VBox(labelRow, idText);
        box.getStyleClass().add("chip-box");
        getChildren().add(box);
        registerChangeListener(chip.pieceProperty(), obs -> updateLabel());
        registerChangeListener(chip.tokenBytesProperty(), obs -> updateLabel());
        registerChangeListener(chip.specialProperty(), obs -> updateLabel());
        registerChangeListener(chip.tokenIdProperty(), obs -> updateId());
        updateLabel();
        updateId();
    }

    private void updateLabel() {
        TokenChip chip = getSkinnable();
        byte[] bytes = chip.getTokenBytes();
        // a special token stands for its piece; an empty byte string would leave an empty chip
        List<ChipLabel.Segment> segments = chip.isSpecial() || bytes == null || bytes.length == 0
                ? ChipLabel.ofText(chip.getPiece()) : ChipLabel.ofBytes(bytes);
        labelRow.getChildren().clear();
        for (ChipLabel.Segment segment : segments) {
            Text t = new Text(segment.text());
            t.getStyleClass().add(switch (segment.kind()) {
                case TEXT -> "chip-text";
                case WHITESPACE -> "whitespace-glyph";
                case BYTES -> "chip-bytes";
            });
            labelRow.getChildren().add(t);
        }
    }

    private void updateId() {
        int id = getSkinnable().getTokenId();
        idText.setText(id < 0 ? "" : Integer.toString(id));
    }
}
