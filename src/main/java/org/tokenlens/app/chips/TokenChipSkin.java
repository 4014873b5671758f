package org.tokenlens.app.chips;

import javafx.scene.control.SkinBase;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Lays out a {@link TokenChip}: the label as a text flow (whitespace glyphs styled muted), the id below. */
final class TokenChipSkin extends SkinBase<TokenChip> {

    private final TextFlow labelFlow = new TextFlow();
    private final Text idText = new Text();

    TokenChipSkin(TokenChip chip) {
        super(chip);
        labelFlow.getStyleClass().add("chip-label");
        idText.getStyleClass().add("chip-id");
        VBox box = new VBox(labelFlow, idText);
        box.getStyleClass().add("chip-box");
        getChildren().add(box);
        registerChangeListener(chip.labelProperty(), obs -> updateLabel());
        registerChangeListener(chip.tokenIdProperty(), obs -> updateId());
        updateLabel();
        updateId();
    }

    private void updateLabel() {
        labelFlow.getChildren().clear();
        for (ChipLabel.Segment segment : ChipLabel.segments(getSkinnable().getLabel())) {
            Text t = new Text(segment.text());
            t.getStyleClass().add(segment.whitespace() ? "whitespace-glyph" : "chip-text");
            labelFlow.getChildren().add(t);
        }
    }

    private void updateId() {
        int id = getSkinnable().getTokenId();
        idText.setText(id < 0 ? "" : Integer.toString(id));
    }
}
