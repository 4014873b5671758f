package org.tokenlens.engine.tokenize.pipeline;

import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.postprocess.TokenList;

/**
 * One way an {@link HfTokenizer} re-encodes only the text around an edit, for the pipelines it takes: white-space
 * cuts ({@link WhiteSpaceEdits}), pieces of a resumable split ({@link PieceEdits}), forced cuts
 * ({@link ForcedCutEdits}). Each is equal to a whole encode by construction (each class says why).
 */
interface EditPath {

    /**
     * {@code encode(text)} reusing {@code previous}, the pipeline's default encoding of the text before an edit
     * (not null), whose sequence is its tokens {@code [first, end)} ({@link EditSplice#sequenceRun}). What it kept
     * of {@code previous} is in the result's lineage ({@link Encoding#keptHead}, {@link Encoding#keptTail}); when
     * it falls back to encoding the whole text it returns that encoding, with no lineage, as tiktoken and every
     * other fallback do: callers (the chips, their diff marks) then compare the tokens themselves and find the many
     * a whole encode gives alike, where "kept nothing" would make them redo all.
     */
    Encoding encodeEdited(Encoding previous, int first, int end, String text);

    /**
     * The sequence's tokens before post-processing for a text longer than {@link HfTokenizer#STRETCH}, encoded in
     * stretches cut where this path may cut (the same result, without a normalizer or BPE word building arrays the
     * size of a pasted 5 MB text), or null: the pipeline encodes it whole.
     */
    TokenList sequenceInStretches(String text, boolean matchSpecial);
}
