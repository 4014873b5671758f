package org.tokenlens.app.chips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.IndexRange;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tokenlens.app.Theme;
import org.tokenlens.engine.tokenize.Encoding;

@ExtendWith(ApplicationExtension.class)
class ChipStripFxTest {

    private ChipStrip strip;

    @Start
    void start(Stage stage) {
        strip = new ChipStrip(); // controls need the toolkit, which is up only from here
        Scene scene = new Scene(new StackPane(strip), 600, 400);
        scene.getStylesheets().add(Theme.LIGHT.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    /** One token per piece (its UTF-8 bytes); "[CLS]" an inserted special, "[UNK]" id 100 the unknown token. */
    private static Encoding encoding(String... pieces) {
        int n = pieces.length;
        byte[][] bytes = new byte[n][];
        int[] ids = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] special = new boolean[n];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            bytes[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
            special[i] = pieces[i].equals("[CLS]");
            ids[i] = pieces[i].equals("[UNK]") ? 100 : 1000 + i;
            starts[i] = special[i] ? -1 : offset;
            offset += special[i] ? 0 : pieces[i].length();
            ends[i] = special[i] ? -1 : offset;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (!special[i]) {
                text.append(pieces[i]);
            }
        }
        return new Encoding(text.toString(), ids, pieces, bytes, starts, ends, special, new int[n]);
    }

    /** The chips on screen once the strip has laid out its cells (they appear with a later layout pulse). */
    private List<TokenChip> shownChips(FxRobot robot) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                    () -> !visibleChips(robot).isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            return List.of();
        }
        return visibleChips(robot);
    }

    private List<TokenChip> visibleChips(FxRobot robot) {
        return robot.lookup(".token-chip").queryAllAs(TokenChip.class).stream()
                .filter(c -> c.getParent() != null && c.getScene() != null && c.isVisible())
                .filter(c -> c.getParent().getParent() != null && c.getParent().getParent().isVisible())
                .toList();
    }

    private static boolean has(TokenChip chip, String pseudoClass) {
        return chip.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    @Test
    void onlyTheRowsOnScreenHaveChipNodes(FxRobot robot) throws java.util.concurrent.TimeoutException {
        String[] pieces = new String[20_000];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = "w" + (i % 10);
        }
        robot.interact(() -> strip.setData(ChipData.of(encoding(pieces), -1, ChipMode.TEXT)));
        // cells appear with the next layout pulse
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> !shownChips(robot).isEmpty());
        int nodes = robot.lookup(".token-chip").queryAll().size();
        assertTrue(nodes > 10 && nodes < 1000, "chip nodes for 20,000 tokens: " + nodes);
        assertEquals(1000, shownChips(robot).get(0).getTokenId());
    }

    @Test
    void specialUnknownAndSelectedChipsCarryTheirPseudoClasses(FxRobot robot) {
        robot.interact(() -> {
            strip.setData(ChipData.of(encoding("[CLS]", "hi", "[UNK]", " x"), 100, ChipMode.TEXT));
            strip.selectedTokenProperty().set(1);
            strip.coveredTokensProperty().set(new IndexRange(2, 3));
        });
        List<TokenChip> chips = new ArrayList<>(shownChips(robot));
        chips.sort(java.util.Comparator.comparingInt(TokenChip::firstToken));
        assertEquals(4, chips.size());
        assertTrue(has(chips.get(0), "special"));
        assertFalse(has(chips.get(1), "special"));
        assertTrue(has(chips.get(2), "unknown"));
        assertTrue(has(chips.get(1), "selected"));
        assertFalse(has(chips.get(0), "selected"));
        assertTrue(has(chips.get(2), "covered"));
        assertFalse(has(chips.get(1), "covered"));
        // coloured by position in the theme's palette, except specials, which are outlined on the surface colour
        assertEquals(-1, chips.get(0).paletteIndex());
        assertEquals(themeColour(Theme.LIGHT, "-tl-surface"), fill(chips.get(0)));
        assertEquals(1, chips.get(1).paletteIndex());
        assertEquals(themeColour(Theme.LIGHT, "-tl-chip-1"), fill(chips.get(1)));
        assertEquals(themeColour(Theme.LIGHT, "-tl-chip-2"), fill(chips.get(2)));

        // " x": a muted space glyph, then the text in the chip text colour
        List<javafx.scene.text.Text> runs = chips.get(3).getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("chip-run")).map(javafx.scene.text.Text.class::cast).toList();
        assertEquals(List.of("·", "x"), runs.stream().map(javafx.scene.text.Text::getText).toList());
        assertEquals(themeColour(Theme.LIGHT, "-tl-muted"), runs.get(0).getFill());
        assertEquals(themeColour(Theme.LIGHT, "-tl-chip-text"), runs.get(1).getFill());

        robot.interact(() -> strip.getScene().getStylesheets().setAll(Theme.DARK.stylesheetUrl()));
        robot.interact(() -> { }); // one pulse: CSS restyles the palette
        assertEquals(themeColour(Theme.DARK, "-tl-surface"), fill(chips.get(0)));
        assertEquals(themeColour(Theme.DARK, "-tl-chip-1"), fill(chips.get(1)));
    }

    /**
     * After a keystroke the strip shows the new tokens before the lanes are compared again: the marks of the last
     * comparison stay on the tokens the edit left alone, before it and after it — the trailing [SEP] included, which
     * has no span to line up by — and the re-encoded word has none.
     */
    @Test
    void boundaryMarksStayOnTheTokensAnEditLeftAloneUntilTheNextComparison(FxRobot robot) {
        org.tokenlens.engine.tokenize.Tokenizer bert = new org.tokenlens.engine.tokenize.TokenizerRegistry()
                .load("bert-base-uncased");
        Encoding before = bert.encode("one two three four five six seven");
        Encoding after = bert.encodeEdited(before, "one two three fourteen five six seven");
        List<String> pieces = List.of("[CLS]", "one", "two", "three", "fourteen", "five", "six", "seven", "[SEP]");
        assertEquals(pieces, List.of(after.tokens()));
        java.util.BitSet marks = new java.util.BitSet();
        for (String marked : List.of("two", "four", "six", "seven")) {
            marks.set(List.of(before.tokens()).indexOf(marked));
        }
        robot.interact(() -> {
            strip.setData(ChipData.of(before, 100, ChipMode.TEXT));
            strip.boundaryDiffProperty().set(marks);
            strip.setData(ChipData.of(after, 100, ChipMode.TEXT));
        });
        robot.interact(() -> { });
        List<String> marked = new ArrayList<>();
        for (TokenChip chip : shownChips(robot)) {
            if (has(chip, "boundary-diff")) {
                marked.add(after.tokens()[chip.firstToken()]);
            }
        }
        java.util.Collections.sort(marked);
        assertEquals(List.of("seven", "six", "two"), marked);
    }

    /** A colour as the theme's stylesheet defines it, read from the file rather than from any node. */
    private static javafx.scene.paint.Color themeColour(Theme theme, String name) {
        try (var in = new java.net.URL(theme.stylesheetUrl()).openStream()) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name) + ":\\s*([^;]+);").matcher(css);
            assertTrue(m.find(), name + " in " + theme);
            return javafx.scene.paint.Color.web(m.group(1).strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static javafx.scene.paint.Paint fill(TokenChip chip) {
        assertTrue(chip.getBackground() != null && !chip.getBackground().getFills().isEmpty(), "chip has a fill");
        return chip.getBackground().getFills().get(0).getFill();
    }

    @Test
    void anEmojiSplitIntoByteTokensIsOneChipWithThreeIds(FxRobot robot) {
        byte[] smile = "😀".getBytes(StandardCharsets.UTF_8); // F0 9F 98 80
        Encoding e = new Encoding("😀", new int[] {5, 6, 7}, new String[] {"ðŁĺ", "Ģ", "Ģ"},
                new byte[][] {{smile[0], smile[1]}, {smile[2]}, {smile[3]}}, new int[] {0, 0, 0},
                new int[] {2, 2, 2}, new boolean[3], new int[3]);
        robot.interact(() -> strip.setData(ChipData.of(e, -1, ChipMode.TEXT)));
        List<TokenChip> chips = shownChips(robot);
        assertEquals(1, chips.size());
        assertEquals("😀", chips.get(0).getContent().labelText());
        assertEquals("5 ‹F0 9F›  6 ‹98›  7 ‹80›", chips.get(0).getContent().itemsText());
    }
}
