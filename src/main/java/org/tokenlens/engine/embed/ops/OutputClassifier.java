package org.tokenlens.engine.embed.ops;

import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * The model's last step run on any vector: logits = output matrix · vector, then the top tokens and their softmax
 * probabilities. The output matrix is {@code lm_head} when the model has one, else the input embeddings — tied by
 * the config, or as a stand-in when the model has no output side; {@link #side()} says which, so a result from a
 * sentence encoder is never presented as a language model's prediction.
 */
public final class OutputClassifier {
    private final EmbeddingModel model;
    private final EmbeddingMatrix output;
    private final OutputSide side;

    public OutputClassifier(EmbeddingModel model) {
        this.model = model;
        if (model.output() == null) {
            output = model.input();
            side = OutputSide.INPUT_FALLBACK;
        } else {
            output = model.output();
            side = model.outputTied() || model.output() == model.input() ? OutputSide.TIED : OutputSide.LM_HEAD;
        }
        if (output.dim() != model.input().dim()) {
            throw new EmbeddingException(model.name() + ": output embeddings have " + output.dim()
                    + " dimensions, input embeddings " + model.input().dim());
        }
    }

    public OutputSide side() {
        return side;
    }

    public EmbeddingMatrix output() {
        return output;
    }

    /** One logit per output row. */
    public float[] logits(float[] vector) {
        return NearestNeighbours.of(output).scores(vector, Metric.DOT);
    }

    /** The top {@code k} tokens for {@code vector}, with probabilities from a softmax over every logit. */
    public Prediction predict(float[] vector, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be ≥ 1: " + k);
        }
        float[] logits = logits(vector);
        TopK top = new TopK(Math.min(k, logits.length));
        for (int i = 0; i < logits.length; i++) {
            if (top.accepts(logits[i], i)) {
                top.offer(logits[i], i);
            }
        }
        float[] topLogits = new float[top.size()];
        int[] ids = top.drainIds(topLogits);
        // log-sum-exp from the maximum, in double: 30k-200k terms of float exp would lose the small ones
        double max = ids.length > 0 ? topLogits[0] : 0;
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        float[] probabilities = new float[ids.length];
        String[] tokens = new String[ids.length];
        Tokenizer tokenizer = model.tokenizer();
        for (int i = 0; i < ids.length; i++) {
            probabilities[i] = (float) (Math.exp(topLogits[i] - max) / sum);
            tokens[i] = ids[i] < tokenizer.vocabSize() ? tokenizer.idToToken(ids[i]) : null;
        }
        return new Prediction(ids, topLogits, probabilities, tokens);
    }

    /**
     * The round trip: encode {@code text} (with the tokenizer's default special tokens unless {@code addSpecial}
     * is false), look up each token's vector (plus its position vector if asked and learned), and classify each
     * back to its top {@code k} tokens.
     */
    public RoundTrip classify(String text, int k, boolean addSpecial, boolean withPositions) {
        Tokenizer tokenizer = model.tokenizer();
        EncodeOptions defaults = tokenizer.defaultOptions();
        Encoding encoding = tokenizer.encode(text,
                new EncodeOptions(defaults.addSpecialTokens() && addSpecial, defaults.allowSpecialInText()));
        float[][] vectors = EmbeddingLookup.vectors(model, encoding, withPositions);
        Prediction[] predictions = new Prediction[vectors.length];
        int[] best = new int[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            predictions[i] = predict(vectors[i], k);
            best[i] = predictions[i].ids()[0];
        }
        String decoded = tokenizer.decode(inVocabulary(best, tokenizer.vocabSize()), true);
        return new RoundTrip(encoding, predictions, best, decoded,
                side, withPositions && EmbeddingLookup.hasLearnedPositions(model));
    }

    /** An lm_head may have padding rows past the vocabulary; they have no text to decode. */
    private static int[] inVocabulary(int[] ids, int vocabSize) {
        int n = 0;
        for (int id : ids) {
            if (id < vocabSize) {
                n++;
            }
        }
        if (n == ids.length) {
            return ids;
        }
        int[] out = new int[n];
        int j = 0;
        for (int id : ids) {
            if (id < vocabSize) {
                out[j++] = id;
            }
        }
        return out;
    }
}
