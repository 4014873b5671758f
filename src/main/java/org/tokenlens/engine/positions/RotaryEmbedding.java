package org.tokenlens.engine.positions;

/**
 * RoPE (Su et al. 2021) for one attention head: pair i of the rotated dimensions is turned by
 * {@code position · θ_i}. Rotations keep lengths (up to YaRN's attention factor, which HF multiplies into cos and
 * sin) and compose, so {@code rot(m)q · rot(n)k} depends on {@code m − n} only.
 */
public final class RotaryEmbedding {

    /** Which dimensions form a rotated pair. */
    public enum Layout {
        /**
         * HF's {@code rotate_half} (GPT-NeoX, HF Llama, Qwen, Mistral): pairs {@code (i, i + r/2)}. HF permutes
         * Meta's checkpoints on conversion so that this layout gives the same scores as Meta's.
         */
        ROTATE_HALF("rotate_half pairs (i, i+r/2)"),
        /** The RoFormer paper's, GPT-J's, Meta's original Llama: pairs {@code (2i, 2i+1)}. */
        INTERLEAVED("interleaved pairs (2i, 2i+1)");

        private final String description;

        Layout(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final RopeFrequencies frequencies;
    private final int headDim;
    private final int rotaryDim;
    private final Layout layout;

    public RotaryEmbedding(RopeConfig config, Layout layout) {
        this(RopeFrequencies.of(config), config.headDim(), layout);
    }

    public RotaryEmbedding(RopeFrequencies frequencies, int headDim, Layout layout) {
        int rotary = frequencies.invFreq().length * 2;
        if (rotary > headDim) {
            throw new IllegalArgumentException("rotary dim " + rotary + " exceeds head dim " + headDim);
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must be given");
        }
        this.frequencies = frequencies;
        this.headDim = headDim;
        this.rotaryDim = rotary;
        this.layout = layout;
    }

    public RopeFrequencies frequencies() {
        return frequencies;
    }

    public int headDim() {
        return headDim;
    }

    public int rotaryDim() {
        return rotaryDim;
    }

    public Layout layout() {
        return layout;
    }

    /** Rotation angle of pair {@code pair} at {@code position}, radians. */
    public double angle(int position, int pair) {
        return position * frequencies.invFreq()[pair];
    }

    /** Angles of every pair at positions 0 … positions−1 ({@code positions × rotaryDim/2}), for a heatmap. */
    public FloatMatrix angles(int positions) {
        int pairs = rotaryDim / 2;
        FloatMatrix m = FloatMatrix.zeros(positions, pairs, frequencies.description() + ", rotation angle "
                + "position·θ_i in radians per pair (added to nothing: q and k are rotated)");
        float[] v = m.values();
        double[] inv = frequencies.invFreq();
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < pairs; i++) {
                v[p * pairs + i] = (float) (p * inv[i]);
            }
        }
        return m;
    }

    /**
     * Rotate {@code x[0, headDim)} in place for {@code position}, as HF does: the first {@code rotaryDim}
     * dimensions become {@code x·cos + rotate(x)·sin} with cos and sin multiplied by the attention factor; the
     * rest pass through unchanged.
     */
    public void rotate(float[] x, int position) {
        if (x.length < headDim) {
            throw new IllegalArgumentException("vector length " + x.length + " < head dim " + headDim);
        }
        double[] inv = frequencies.invFreq();
        double scale = frequencies.attentionFactor();
        int half = rotaryDim / 2;
        for (int i = 0; i < half; i++) {
            double a = position * inv[i];
            double c = Math.cos(a) * scale;
            double s = Math.sin(a) * scale;
            int j0 = layout == Layout.ROTATE_HALF ? i : 2 * i;
            int j1 = layout == Layout.ROTATE_HALF ? i + half : 2 * i + 1;
            double x0 = x[j0];
            double x1 = x[j1];
            x[j0] = (float) (x0 * c - x1 * s);
            x[j1] = (float) (x1 * c + x0 * s);
        }
    }

    /** {@code rot(m)q · rot(n)k}: the attention logit before the 1/√d scaling. */
    public double score(float[] q, int m, float[] k, int n) {
        float[] qr = q.clone();
        float[] kr = k.clone();
        rotate(qr, m);
        rotate(kr, n);
        double dot = 0;
        for (int i = 0; i < headDim; i++) {
            dot += (double) qr[i] * kr[i];
        }
        return dot;
    }

    /**
     * The long-range decay curve for all-ones q and k, distances 0 … maxDistance: each rotated pair contributes
     * {@code 2·cos(Δ·θ_i)·attentionFactor²}, each pass-through dimension 1. At distance 0 it equals the head dim
     * (times the factor² on the rotated part); it falls with distance as the pairs dephase.
     */
    public double[] decayAllOnes(int maxDistance) {
        double[] inv = frequencies.invFreq();
        double scale2 = frequencies.attentionFactor() * frequencies.attentionFactor();
        double[] out = new double[maxDistance + 1];
        for (int d = 0; d <= maxDistance; d++) {
            double sum = 0;
            for (double theta : inv) {
                sum += 2 * Math.cos(d * theta);
            }
            out[d] = sum * scale2 + (headDim - rotaryDim);
        }
        return out;
    }

    /**
     * The RoFormer paper's relative upper bound (§3.4.3, Fig. 2): {@code (1/(r/2)) Σ_j |S_j|} with
     * {@code S_j = Σ_{k<j} e^{iΔθ_k}}, for distances 0 … maxDistance.
     */
    public double[] roformerBound(int maxDistance) {
        double[] inv = frequencies.invFreq();
        double[] out = new double[maxDistance + 1];
        for (int d = 0; d <= maxDistance; d++) {
            double re = 0;
            double im = 0;
            double sum = 0;
            for (double theta : inv) {
                re += Math.cos(d * theta);
                im += Math.sin(d * theta);
                sum += Math.hypot(re, im);
            }
            out[d] = sum / inv.length;
        }
        return out;
    }

    /** A label for plots and exports. */
    public String label() {
        return frequencies.description() + ", " + layout.description() + ", head dim " + headDim
                + " (Su et al. 2021)";
    }
}
