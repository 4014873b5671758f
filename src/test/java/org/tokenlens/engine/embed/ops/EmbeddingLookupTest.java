package org.tokenlens.engine.embed.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.Encoding;

class EmbeddingLookupTest {
    private static final HeapMatrix INPUT = HeapMatrix.random(TestModels.BERT.vocabSize(), 6, 1);
    private static final HeapMatrix POSITIONS = HeapMatrix.random(8, 6, 2);

    @Test
    void rowsOfEveryTokenSpecialsIncluded() {
        EmbeddingModel model = TestModels.model(INPUT, null, false, POSITIONS);
        Encoding e = TestModels.BERT.encode("Hello world");
        assertEquals("[CLS]", e.tokens()[0]);
        float[][] v = EmbeddingLookup.vectors(model, e, false);
        assertEquals(e.size(), v.length);
        for (int i = 0; i < v.length; i++) {
            assertArrayEquals(INPUT.values()[e.ids()[i]], v[i]);
        }
    }

    @Test
    void positionVectorIAddedToTokenI() {
        EmbeddingModel model = TestModels.model(INPUT, null, false, POSITIONS);
        Encoding e = TestModels.BERT.encode("a b c");
        float[][] v = EmbeddingLookup.vectors(model, e, true);
        for (int i = 0; i < v.length; i++) {
            for (int c = 0; c < 6; c++) {
                assertEquals(INPUT.values()[e.ids()[i]][c] + POSITIONS.values()[i][c], v[i][c], 0f);
            }
        }
    }

    @Test
    void withoutLearnedPositionsNothingIsAdded() {
        EmbeddingModel model = TestModels.model(INPUT, null, false, null);
        Encoding e = TestModels.BERT.encode("a b c");
        assertArrayEquals(EmbeddingLookup.vectors(model, e, false), EmbeddingLookup.vectors(model, e, true));
    }

    @Test
    void moreTokensThanLearnedPositionsIsAnError() {
        EmbeddingModel model = TestModels.model(INPUT, null, false, POSITIONS);
        Encoding e = TestModels.BERT.encode("one two three four five six seven");
        EmbeddingException ex = assertThrows(EmbeddingException.class, () -> EmbeddingLookup.vectors(model, e, true));
        assertTrue(ex.getMessage().contains("9 tokens") && ex.getMessage().contains("8 positions"), ex.getMessage());
    }

    @Test
    void anIdWithoutARowIsAnError() {
        EmbeddingModel model = TestModels.model(HeapMatrix.random(100, 6, 3), null, false, null);
        EmbeddingException ex = assertThrows(EmbeddingException.class,
                () -> EmbeddingLookup.vectors(model, new int[] {5, 101}, false));
        assertTrue(ex.getMessage().contains("101"), ex.getMessage());
    }
}
