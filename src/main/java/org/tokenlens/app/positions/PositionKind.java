package org.tokenlens.app.positions;

/**
 * The ways real models tell positions apart, each with the label the view shows. The labels say what a table
 * is, not what it resembles: a learned table that happens to look periodic is still weights.
 */
public enum PositionKind {
    SINUSOIDAL("sinusoidal (fixed formula, Vaswani et al. 2017)"),
    LEARNED("learned (BERT/MiniLM) — not sinusoidal"),
    ROPE("RoPE — rotary, nothing added (Su et al. 2021)"),
    ALIBI("ALiBi — attention bias, nothing added (Press et al. 2021)");

    private final String label;

    PositionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
