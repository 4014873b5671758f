package org.tokenlens.engine.tokenize.pipeline;

/**
 * A token matched in the text before the model runs (HF {@code AddedToken}): special tokens such as
 * {@code <|im_start|>} and user-added pieces.
 *
 * @param content    the text to match
 * @param singleWord match only when not inside a word
 * @param lstrip     swallow whitespace on the left
 * @param rstrip     swallow whitespace on the right
 * @param normalized match in the normalized text (true) or the original (false)
 * @param special    a special token (skipped by {@code decode(ids, skipSpecial=true)})
 */
public record AddedToken(String content, boolean singleWord, boolean lstrip, boolean rstrip, boolean normalized,
                         boolean special) {
}
