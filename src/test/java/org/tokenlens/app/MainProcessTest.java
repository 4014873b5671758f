package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code org.tokenlens.Main} as a separate process (it calls System.exit): CLI dispatch, window-option errors,
 * and the {@code --screenshot} mode end to end on headless Monocle.
 */
class MainProcessTest {

    record Run(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    private Run main(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "org.tokenlens.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Main did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aCommandWordRunsTheCliWithUtf8Output() throws Exception {
        Run r = main("encode", "--tokenizer", "cl100k_base", "--text", "naïve 日本");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        int[] expected = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE)
                .encodeOrdinary("naïve 日本").toArray();
        assertEquals(expected.length, json.get("ids").size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], json.get("ids").get(i).intValue());
        }
    }

    @Test
    void aBadWindowOptionIsAOneLineUsageError() throws Exception {
        Run r = main("--theme", "pink");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("tokenlens: ") && r.err().contains("pink"), r.err());
    }

    @Test
    void screenshotRendersTheWindowToAPngAndExits() throws Exception {
        Path png = dir.resolve("shots/window.png");
        Run r = main("--screenshot", png.toString(), "--tokenizers", "cl100k_base,o200k_base", "--text", "Hi there");
        assertEquals(0, r.exit(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth());
        assertEquals(1000, image.getHeight());
    }

    @Test
    void screenshotWithATokenizerThatFailsStillWritesButExitsTwo() throws Exception {
        Path png = dir.resolve("s.png");
        Run r = main("--screenshot", png.toString(), "--tokenizers", dir.resolve("missing.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("tokenlens: ") && l.contains("missing.json")), r.err());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void anUnknownTabIsAOneLineErrorListingTheTabs() throws Exception {
        Run r = main("--screenshot", dir.resolve("t.png").toString(), "--tab", "nosuchtab");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("tokenlens: no tab 'nosuchtab': expected one of ")
                && r.err().contains("vocabulary") && r.err().contains("positions"), r.err());
        assertTrue(Files.notExists(dir.resolve("t.png")));
    }

    @Test
    void screenshotOnThePositionsTabWaitsForItsTable() throws Exception {
        Path png = dir.resolve("positions.png");
        Run r = main("--screenshot", png.toString(), "--tab", "positions", "--positions-kind", "learned");
        assertEquals(0, r.exit(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth());
        // the learned table (clipped at p99) is drawn: the side panel holds many saturated, non-grey pixels
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = image.getWidth() / 2; x < image.getWidth(); x += 2) {
                int p = image.getRGB(x, y);
                int red = p >> 16 & 0xff;
                int blue = p & 0xff;
                if (Math.abs(red - blue) > 80) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 5000, "coloured pixels in the right half: " + coloured);
    }
}
