package org.tokenlens.engine.positions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * inv_freq of each rope_scaling type against values printed once by {@code rope_golden.py} (next to this file:
 * HF {@code modeling_rope_utils.py}'s formulas in plain Python doubles, run with python3), plus a few identities.
 */
class RopeFrequenciesTest {

    private static final double REL = 1e-12;

    private static void assertAt(double[] actual, int[] idx, double[] expected) {
        for (int k = 0; k < idx.length; k++) {
            assertEquals(expected[k], actual[idx[k]], Math.abs(expected[k]) * REL, "index " + idx[k]);
        }
    }

    private static RopeConfig config(double base, int headDim, int maxPos, RopeScaling s) {
        return new RopeConfig(base, headDim, 1.0, maxPos, s);
    }

    @Test
    void defaultFrequencies() {
        double[] inv = RopeFrequencies.of(RopeConfig.plain(10000, 128)).invFreq();
        assertEquals(64, inv.length);
        assertAt(inv, new int[] {0, 1, 17, 63},
                new double[] {1.0, 0.8659643233600653, 0.08659643233600654, 0.00011547819846894582});
        assertEquals(1.0, RopeFrequencies.of(RopeConfig.plain(10000, 128)).attentionFactor());
    }

    @Test
    void linear() {
        RopeFrequencies f = RopeFrequencies.of(config(10000, 64, 2048, new RopeScaling.Linear(4)));
        assertAt(f.invFreq(), new int[] {0, 5, 31}, new double[] {0.25, 0.059284342641541386, 3.33380358040831e-05});
    }

    @Test
    void dynamicNtkGrowsTheBaseOnlyBeyondMaxPositions() {
        RopeConfig c = config(10000, 128, 4096, new RopeScaling.DynamicNtk(2));
        assertAt(RopeFrequencies.of(c, 8192).invFreq(), new int[] {0, 10, 63},
                new double[] {1.0, 0.1991895119473482, 3.849273282298194e-05});
        assertArrayEquals(RopeFrequencies.of(RopeConfig.plain(10000, 128)).invFreq(), RopeFrequencies.of(c, 100).invFreq());
        assertArrayEquals(RopeFrequencies.of(RopeConfig.plain(10000, 128)).invFreq(), RopeFrequencies.of(c).invFreq());
    }

    @Test
    void yarnAsQwenConfiguresIt() {
        RopeFrequencies f = RopeFrequencies.of(config(1_000_000, 128, 32768, RopeScaling.Yarn.of(4)));
        assertAt(f.invFreq(), new int[] {0, 10, 20, 30, 40, 63}, new double[] {1.0, 0.1154781984689458,
                0.01333521432163324, 0.0010643609812470017, 4.445698525097307e-05, 3.102344401879299e-07});
        assertEquals(1.138629436111989, f.attentionFactor(), 1e-15); // 0.1·ln 4 + 1
    }

    @Test
    void yarnWithOriginalContextAndMscaleAllDim() {
        RopeScaling.Yarn y = new RopeScaling.Yarn(40, null, 32, 1, 1.0, 1.0, 4096, true);
        RopeFrequencies f = RopeFrequencies.of(config(10000, 64, 163840, y));
        assertAt(f.invFreq(), new int[] {0, 8, 12, 16, 31},
                new double[] {1.0, 0.1, 0.026879360111431223, 0.0055, 3.33380358040831e-06});
        assertEquals(1.0, f.attentionFactor(), 1e-15); // mscale / mscale_all_dim = 1
    }

    @Test
    void yarnUntruncatedWithOwnBetasAndMscale() {
        RopeScaling.Yarn y = new RopeScaling.Yarn(8, null, 16, 2, 0.707, 1.0, 0, false);
        RopeFrequencies f = RopeFrequencies.of(config(10000, 64, 2048, y));
        assertAt(f.invFreq(), new int[] {0, 5, 9, 14, 31}, new double[] {1.0, 0.23713737056616555,
                0.07498942093324558, 0.010185027102734768, 1.666901790204155e-05});
        assertEquals(0.9495608824621653, f.attentionFactor(), 1e-15);
        RopeScaling.Yarn explicit = new RopeScaling.Yarn(8, 0.5, 16, 2, 0.707, 1.0, 0, false);
        assertEquals(0.5, RopeFrequencies.of(config(10000, 64, 2048, explicit)).attentionFactor());
    }

    @Test
    void llama3KeepsShortWavelengthsAndDividesLongOnes() {
        RopeFrequencies f = RopeFrequencies.of(config(500000, 128, 131072, new RopeScaling.Llama3(8, 1, 4, 8192)));
        assertAt(f.invFreq(), new int[] {0, 20, 40, 45, 50, 63}, new double[] {1.0, 0.016560440080994446,
                3.428102195952591e-05, 1.2297638677963614e-05, 4.411534674558404e-06, 3.068925988914511e-07});
        // independent of the golden file: below wavelength 2048 unchanged, above 8192 divided by 8
        double[] plain = RopeFrequencies.defaults(500000, 128);
        for (int i = 0; i < 64; i++) {
            double wavelength = 2 * Math.PI / plain[i];
            if (wavelength < 2048) {
                assertEquals(plain[i], f.invFreq()[i], 0);
            } else if (wavelength > 8192) {
                assertEquals(plain[i] / 8, f.invFreq()[i], plain[i] * 1e-15);
            } else {
                assertEquals(true, f.invFreq()[i] < plain[i] && f.invFreq()[i] > plain[i] / 8, "blend " + i);
            }
        }
    }

    @Test
    void partialRotaryFactorShortensTheFrequencyList() {
        RopeConfig neox = new RopeConfig(10000, 128, 0.25, 2048, new RopeScaling.None());
        assertEquals(32, neox.rotaryDim());
        double[] inv = RopeFrequencies.of(neox).invFreq();
        assertEquals(16, inv.length);
        assertEquals(1.0 / Math.pow(10000, 2.0 * 3 / 32), inv[3], 1e-18); // exponent over the rotary dim, not 128
    }
}
