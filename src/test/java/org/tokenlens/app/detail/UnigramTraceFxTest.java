package org.tokenlens.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * A Unigram tokenizer opened from a file: clicking a chip shows the word's best path with each piece's score
 * and the total. Expected: DJL's HF tokenizers for the pieces, and a Viterbi search written here over the file's
 * vocabulary for the scores and for the path being the best one.
 */
class UnigramTraceFxTest {

    private static final String TEXT = "hello tokenization";
    private static String json;
    private static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        json = Fixtures.handBuilt("unigram-tiny/tokenizer.json");
        Path dir = Files.createTempDirectory("unigram-tiny");
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        app = RunningApp.start("--tokenizers", file.toString(), "--text", TEXT);
    }

    @AfterAll
    static void stop() throws TimeoutException {
        app.stop();
    }

    /** Best segmentation of {@code word} by total log-probability (pieces as in the vocabulary). */
    private static List<String> viterbi(String word, Map<String, Double> scores) {
        int n = word.length();
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = 0; start < end; start++) {
                Double s = scores.get(word.substring(start, end));
                if (s != null && best[start] + s > best[end]) {
                    best[end] = best[start] + s;
                    from[end] = start;
                }
            }
        }
        List<String> pieces = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            pieces.add(0, word.substring(from[end], end));
        }
        return pieces;
    }

    @Test
    void aUnigramChipShowsTheBestPathOfItsWordWithScores() throws Exception {
        Map<String, Double> scores = new HashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(json).get("model").get("vocab")) {
            scores.put(entry.get(0).asText(), entry.get(1).asDouble());
        }
        List<String> path = viterbi("▁tokenization", scores);
        OracleEncoding expected;
        try (HfOracle oracle = HfOracle.fromJson(json)) {
            expected = oracle.encode(TEXT, false);
        }
        List<String> tokens = List.of(expected.tokens());
        int k = tokens.indexOf(path.get(path.size() - 1));
        assertEquals(path, tokens.subList(k - path.size() + 1, k + 1), "HF's pieces are the best path");

        app.robot().clickOn(app.chip(0, k));
        app.settle();
        List<String> shown = new ArrayList<>();
        List<String> shownScores = new ArrayList<>();
        Parent trace = app.robot().lookup("#detailTrace .unigram-trace").queryAs(Parent.class);
        for (Node box : trace.lookupAll(".symbol-box")) {
            shown.add(((Label) box.lookup(".symbol-text")).getText());
            shownScores.add(((Label) box.lookup(".symbol-caption")).getText());
        }
        assertEquals(path, shown);
        assertEquals(path.stream().map(p -> String.format(Locale.ROOT, "%.3f", scores.get(p))).toList(), shownScores);
        double total = path.stream().mapToDouble(scores::get).sum();
        String caption = app.robot().lookup("#detailTrace .replay-caption").queryLabeled().getText();
        assertTrue(caption.contains(String.format(Locale.ROOT, "total log-probability %.3f", total)), caption);
        assertTrue(caption.contains(path.size() + " pieces"), caption);
    }
}
