package org.tokenlens.engine.embed.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.tokenize.Tokenizer;

/** The operations on real vectors: the bundled MiniLM token embeddings (30,522 × 384) from the readers. */
class MiniLmOperationsTest {
    private static EmbeddingModel model;

    @BeforeAll
    static void load() {
        model = new EmbeddingModels().load("all-MiniLM-L6-v2");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void kingsNeighboursIncludeQueenAndMatchBruteForce() {
        Tokenizer t = model.tokenizer();
        int king = t.tokenToId("king");
        Neighbours n = NearestNeighbours.of(model.input()).ofId(king, 10, Metric.COSINE, true);
        List<String> tokens = new ArrayList<>();
        for (int id : n.ids()) {
            tokens.add(t.idToToken(id));
        }
        assertTrue(tokens.contains("queen"), tokens.toString());
        float[][] rows = new float[model.input().rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = model.input().row(r);
        }
        double[] ref = Reference.scores(rows, rows[king], Metric.COSINE);
        ref[king] = Double.NEGATIVE_INFINITY;
        Integer[] order = Reference.order(ref, Metric.COSINE);
        for (int i = 0; i < 10; i++) {
            assertEquals(order[i], n.ids()[i], "rank " + i + " " + tokens);
        }
    }

    @Test
    void kingMinusManPlusWomanIsQueen() {
        for (Metric metric : Metric.values()) {
            Neighbours n = Analogies.solve(model, "king", "man", "woman", 1, metric);
            assertEquals("queen", model.tokenizer().idToToken(n.ids()[0]), metric.name());
        }
    }

    @Test
    void sentenceSurvivesTheRoundTripThroughTheInputSide() {
        OutputClassifier classifier = new OutputClassifier(model);
        assertEquals(OutputSide.INPUT_FALLBACK, classifier.side());
        RoundTrip trip = classifier.classify("The quick brown fox jumps over the lazy dog", 1, true, false);
        assertArrayEquals(trip.encoding().ids(), trip.bestIds());
        assertEquals("the quick brown fox jumps over the lazy dog", trip.decoded());
    }
}
