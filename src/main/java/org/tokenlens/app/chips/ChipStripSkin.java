package org.tokenlens.app.chips;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SkinBase;
import javafx.scene.control.skin.VirtualFlow;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * A {@link ListView} of chip rows: the list virtualizes (only rows on screen get cells, cells are reused), each
 * cell is a row of pooled {@link TokenChip}s. Rows come from {@link ChipRows} on the estimated widths, recomputed
 * when the data, the width or the font size change — arithmetic over the clusters, no nodes.
 */
final class ChipStripSkin extends SkinBase<ChipStrip> {

    /** Height of one row of chips at the base font size: label, ids, padding and the gap to the next row. */
    private static final double ROW_HEIGHT = 56;
    /** Room for the vertical scroll bar and the cell padding. */
    private static final double ROW_INSET = 30;
    private static final CornerRadii CHIP_CORNERS = new CornerRadii(5);

    private final ListView<Integer> list = new ListView<>();
    private final RowNumbers rows = new RowNumbers();
    /** Hidden label whose font (from the theme, scaled in presentation mode) tells the strip its scale. */
    private final Label fontProbe = new Label("M");
    private final List<RowCell> liveCells = new ArrayList<>();
    private int[] rowStarts = {0, 0};
    private double scale = 1;
    /**
     * The data the boundary-diff bits index. Lanes publish one at a time and the diff follows only once all are
     * done, so for a moment the bits index the previous encoding: {@link #diffAt} reads them through the tokens
     * the two encodings share (prefix and suffix) instead of letting every later chip's mark flip twice per
     * keystroke — each flip restyles the chip's whole subtree.
     */
    private ChipData diffFor;
    /** Hidden regions the theme paints in each palette colour (then the special tokens' surface). */
    private final Region[] paletteProbes = new Region[TokenChip.PALETTE_SIZE + 1];
    private Background[] backgrounds;
    private int diffPrefix;
    private int diffSuffix;

