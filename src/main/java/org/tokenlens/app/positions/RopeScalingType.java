package org.tokenlens.app.positions;

/** The {@code rope_scaling.rope_type} values of Hugging Face configs that the engine implements. */
public enum RopeScalingType {
    DEFAULT("none (default)"),
    LINEAR("linear (position interpolation)"),
    DYNAMIC("dynamic NTK"),
    YARN("YaRN"),
    LLAMA3("llama3 (Llama 3.1)");

    private final String label;

    RopeScalingType(String label) {
        this.label = label;
    }

    /** Whether the type reads {@code factor}. */
    public boolean hasFactor() {
        return this != DEFAULT;
    }

    /** Whether the type reads {@code low_freq_factor} / {@code high_freq_factor}. */
    public boolean hasFreqFactors() {
        return this == LLAMA3;
    }

    /** Whether the type reads {@code beta_fast} / {@code beta_slow}. */
    public boolean hasBetas() {
        return this == YARN;
    }

    @Override
    public String toString() {
        return label;
    }
}
