package org.tokenlens.engine.embed.ops;

/** Which matrix turned vectors back into token scores; the UI and CLI say it, since it changes the meaning. */
public enum OutputSide {
    /** A separate output projection ({@code lm_head.weight}). */
    LM_HEAD("lm_head (separate output embeddings)"),
    /** The input embeddings, because the model ties them to its output ({@code tie_word_embeddings}). */
    TIED("input embeddings (tied to the output)"),
    /**
     * The input embeddings, because the model has no output side at all (a sentence encoder such as MiniLM):
     * an approximation of a language-model head, not the model's own.
     */
    INPUT_FALLBACK("input embeddings (the model has no output side)");

    private final String description;

    OutputSide(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
