package org.tokenlens.engine.embed.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.Encoding;

class OutputClassifierTest {
    private static final int V = TestModels.BERT.vocabSize();
    private static final HeapMatrix SELF = TestModels.selfNearest(V, 16, 5);

    @Test
    void roundTripGivesEveryTokenBack() {
        OutputClassifier classifier = new OutputClassifier(TestModels.model(SELF, null, false, null));
        RoundTrip trip = classifier.classify("Hello, World! Tokenization", 3, true, false);
        Encoding e = trip.encoding();
        assertArrayEquals(e.ids(), trip.bestIds());
        assertEquals(e.size(), trip.unchanged());
        assertEquals("hello, world! tokenization", trip.decoded()); // bert uncased: lowercased, specials skipped
        assertEquals(OutputSide.INPUT_FALLBACK, trip.side());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.tokens()[i], trip.positions()[i].tokens()[0]);
            assertEquals(3, trip.positions()[i].size());
        }
    }

    @Test
    void logitsAndProbabilitiesMatchADoubleSoftmax() {
        HeapMatrix input = HeapMatrix.random(V, 16, 8);
        OutputClassifier classifier = new OutputClassifier(TestModels.model(input, input, true, null));
        assertEquals(OutputSide.TIED, classifier.side());
        float[] vector = input.values()[2023];
        Prediction p = classifier.predict(vector, 5);
        double[] logits = Reference.scores(input.values(), vector, Metric.DOT);
        Integer[] order = Reference.order(logits, Metric.DOT);
        double max = logits[order[0]];
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(order[i], p.ids()[i]);
            assertEquals(logits[order[i]], p.logits()[i], 1e-4);
            assertEquals(Math.exp(logits[order[i]] - max) / sum, p.probabilities()[i], 1e-6);
            assertEquals(TestModels.BERT.idToToken(order[i]), p.tokens()[i]);
        }
    }

    @Test
    void anLmHeadIsUsedWhenThereIsOne() {
        // output row j = input row j + 1: the output side maps every token's vector to the id before it
        float[][] shifted = new float[V][];
        for (int j = 0; j < V; j++) {
            shifted[j] = SELF.values()[(j + 1) % V];
        }
        EmbeddingModel model = TestModels.model(SELF, new HeapMatrix(shifted), false, null);
        OutputClassifier classifier = new OutputClassifier(model);
        assertEquals(OutputSide.LM_HEAD, classifier.side());
        RoundTrip trip = classifier.classify("the cat", 1, false, false);
        int[] ids = trip.encoding().ids();
        int[] expected = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            expected[i] = (ids[i] - 1 + V) % V;
        }
        assertArrayEquals(expected, trip.bestIds());
        assertEquals(TestModels.BERT.decode(expected, true), trip.decoded());
    }

    @Test
    void positionsChangeTheVectorsWhenAsked() {
        HeapMatrix positions = new HeapMatrix(new float[][] {new float[16], new float[16], new float[16]});
        // position 1 carries exactly the difference towards the token "dog"
        int cat = TestModels.BERT.tokenToId("cat");
        int dog = TestModels.BERT.tokenToId("dog");
        for (int c = 0; c < 16; c++) {
            positions.values()[1][c] = 2 * (SELF.values()[dog][c] - SELF.values()[cat][c]);
        }
        OutputClassifier classifier = new OutputClassifier(TestModels.model(SELF, null, false, positions));
        RoundTrip plain = classifier.classify("cat", 1, true, false);
        RoundTrip moved = classifier.classify("cat", 1, true, true);
        assertEquals(cat, plain.bestIds()[1]);
        assertEquals(dog, moved.bestIds()[1]);
        assertEquals(true, moved.withPositions());
        assertEquals(2, moved.unchanged()); // [CLS] and [SEP] sit at positions 0 and 2, which add nothing
    }

    @Test
    void mismatchedOutputWidthIsAnError() {
        assertThrows(EmbeddingException.class, () -> new OutputClassifier(
                TestModels.model(SELF, HeapMatrix.random(V, 8, 1), false, null)));
    }
}
