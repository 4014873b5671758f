package org.tokenlens.engine.tokenize.postprocess;

/**
 * Post-processor (TemplateProcessing, BertProcessing, RobertaProcessing, ByteLevel, Sequence): adds special tokens
 * around a single sequence and may adjust offsets (ByteLevel / Roberta {@code trim_offsets}).
 */
public interface PostProcessor {

    /**
     * Process one sequence. {@code input} holds the model's tokens with offsets into {@code text}; the result is
     * the final token list. When {@code addSpecialTokens} is false, HF still applies offset trimming but inserts
     * no tokens.
     */
    TokenList process(TokenList input, String text, boolean addSpecialTokens);

    /**
     * Whether the result is always the same special tokens before and after the sequence, whose tokens pass
     * unchanged (type ids aside): an edited text then keeps the previous result's specials around its new tokens.
     */
    default boolean wrapsSequence() {
        return false;
    }
}
