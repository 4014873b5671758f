package org.tokenlens.engine.positions;

/**
 * The {@code rope_scaling} block of a Hugging Face config: how a model stretches its rotary frequencies beyond
 * the context it was trained on. Each record holds the block's values with HF's defaults already applied (see
 * {@link RopeConfig#fromJson}); {@link RopeFrequencies} turns them into {@code inv_freq}.
 */
public sealed interface RopeScaling {

    /** The {@code rope_type} string as written in configs. */
    String type();

    /** No scaling: {@code inv_freq_i = base^(−2i/d)}. */
    record None() implements RopeScaling {
        @Override
        public String type() {
            return "default";
        }
    }

    /** Position interpolation (kaiokendev; Chen et al. 2023): every frequency divided by {@code factor}. */
    record Linear(double factor) implements RopeScaling {
        public Linear {
            requirePositive("factor", factor);
        }

        @Override
        public String type() {
            return "linear";
        }
    }

    /**
     * Dynamic NTK (bloc97, emozilla): the base grows with the current sequence length once it exceeds
     * {@code max_position_embeddings}; equal to no scaling up to there.
     */
    record DynamicNtk(double factor) implements RopeScaling {
        public DynamicNtk {
            requirePositive("factor", factor);
        }

        @Override
        public String type() {
            return "dynamic";
        }
    }

    /**
     * YaRN (Peng et al. 2023): NTK-by-parts interpolation between extrapolated (high-frequency) and interpolated
     * (low-frequency) dimensions, plus an attention (mscale) factor on cos/sin.
     *
     * @param attentionFactor    explicit {@code attention_factor}, or null to derive it from mscale
     * @param betaFast           {@code beta_fast} (HF default 32 when absent or 0)
     * @param betaSlow           {@code beta_slow} (HF default 1 when absent or 0)
     * @param mscale             {@code mscale}, 0 when absent (Python falsiness, as HF tests it)
     * @param mscaleAllDim       {@code mscale_all_dim}, 0 when absent
     * @param originalMaxPositionEmbeddings 0 when absent: then the config's {@code max_position_embeddings}
     * @param truncate           floor/ceil the correction range (HF default true)
     */
    record Yarn(double factor, Double attentionFactor, double betaFast, double betaSlow, double mscale,
                double mscaleAllDim, int originalMaxPositionEmbeddings, boolean truncate) implements RopeScaling {
        public Yarn {
            requirePositive("factor", factor);
            requirePositive("beta_fast", betaFast);
            requirePositive("beta_slow", betaSlow);
            if (originalMaxPositionEmbeddings < 0) {
                throw new IllegalArgumentException("original_max_position_embeddings must be ≥ 0: "
                        + originalMaxPositionEmbeddings);
            }
        }

        /** The paper's defaults for a given factor. */
        public static Yarn of(double factor) {
            return new Yarn(factor, null, 32, 1, 0, 0, 0, true);
        }

        @Override
        public String type() {
            return "yarn";
        }
    }

    /**
     * Llama 3.1: long wavelengths divided by {@code factor}, short ones kept, a smooth blend in between.
     */
    record Llama3(double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositionEmbeddings)
            implements RopeScaling {
        public Llama3 {
            requirePositive("factor", factor);
            requirePositive("low_freq_factor", lowFreqFactor);
            if (!(highFreqFactor > lowFreqFactor)) {
                throw new IllegalArgumentException("high_freq_factor must be > low_freq_factor: " + highFreqFactor
                        + " ≤ " + lowFreqFactor);
            }
            if (originalMaxPositionEmbeddings < 1) {
                throw new IllegalArgumentException("original_max_position_embeddings must be ≥ 1: "
                        + originalMaxPositionEmbeddings);
            }
        }

        @Override
        public String type() {
            return "llama3";
        }
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0: " + v);
        }
    }
}
