package org.tokenlens.engine.tokenize;

/**
 * How to encode.
 *
 * @param addSpecialTokens  run the post-processor that inserts special tokens ({@code [CLS]} … {@code [SEP]},
 *                          a BOS token); HF's {@code add_special_tokens}. tiktoken inserts none either way.
 * @param allowSpecialInText whether special-token strings typed in the text become special tokens. HF tokenizers
 *                          always match their added tokens (true); tiktoken treats them as ordinary text unless
 *                          allowed (as {@code encode_ordinary}), so for tiktoken the default is false.
 */
public record EncodeOptions(boolean addSpecialTokens, boolean allowSpecialInText) {
    /** Defaults of the reference implementations: HF adds specials and matches added tokens; tiktoken neither. */
    public static final EncodeOptions DEFAULT = new EncodeOptions(true, true);
    public static final EncodeOptions NO_SPECIAL = new EncodeOptions(false, true);
}