    ChipStripSkin(ChipStrip strip) {
        super(strip);
        list.getStyleClass().add("chip-rows");
        list.setItems(rows);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> {
            RowCell cell = new RowCell();
            liveCells.add(cell);
            return cell;
        });
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        getChildren().addAll(list, fontProbe);
        for (int k = 0; k < paletteProbes.length; k++) {
            Region probe = new Region();
            probe.getStyleClass().add("chip-palette-probe");
            probe.pseudoClassStateChanged(PseudoClass.getPseudoClass(
                    k < TokenChip.PALETTE_SIZE ? "palette-" + k : "special"), true);
            probe.setManaged(false);
            probe.setVisible(false);
            paletteProbes[k] = probe;
            getChildren().add(probe);
            registerChangeListener(probe.backgroundProperty(), obs -> repaint());
        }
        registerChangeListener(strip.dataProperty(), obs -> {
            alignDiff();
            rebreak();
        });
        registerChangeListener(strip.colourModeProperty(), obs -> refreshContent());
        registerChangeListener(list.widthProperty(), obs -> rebreak());
        registerChangeListener(fontProbe.fontProperty(), obs -> rebreak());
        registerChangeListener(strip.selectedTokenProperty(), obs -> {
            refreshState();
            revealLater(strip.selectedTokenProperty().get());
        });
        registerChangeListener(strip.hoveredTokenProperty(), obs -> refreshState());
        // an invalidation, not a change listener: new bits equal to the old ones still index the new data
        registerInvalidationListener(strip.boundaryDiffProperty(), obs -> {
            strip.boundaryDiffProperty().get(); // validate, so that the next new value invalidates again
            diffFor = strip.getData();
            alignDiff();
            refreshState();
        });
        registerChangeListener(strip.coveredTokensProperty(), obs -> {
            refreshState();
            IndexRange covered = strip.coveredTokensProperty().get();
            if (covered != null) {
                revealLater(covered.getStart());
            }
        });
        rebreak();
        // the flow exists once the list has its skin: follow its scrolling
        registerChangeListener(list.skinProperty(), obs -> watchFlow());
        watchFlow();
    }

    private VirtualFlow<?> watchedFlow;

    private void watchFlow() {
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow != null && flow != watchedFlow) {
            watchedFlow = flow;
            registerChangeListener(flow.positionProperty(), obs -> updateTopOffsetAfterLayout());
        }
    }

    private boolean topOffsetPending;

    /**
     * Publishes the text offset of the top row's first token (see {@link ChipStrip#topOffsetProperty()}) once
     * the flow has laid its cells out for the new position: until then its first visible cell is the old one.
     */
    private void updateTopOffsetAfterLayout() {
        javafx.scene.Scene scene = getSkinnable().getScene();
        if (scene == null || topOffsetPending) {
            return;
        }
        topOffsetPending = true;
        AfterLayout.run(scene, () -> {
            topOffsetPending = false;
            getSkinnable().setTopOffset(topOffset());
        });
    }

    private int topOffset() {
        ChipData data = getSkinnable().getData();
        VirtualFlow<?> flow = watchedFlow;
        if (data == null || flow == null || flow.getFirstVisibleCell() == null) {
            return -1;
        }
        int row = flow.getFirstVisibleCell().getIndex();
        if (row < 0 || row >= rowStarts.length - 1) {
            return -1;
        }
        int[] starts = data.encoding().starts();
        // inserted specials have no offset: take the next real token
        int t = TokenSearch.nextReal(starts, data.clusterStarts()[rowStarts[row]], starts.length);
        return t < 0 ? -1 : starts[t];
    }

    /** Scrolls the row holding the last token that starts at or before {@code offset} to the top. */
    void scrollToOffset(int offset) {
        ChipData data = getSkinnable().getData();
        if (data == null || data.clusterCount() == 0 || offset < 0) {
            return;
        }
        int token = TokenSearch.lastStartingAtOrBefore(data.encoding().starts(), offset);
        scrollRowToTop(rowOf(data.clusterOf(Math.max(0, token))));
    }

    private void rebreak() {
        scale = fontProbe.getFont().getSize() / ChipWidths.BASE_FONT;
        list.setFixedCellSize(Math.ceil(ROW_HEIGHT * scale));
        ChipData data = getSkinnable().getData();
        double width = list.getWidth() > 0 ? list.getWidth() : 800;
        rowStarts = data == null ? new int[] {0, 0}
                : ChipRows.breakRows(data.widths(), data.lineEnds(), Math.max(60, width - ROW_INSET),
                        scale);
        int count = data == null || data.clusterCount() == 0 ? 0 : rowStarts.length - 1;
        // Items are just row numbers: grow or shrink the list at its end rather than replace it. A replacement
        // makes the list view mark every one of its rows dirty (~100,000 after a 5 MB paste).
        rows.resize(count);
        refreshContent(); // rows keep their numbers, not their chips: refill the cells on screen
    }

    /** The theme's palette changed (or arrived): every pooled chip takes the new backgrounds. */
    private void repaint() {
        Background[] palette = new Background[paletteProbes.length];
        for (int k = 0; k < palette.length; k++) {
            Background themed = paletteProbes[k].getBackground();
            if (themed == null || themed.getFills().isEmpty()) {
                return; // not styled yet
            }
            palette[k] = new Background(new BackgroundFill(themed.getFills().get(0).getFill(), CHIP_CORNERS,
                    Insets.EMPTY));
        }
        backgrounds = palette;
        for (RowCell cell : liveCells) {
            cell.pool.forEach(chip -> chip.setBackgrounds(palette));
        }
    }

    /** After new data: how many leading and trailing tokens it shares with the data the diff bits index. */
    private void alignDiff() {
        ChipData data = getSkinnable().getData();
        if (diffFor == null || data == null || diffFor == data) {
            diffPrefix = 0;
            diffSuffix = 0;
            return;
        }
        Encoding was = diffFor.encoding();
        Encoding now = data.encoding();
        if (now.keptHead(was) >= 0) { // re-encoded from it: the encoder knows what it kept
            diffPrefix = now.keptHead(was);
            diffSuffix = now.keptTail(was);
            return;
        }
        int common = Math.min(was.size(), now.size());
        int p = 0;
        while (p < common && was.ids()[p] == now.ids()[p] && was.starts()[p] == now.starts()[p]) {
            p++;
        }
        int tailShift = now.text().length() - was.text().length();
        int s = 0;
        while (s < common - p) {
            int i = was.size() - 1 - s;
            int j = now.size() - 1 - s;
            if (was.ids()[i] != now.ids()[j] || was.starts()[i] + tailShift != now.starts()[j]) {
                break;
            }
            s++;
        }
        diffPrefix = p;
        diffSuffix = s;
    }

    /** Whether token {@code token} of the data shown starts a boundary another lane lacks (see {@link #diffFor}). */
    private boolean diffAt(int token) {
        BitSet diff = getSkinnable().boundaryDiffProperty().get();
        ChipData data = getSkinnable().getData();
        if (diff == null || data == null || diffFor == null) {
            return false;
        }
        if (diffFor == data || token < diffPrefix) {
            return diff.get(token);
        }
        int fromEnd = data.encoding().size() - token;
        return fromEnd <= diffSuffix && diff.get(diffFor.encoding().size() - fromEnd);
    }

    /** Refill the cells on screen; pooled cells off screen are refilled by the flow when it shows them. */
    private void refreshContent() {
        for (RowCell cell : liveCells) {
            if (cell.isVisible() && cell.getParent() != null) {
                cell.fill();
            }
        }
    }

    private void refreshState() {
        for (RowCell cell : liveCells) {
            if (cell.isVisible() && cell.getParent() != null) {
                cell.refreshState();
            }
        }
    }

    private int revealTarget = -1;
    private boolean revealPosted;

    /**
     * {@link #reveal} after the next layout pass: the caret and selection move with new data (after a paste, to
     * its end), and the flow must have taken the new row count before a position means the right row — set
     * earlier, the flow's own update for the count moves it again. Only the latest target is revealed.
     */
    private void revealLater(int token) {
        revealTarget = token;
        javafx.scene.Scene scene = getSkinnable().getScene();
        if (scene == null) {
            reveal(token);
            return;
        }
        if (!revealPosted) {
            revealPosted = true;
            AfterLayout.run(scene, () -> {
                revealPosted = false;
                reveal(revealTarget);
            });
        }
    }

    /** Scroll so that the row holding {@code token} is on screen, if it is not already. */
    private void reveal(int token) {
        ChipData data = getSkinnable().getData();
        if (data == null || token < 0 || token >= data.encoding().size()) {
            return;
        }
        int row = rowOf(data.clusterOf(token));
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                && row >= flow.getFirstVisibleCell().getIndex() && row < flow.getLastVisibleCell().getIndex()) {
            // already on screen (the last visible row may be cut off, so it does not count); scrolling anyway
            // would re-lay out every row on every keystroke
            return;
        }
        scrollRowToTop(Math.max(0, row - 1));
    }

    /**
     * Puts {@code row} at the top by the flow's position, which rows of one fixed height map to directly. The
     * list's own {@code scrollTo} walks a size cache of every row before it — tens of milliseconds at the end
     * of a 5 MB paste's 100,000 rows.
     */
    private void scrollRowToTop(int row) {
        VirtualFlow<?> flow = watchedFlow;
        double cell = list.getFixedCellSize();
        double total = rows.size() * cell;
        double viewport = flow == null ? 0 : flow.getHeight();
        if (flow == null || !(cell > 0) || !(viewport > 0) || total <= viewport) {
            list.scrollTo(row);
            return;
        }
        flow.setPosition(Math.min(1, row * cell / (total - viewport)));
    }

    private int rowOf(int cluster) {
        int k = java.util.Arrays.binarySearch(rowStarts, cluster);
        return k >= 0 ? Math.min(k, rowStarts.length - 2) : -k - 2;
    }

    /** A row of chips; chips are pooled per cell. */
    private final class RowCell extends ListCell<Integer> {
        private final HBox box = new HBox(4);
        private final List<TokenChip> pool = new ArrayList<>();
        private int shown;

        RowCell() {
            getStyleClass().add("chip-row");
            box.getStyleClass().add("chip-row-box");
            // Unmanaged, in a skin of the cell's own: new chips in the row lay out the row alone. As the cell's
            // (managed) graphic, the row marked its cell as needing layout, and a list view re-lays out every
            // visible cell for that, re-applying CSS to each one's whole subtree — most of the FX thread's CSS
            // time per keystroke, and a repaint of every row. The row takes the cell's whole content area
            // whatever its chips (rows are broken to fit it).
            box.setManaged(false);
            box.setVisible(false);
        }

        @Override
        protected javafx.scene.control.Skin<?> createDefaultSkin() {
            return new SkinBase<RowCell>(this) {
                {
                    getChildren().add(box);
                }

                @Override
                protected void layoutChildren(double x, double y, double w, double h) {
                    box.resizeRelocate(x, y, w, h);
                }
            };
        }

        /** The row's area when the cell changed its chips but not its size (the cell is not laid out again). */
        private void fitBox() {
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            if (w > 0 && h > 0) {
                box.resizeRelocate(snappedLeftInset(), snappedTopInset(), w, h);
            }
        }

        @Override
        protected boolean isItemChanged(Integer oldItem, Integer newItem) {
            return true; // row r of a new encoding holds other tokens than row r of the old one
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            fill();
        }

        void fill() {
            ChipData data = getSkinnable().getData();
            Integer row = getItem();
            if (isEmpty() || row == null || data == null || row >= rowStarts.length - 1) {
                box.setVisible(false);
                shown = 0;
                return;
            }
            int from = rowStarts[row];
            int to = rowStarts[row + 1];
            int n = to - from;
            while (pool.size() < n) {
                pool.add(newChip());
            }
            ColourMode colours = getSkinnable().colourModeProperty().get();
            for (int k = 0; k < n; k++) {
                int c = from + k;
                int first = data.clusterStarts()[c];
                int palette = colours == ColourMode.ID ? TokenChip.paletteIndex(data.encoding().ids()[first])
                        : c % TokenChip.PALETTE_SIZE;
                pool.get(k).show(data.content(c), first, data.clusterStarts()[c + 1] - first, palette);
            }
            if (box.getChildren().size() > n) {
                box.getChildren().remove(n, box.getChildren().size());
            } else if (box.getChildren().size() < n) {
                box.getChildren().addAll(pool.subList(box.getChildren().size(), n));
            }
            shown = n;
            refreshState();
            box.setVisible(true);
            fitBox();
        }

        void refreshState() {
            ChipStrip strip = getSkinnable();
            int selected = strip.selectedTokenProperty().get();
            int hovered = strip.hoveredTokenProperty().get();
            IndexRange covered = strip.coveredTokensProperty().get();
            for (int k = 0; k < shown; k++) {
                TokenChip chip = pool.get(k);
                int first = chip.firstToken();
                int end = first + chip.tokenCount();
                chip.setState(selected >= first && selected < end,
                        covered != null && covered.getStart() < end && first < covered.getEnd(),
                        hovered >= first && hovered < end,
                        diffAt(first));
            }
        }

        private TokenChip newChip() {
            TokenChip chip = new TokenChip();
            chip.setBackgrounds(backgrounds);
            chip.setOnMouseClicked(e -> notify(getSkinnable().onTokenClickedProperty().get(), chip.firstToken()));
            chip.setOnMouseEntered(e -> notify(getSkinnable().onTokenHoveredProperty().get(), chip.firstToken()));
            chip.setOnMouseExited(e -> notify(getSkinnable().onTokenHoveredProperty().get(), -1));
            return chip;
        }

        private void notify(IntConsumer target, int token) {
            if (target != null) {
                target.accept(token);
            }
        }
    }
}
