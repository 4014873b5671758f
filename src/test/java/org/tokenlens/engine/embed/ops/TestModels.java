package org.tokenlens.engine.embed.ops;

import java.util.Random;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** The bundled bert-base-uncased tokenizer paired with hand-made matrices. */
final class TestModels {
    static final Tokenizer BERT = new TokenizerRegistry().load("bert-base-uncased");

    private TestModels() {
    }

    /**
     * Random unit rows, one per bert id: by Cauchy–Schwarz each row's largest dot product is with itself (no two
     * random rows are equal), so classifying a token's own vector must give the token back.
     */
    static HeapMatrix selfNearest(int rows, int dim, long seed) {
        Random random = new Random(seed);
        float[][] values = new float[rows][dim];
        for (float[] row : values) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                row[c] = (float) random.nextGaussian();
                s += row[c] * row[c];
            }
            for (int c = 0; c < dim; c++) {
                row[c] = (float) (row[c] / Math.sqrt(s));
            }
        }
        return new HeapMatrix(values);
    }

    static EmbeddingModel model(EmbeddingMatrix input, EmbeddingMatrix output, boolean tied,
                                EmbeddingMatrix positions) {
        return new EmbeddingModel("test", BERT, input, output, tied, positions);
    }
}
