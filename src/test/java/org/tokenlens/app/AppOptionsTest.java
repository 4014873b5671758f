package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void defaultsOpenOneBertLaneOnTheIssueText() {
        AppOptions o = AppOptions.parse();
        assertNull(o.screenshot());
        assertEquals("This is a input.", o.text());
        assertEquals(List.of("bert-base-uncased"), o.tokenizers());
        assertEquals(Theme.LIGHT, o.theme());
        assertNull(o.helpText());
    }

    @Test
    void parsesEveryWindowOption() {
        AppOptions o = AppOptions.parse("--screenshot", "out/s.png", "--text", "héllo", "--tokenizers",
                "gpt2,cl100k_base", "--theme", "DARK");
        assertEquals(Path.of("out/s.png"), o.screenshot());
        assertEquals("héllo", o.text());
        assertEquals(List.of("gpt2", "cl100k_base"), o.tokenizers());
        assertEquals(Theme.DARK, o.theme());
    }

    @Test
    void badOptionsAreOneLineErrors() {
        IllegalArgumentException theme = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse("--theme", "pink"));
        assertTrue(theme.getMessage().contains("pink"), theme.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse("--sreenshot", "x.png"));
        assertTrue(unknown.getMessage().contains("--sreenshot"), unknown.getMessage());
        assertTrue(!unknown.getMessage().contains("\n"));
    }

    @Test
    void helpIsTextNotAWindow() {
        assertTrue(AppOptions.parse("--screenshot", "x.png", "--version").helpText().contains("TokenLens"));
    }

    @Test
    void tabAndPositionsKindOptions() {
        AppOptions o = AppOptions.parse("--tab", "positions", "--positions-kind", "LEARNED");
        assertEquals("positions", o.tab());
        assertEquals(org.tokenlens.app.positions.PositionKind.LEARNED, o.positionsKind());
        assertNull(AppOptions.parse().tab());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AppOptions.parse("--positions-kind", "nope"))
                .getMessage().contains("nope"));
        List<String> titles = List.of("Vocabulary", "Positions", "Embedding map");
        assertEquals(0, AppOptions.tabIndex(titles, "vocabulary"));
        assertEquals(1, AppOptions.tabIndex(titles, "Positions"));
        assertEquals(2, AppOptions.tabIndex(titles, "map"));
        assertEquals(2, AppOptions.tabIndex(titles, "embedding-map"));
        assertEquals(-1, AppOptions.tabIndex(titles, "pos"));
        assertEquals("no tab 'x': expected one of vocabulary, positions", AppOptions.unknownTab(titles.subList(0, 2),
                "x"));
    }
}
