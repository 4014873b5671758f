package org.tokenlens.engine.positions;

/**
 * How many positions one full turn of each dimension pair takes: {@code 2π·base^(2i/d)} for sinusoidal and plain
 * RoPE, {@code 2π/θ_i} for any RoPE frequencies. Pairs with a wavelength longer than the context never complete
 * a turn — the dimensions that rope_scaling methods stretch.
 */
public final class Wavelengths {

    private Wavelengths() {
    }

    /** Per pair i &lt; d/2 of a sinusoidal table (or unscaled RoPE with the same base and dim). */
    public static double[] sinusoidal(int dim, double base) {
        new SinusoidalEncoding.Options(1, dim, base, SinusoidalEncoding.Layout.INTERLEAVED); // validates
        double[] out = new double[dim / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = 2 * Math.PI * SinusoidalEncoding.divisor(i, dim, base);
        }
        return out;
    }

    /** Per rotated pair of a rotary embedding. */
    public static double[] rope(RopeFrequencies frequencies) {
        double[] inv = frequencies.invFreq();
        double[] out = new double[inv.length];
        for (int i = 0; i < inv.length; i++) {
            out[i] = 2 * Math.PI / inv[i];
        }
        return out;
    }
}
