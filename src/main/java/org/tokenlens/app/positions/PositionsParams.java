package org.tokenlens.app.positions;

import org.tokenlens.engine.positions.AlibiBias;
import org.tokenlens.engine.positions.PositionSimilarity;
import org.tokenlens.engine.positions.RopeConfig;
import org.tokenlens.engine.positions.RopeScaling;
import org.tokenlens.engine.positions.SinusoidalEncoding;

/**
 * One snapshot of the form, handed to the worker: immutable, so a later edit cannot change a computation under
 * way. {@link #validate()} builds the engine's own option records, so the messages the user sees are the
 * engine's ({@code dim must be even and ≥ 2: 7}), never a second set of rules kept in the UI.
 *
 * @param positions    rows shown (positions 0 … positions−1); ALiBi's matrix is positions × positions
 * @param dim          d_model of the sinusoidal table
 * @param base         sinusoidal base (10000 in the paper)
 * @param ropeBase     RoPE θ ({@code rope_theta})
 * @param context      {@code max_position_embeddings}; the original context for YaRN and llama3
 * @param wrapAngles   show RoPE angles modulo 2π in (−π, π] (the phase each pair is turned to) instead of raw
 * @param head         ALiBi head shown, 0-based
 */
public record PositionsParams(PositionKind kind, int positions, int dim, double base, SinusoidalEncoding.Layout layout,
                              double ropeBase, int headDim, double partialRotary, RopeScalingType scaling,
                              double factor, double lowFreqFactor, double highFreqFactor, double betaFast,
                              double betaSlow, int context, boolean wrapAngles, int heads, int head, boolean causal,
                              PositionSimilarity.Measure measure) {

    /** ALiBi's bias is n × n: beyond this the matrix alone is over 64 MB. */
    public static final int MAX_ALIBI_POSITIONS = 4096;

    /** Throws {@link IllegalArgumentException} with the engine's one-line message for the first bad value. */
    public void validate() {
        switch (kind) {
            case SINUSOIDAL -> sinusoidal();
            case LEARNED -> {
                if (positions < 1) {
                    throw new IllegalArgumentException("positions must be ≥ 1: " + positions);
                }
            }
            case ROPE -> rope();
            case ALIBI -> {
                AlibiBias.slopes(heads);
                if (head < 0 || head >= heads) {
                    throw new IllegalArgumentException("head must be in [0, " + heads + "): " + head);
                }
                if (positions < 1 || positions > MAX_ALIBI_POSITIONS) {
                    throw new IllegalArgumentException("ALiBi positions must be in [1, " + MAX_ALIBI_POSITIONS
                            + "] (the bias is positions × positions): " + positions);
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    SinusoidalEncoding.Options sinusoidal() {
        return new SinusoidalEncoding.Options(positions, dim, base, layout);
    }

    RopeConfig rope() {
        if (positions < 1) {
            throw new IllegalArgumentException("positions must be ≥ 1: " + positions);
        }
        return new RopeConfig(ropeBase, headDim, partialRotary, context, ropeScaling());
    }

    /** The scaling block as an HF config with these values would give it. */
    RopeScaling ropeScaling() {
        return switch (scaling) {
            case DEFAULT -> new RopeScaling.None();
            case LINEAR -> new RopeScaling.Linear(factor);
            case DYNAMIC -> new RopeScaling.DynamicNtk(factor);
            case YARN -> new RopeScaling.Yarn(factor, null, betaFast, betaSlow, 0, 0, 0, true);
            case LLAMA3 -> new RopeScaling.Llama3(factor, lowFreqFactor, highFreqFactor, context);
        };
    }
}
