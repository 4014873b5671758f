package org.tokenlens.app.chips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

    /** One token per piece; "[CLS]" is an inserted special, "[UNK]" an unknown piece. */
    private static Encoding encoding(String... pieces) {
        int n = pieces.length;
        byte[][] bytes = new byte[n][];
        int[] ids = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] special = new boolean[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
            ids[i] = 100 + i;
            special[i] = pieces[i].equals("[CLS]");
            starts[i] = special[i] ? -1 : i;
            ends[i] = special[i] ? -1 : i + 1;
        }
        return new Encoding(String.join("", pieces), ids, pieces, bytes, starts, ends, special, new int[n]);
    }

    private List<TokenChip> shownChips(FxRobot robot) {
        return robot.lookup(".token-chip").queryAllAs(TokenChip.class).stream()
                .filter(c -> c.getParent() != null).toList();
    }

    @Test
    void capsTheNumberOfChipsAndReusesThem(FxRobot robot) {
        robot.interact(() -> {
            strip.setMaxChips(4);
            strip.setEncoding(encoding("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
        });
        List<TokenChip> first = shownChips(robot);
        assertEquals(4, first.size());
        assertEquals("+6 more tokens", robot.lookup(".more-chips").queryAs(Label.class).getText());

        robot.interact(() -> strip.setEncoding(encoding("x", "y")));
        List<TokenChip> second = shownChips(robot);
        assertEquals(2, second.size());
        assertSame(first.get(0), second.get(0), "chips are refilled, not rebuilt");
        assertEquals(101, second.get(1).getTokenId());
        assertTrue(robot.lookup(".more-chips").queryAll().stream().allMatch(n -> n.getParent() == null));
    }

    @Test
    void specialAndUnknownTokensCarryTheirPseudoClasses(FxRobot robot) {
        robot.interact(() -> strip.setEncoding(encoding("[CLS]", "hi", "[UNK]")));
        List<TokenChip> chips = shownChips(robot);
        assertTrue(chips.get(0).getPseudoClassStates().contains(PseudoClass.getPseudoClass("special")));
        assertFalse(chips.get(1).getPseudoClassStates().contains(PseudoClass.getPseudoClass("special")));
        assertTrue(chips.get(2).getPseudoClassStates().contains(PseudoClass.getPseudoClass("unknown")));
        assertFalse(chips.get(1).getPseudoClassStates().contains(PseudoClass.getPseudoClass("unknown")));
        // coloured by id, except specials, which are outlined instead
        assertTrue(chips.get(0).getStyleClass().stream().noneMatch(c -> c.startsWith("palette-")));
        assertEquals(1, chips.get(1).getStyleClass().stream().filter(c -> c.startsWith("palette-")).count());
    }
}
