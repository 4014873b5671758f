package org.tokenlens.engine.positions;

/**
 * The inverse frequencies {@code inv_freq} of a rotary embedding and the attention factor that scales cos/sin,
 * computed as Hugging Face transformers' {@code modeling_rope_utils.py} does for each {@code rope_type}. HF
 * evaluates in float32; we evaluate the same formulas in double, so values agree to float32 rounding (~1e-7
 * relative), which is below anything a plot or a score can show.
 *
 * @param invFreq         {@code θ_i} for each rotated pair i, radians per position
 * @param attentionFactor multiplies cos and sin (YaRN's mscale; 1 for the others)
 * @param description     the type and its parameters, for labels
 */
public record RopeFrequencies(double[] invFreq, double attentionFactor, String description) {

    /** At initialisation length ({@code seq_len = max_position_embeddings}). */
    public static RopeFrequencies of(RopeConfig c) {
        return of(c, c.maxPositionEmbeddings());
    }

    /** For a given current sequence length; only dynamic NTK depends on it. */
    public static RopeFrequencies of(RopeConfig c, int seqLen) {
        int dim = c.rotaryDim();
        double base = c.base();
        RopeScaling s = c.scaling();
        String label = "RoPE " + s.type() + ", θ=" + SinusoidalEncoding.trim(base) + ", rotary dim " + dim;
        if (s instanceof RopeScaling.None) {
            return new RopeFrequencies(defaults(base, dim), 1.0, label);
        }
        if (s instanceof RopeScaling.Linear l) {
            double[] inv = defaults(base, dim);
            for (int i = 0; i < inv.length; i++) {
                inv[i] /= l.factor();
            }
            return new RopeFrequencies(inv, 1.0, label + ", factor " + l.factor());
        }
        if (s instanceof RopeScaling.DynamicNtk n) {
            int max = c.maxPositionEmbeddings();
            int len = Math.max(seqLen, max);
            double scaled = base * Math.pow(n.factor() * len / max - (n.factor() - 1), (double) dim / (dim - 2));
            return new RopeFrequencies(defaults(scaled, dim), 1.0,
                    label + ", factor " + n.factor() + ", seq_len " + len);
        }
        if (s instanceof RopeScaling.Yarn y) {
            return yarn(c, y, label);
        }
        if (s instanceof RopeScaling.Llama3 l) {
            return llama3(base, dim, l, label);
        }
        throw new IllegalStateException("unhandled rope scaling " + s);
    }

    /** {@code 1 / base^(2i/dim)} for {@code i < ceil(dim/2)} (HF: {@code arange(0, dim, 2) / dim}). */
    static double[] defaults(double base, int dim) {
        double[] inv = new double[(dim + 1) / 2];
        for (int i = 0; i < inv.length; i++) {
            inv[i] = 1.0 / Math.pow(base, (2.0 * i) / dim);
        }
        return inv;
    }

    private static RopeFrequencies yarn(RopeConfig c, RopeScaling.Yarn y, String label) {
        int dim = c.rotaryDim();
        double base = c.base();
        double factor = y.factor();
        int originalMax = y.originalMaxPositionEmbeddings() > 0 ? y.originalMaxPositionEmbeddings()
                : c.maxPositionEmbeddings();
        double attention;
        if (y.attentionFactor() != null) {
            attention = y.attentionFactor();
        } else if (y.mscale() != 0 && y.mscaleAllDim() != 0) {
            attention = mscale(factor, y.mscale()) / mscale(factor, y.mscaleAllDim());
        } else {
            attention = mscale(factor, 1);
        }
        // The dimensions whose wavelength fits beta_fast rotations into the original context are extrapolated
        // (kept), those with fewer than beta_slow rotations are interpolated (divided by factor); a ramp between.
        double low = correctionDim(y.betaFast(), dim, base, originalMax);
        double high = correctionDim(y.betaSlow(), dim, base, originalMax);
        if (y.truncate()) {
            low = Math.floor(low);
            high = Math.ceil(high);
        }
        low = Math.max(low, 0);
        high = Math.min(high, dim - 1);
        if (low == high) {
            high += 0.001; // as HF: avoid dividing by zero in the ramp
        }
        double[] inv = new double[(dim + 1) / 2];
        for (int i = 0; i < inv.length; i++) {
            double posFreq = Math.pow(base, (2.0 * i) / dim);
            double extrapolation = 1.0 / posFreq;
            double interpolation = 1.0 / (factor * posFreq);
            double ramp = Math.min(1, Math.max(0, (i - low) / (high - low)));
            double keep = 1 - ramp;
            inv[i] = interpolation * (1 - keep) + extrapolation * keep;
        }
        return new RopeFrequencies(inv, attention, label + ", factor " + factor + ", beta_fast " + y.betaFast()
                + ", beta_slow " + y.betaSlow() + ", attention factor " + attention);
    }

    /** YaRN's {@code get_mscale}: {@code 0.1·mscale·ln(scale) + 1}, or 1 when not scaling up. */
    static double mscale(double scale, double mscale) {
        return scale <= 1 ? 1.0 : 0.1 * mscale * Math.log(scale) + 1.0;
    }

    /** The (fractional) dimension index whose wavelength makes {@code rotations} turns over {@code maxPos}. */
    static double correctionDim(double rotations, int dim, double base, int maxPos) {
        return dim * Math.log(maxPos / (rotations * 2 * Math.PI)) / (2 * Math.log(base));
    }

    private static RopeFrequencies llama3(double base, int dim, RopeScaling.Llama3 l, String label) {
        double[] inv = defaults(base, dim);
        double oldContext = l.originalMaxPositionEmbeddings();
        double lowFreqWavelen = oldContext / l.lowFreqFactor();
        double highFreqWavelen = oldContext / l.highFreqFactor();
        for (int i = 0; i < inv.length; i++) {
            double wavelen = 2 * Math.PI / inv[i];
            if (wavelen > lowFreqWavelen) {
                inv[i] = inv[i] / l.factor();
            } else if (!(wavelen < highFreqWavelen)) {
                double smooth = (oldContext / wavelen - l.lowFreqFactor()) / (l.highFreqFactor() - l.lowFreqFactor());
                inv[i] = (1 - smooth) * inv[i] / l.factor() + smooth * inv[i];
            }
        }
        return new RopeFrequencies(inv, 1.0, label + ", factor " + l.factor() + ", low/high freq factor "
                + l.lowFreqFactor() + "/" + l.highFreqFactor() + ", original context " + l.originalMaxPositionEmbeddings());
    }
}
