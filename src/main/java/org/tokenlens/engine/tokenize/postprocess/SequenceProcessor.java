package org.tokenlens.engine.tokenize.postprocess;

import java.util.List;

/** HF's Sequence post-processor: each processor works on the previous one's output, with the same flag. */
final class SequenceProcessor implements PostProcessor {
    private final List<PostProcessor> processors;

    SequenceProcessor(List<PostProcessor> processors) {
        this.processors = List.copyOf(processors);
    }

    @Override
    public TokenList process(TokenList input, String text, boolean addSpecialTokens) {
        TokenList current = input;
        for (PostProcessor p : processors) {
            current = p.process(current, text, addSpecialTokens);
        }
        return current;
    }
}
