package org.tokenlens.engine.tokenize.pretokenize;

import java.util.List;

/** HF {@code Sequence}: run the pre-tokenizers one after the other. */
public final class SequencePreTokenizer implements PreTokenizer {
    private final List<PreTokenizer> steps;

    public SequencePreTokenizer(List<PreTokenizer> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<PreTokenizer> steps() {
        return steps;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        for (PreTokenizer step : steps) {
            step.preTokenize(s);
        }
    }
}
