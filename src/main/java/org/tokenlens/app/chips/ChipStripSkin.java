package org.tokenlens.app.chips;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.FlowPane;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * Shows one chip per token in a flow. Chips are kept and refilled rather than rebuilt: a keystroke usually
 * changes a token or two, and refilling properties costs far less than creating nodes and re-applying CSS.
 */
final class ChipStripSkin extends SkinBase<ChipStrip> {

    private final FlowPane flow = new FlowPane();
    private final List<TokenChip> pool = new ArrayList<>();
    private final Label more = new Label();

    ChipStripSkin(ChipStrip strip) {
        super(strip);
        flow.getStyleClass().add("chip-flow");
        more.getStyleClass().add("more-chips");
        getChildren().add(flow);
        registerChangeListener(strip.encodingProperty(), obs -> refill());
        registerChangeListener(strip.maxChipsProperty(), obs -> refill());
        refill();
    }

    private void refill() {
        Encoding e = getSkinnable().getEncoding();
        int total = e == null ? 0 : e.size();
        int n = Math.min(total, Math.max(0, getSkinnable().getMaxChips()));
        flow.getChildren().remove(more);
        while (pool.size() < n) {
            pool.add(new TokenChip());
        }
        for (int i = 0; i < n; i++) {
            TokenChip chip = pool.get(i);
            chip.setSpecial(e.special()[i]);
            chip.setPiece(e.tokens()[i]);
            chip.setTokenBytes(e.bytes()[i]);
            chip.setTokenId(e.ids()[i]);
            chip.setUnknown(isUnknownPiece(e.tokens()[i]));
        }
        if (flow.getChildren().size() > n) {
            flow.getChildren().remove(n, flow.getChildren().size());
        } else {
            flow.getChildren().addAll(pool.subList(flow.getChildren().size(), n));
        }
        if (total > n) {
            more.setText("+" + (total - n) + " more tokens");
            flow.getChildren().add(more);
        }
    }

    // SkinBase asks children for prefHeight(-1); a wrapping flow needs the actual width to know its height.
    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double inner = width < 0 ? -1 : Math.max(0, width - left - right);
        return top + flow.prefHeight(inner) + bottom;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + 40 + right; // a chip strip can always wrap down to about one chip per row
    }

    /** The unknown pieces of the common vocabularies; the Encoding does not flag them. */
    private static boolean isUnknownPiece(String piece) {
        return "[UNK]".equals(piece) || "<unk>".equals(piece);
    }
}
