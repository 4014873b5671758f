package org.tokenlens.app.positions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tokenlens.app.heatmap.MatrixSource;
import org.tokenlens.app.heatmap.MeanPyramid;
import org.tokenlens.app.heatmap.Series;
import org.tokenlens.engine.embed.EmbeddingMatrix;
import org.tokenlens.engine.positions.AlibiBias;
import org.tokenlens.engine.positions.FloatMatrix;
import org.tokenlens.engine.positions.LearnedPositions;
import org.tokenlens.engine.positions.PositionSimilarity;
import org.tokenlens.engine.positions.RopeConfig;
import org.tokenlens.engine.positions.RopeFrequencies;
import org.tokenlens.engine.positions.RopeScaling;
import org.tokenlens.engine.positions.RotaryEmbedding;
import org.tokenlens.engine.positions.SinusoidalEncoding;
import org.tokenlens.engine.positions.Wavelengths;

/**
 * Turns form values into what the view draws, by the engine alone (runs on a worker thread; no FX here). The
 * similarity heatmap covers the first {@link #MAX_SIMILARITY} positions: it costs positions² × d.
 */
final class PositionsComputation {

    static final int MAX_SIMILARITY = 512;
    /** ALiBi curves drawn at most; more heads would make an unreadable legend. */
    private static final int MAX_CURVES = 4;

    private PositionsComputation() {
    }

    /** @param learned the bundled model's position table, loaded on first use */
    static PositionsResult compute(PositionsParams p, Supplier<EmbeddingMatrix> learned) {
        p.validate();
        return switch (p.kind()) {
            case SINUSOIDAL -> {
                FloatMatrix m = SinusoidalEncoding.generate(p.sinusoidal());
                double[] w = Wavelengths.sinusoidal(p.dim(), p.base());
                yield vectors(p, m, m.source(), List.of(Series.indexed("wavelength 2π·base^(2i/d)", w)),
                        "dimension pair i", "wavelength (positions)", null);
            }
            case LEARNED -> {
                EmbeddingMatrix table = learned.get();
                String label = PositionKind.LEARNED.label() + ": trained weights " + table.source() + " ["
                        + table.rows() + " × " + table.dim() + "]";
                FloatMatrix m = LearnedPositions.copy(table, p.positions(), label);
                yield vectors(p, m, label, List.of(), "dimension pair i", "wavelength (positions)",
                        "learned positions have no wavelengths: no formula made them");
            }
            case ROPE -> rope(p);
            case ALIBI -> alibi(p);
        };
    }

    /** Kinds that add a position vector: similarity of those vectors and its mean against distance. */
    private static PositionsResult vectors(PositionsParams p, FloatMatrix m, String label, List<Series> spectrum,
            String spectrumX, String spectrumY, String note) {
        MatrixSource main = MatrixSource.of(m.values(), m.rows(), m.dim());
        int n = Math.min(m.rows(), MAX_SIMILARITY);
        FloatMatrix sim = PositionSimilarity.of(m, 0, n, p.measure());
        MatrixSource simSource = MatrixSource.of(sim.values(), n, n);
        String measure = p.measure() == PositionSimilarity.Measure.DOT ? "dot product" : "cosine";
        Series curve = Series.indexed(measure + " of positions i and i+k, mean over i", diagonalMeans(sim.values(), n));
        return new PositionsResult(p, main, MeanPyramid.build(main), label, "position", "dimension", simSource,
                MeanPyramid.build(simSource), measure + " of position vectors 0…" + (n - 1), List.of(curve),
                "relative distance k", measure, spectrum, spectrumX, spectrumY, note, m);
    }

    private static PositionsResult rope(PositionsParams p) {
        RopeConfig config = p.rope();
        // dynamic NTK depends on the current length: the table shown is as long as `positions`
        RopeFrequencies freq = RopeFrequencies.of(config, p.positions());
        RotaryEmbedding rot = new RotaryEmbedding(freq, config.headDim(), RotaryEmbedding.Layout.ROTATE_HALF);
        FloatMatrix angles = rot.angles(p.positions());
        float[] v = angles.values();
        int pairs = rot.rotaryDim() / 2;
        if (p.wrapAngles()) {
            v = new float[v.length]; // from the double angle, not its float rounding: large angles lose the phase
            for (int pos = 0; pos < p.positions(); pos++) {
                for (int i = 0; i < pairs; i++) {
                    v[pos * pairs + i] = (float) wrap(rot.angle(pos, i));
                }
            }
        }
        MatrixSource main = MatrixSource.of(v, p.positions(), pairs);
        String label = rot.label() + (p.wrapAngles() ? "; angle position·θ_i wrapped to (−π, π]"
                : "; angle position·θ_i in radians") + " — q and k are rotated, nothing is added to the tokens";

        double[] decay = rot.decayAllOnes(p.positions() - 1);
        double at0 = decay[0];
        int n = Math.min(p.positions(), MAX_SIMILARITY);
        float[] sim = new float[n * n];
        boolean cosine = p.measure() == PositionSimilarity.Measure.COSINE;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = decay[Math.abs(a - b)];
                sim[a * n + b] = (float) (cosine ? s / at0 : s);
            }
        }
        MatrixSource simSource = MatrixSource.of(sim, n, n);
        List<Series> curves = new ArrayList<>();
        curves.add(Series.indexed(cosine ? "q·k / |q||k|, all-ones q and k" : "q·k, all-ones q and k",
                cosine ? scaled(decay, 1 / at0) : decay));
        List<Series> spectrum = new ArrayList<>();
        spectrum.add(Series.indexed("wavelength 2π/θ_i (" + config.scaling().type() + ")", Wavelengths.rope(freq)));
        if (!(config.scaling() instanceof RopeScaling.None)) {
            RopeConfig plain = new RopeConfig(config.base(), config.headDim(), config.partialRotaryFactor(),
                    config.maxPositionEmbeddings(), new RopeScaling.None());
            RopeFrequencies plainFreq = RopeFrequencies.of(plain);
            spectrum.add(Series.indexed("unscaled", Wavelengths.rope(plainFreq)));
            double[] plainDecay = new RotaryEmbedding(plainFreq, config.headDim(), RotaryEmbedding.Layout.ROTATE_HALF)
                    .decayAllOnes(p.positions() - 1);
            curves.add(Series.indexed("unscaled", cosine ? scaled(plainDecay, 1 / plainDecay[0]) : plainDecay));
        }
        spectrum.add(new Series("context " + config.maxPositionEmbeddings(), new double[] {0, pairs - 1},
                new double[] {config.maxPositionEmbeddings(), config.maxPositionEmbeddings()}));
        return new PositionsResult(p, main, MeanPyramid.build(main), label, "position", "rotated pair i", simSource,
                MeanPyramid.build(simSource), "q·k of all-ones q at position m and k at n (depends on m−n only)"
                + (cosine ? ", normalised" : ""), curves, "relative distance", "score", spectrum,
                "rotated pair i", "wavelength (positions)", null, null);
    }

    private static PositionsResult alibi(PositionsParams p) {
        double[] slopes = AlibiBias.slopes(p.heads());
        FloatMatrix bias = AlibiBias.bias(slopes[p.head()], p.positions(), p.causal());
        float[] v = bias.values().clone();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == Float.NEGATIVE_INFINITY) {
                v[i] = Float.NaN; // drawn grey: masked, not "very negative"
            }
        }
        MatrixSource main = MatrixSource.of(v, p.positions(), p.positions());
        String label = "ALiBi head " + p.head() + " of " + p.heads() + ": " + bias.source()
                + (p.causal() ? "; grey = masked future key" : "") + " — added to attention scores, not to tokens";
        List<Series> curves = new ArrayList<>();
        int step = Math.max(1, (p.heads() + MAX_CURVES - 1) / MAX_CURVES);
        for (int h = 0; h < p.heads(); h += step) {
            double[] y = new double[p.positions()];
            for (int k = 0; k < y.length; k++) {
                y[k] = -slopes[h] * k;
            }
            curves.add(Series.indexed("head " + h + " (slope " + fmt(slopes[h]) + ")", y));
        }
        return new PositionsResult(p, main, MeanPyramid.build(main), label, "query position", "key position", null,
                null, "ALiBi adds no position vectors: there is nothing to compare position by position", curves,
                "distance i − j", "bias", List.of(Series.indexed("slope per head", slopes)), "head", "slope",
                null, null);
    }

    /** Mean of each diagonal k of a symmetric n × n matrix: the score at distance k, averaged over positions. */
    static double[] diagonalMeans(float[] m, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i + k < n; i++) {
                s += m[i * n + i + k];
            }
            out[k] = s / (n - k);
        }
        return out;
    }

    /** Angle in (−π, π]. */
    static double wrap(double a) {
        double r = Math.IEEEremainder(a, 2 * Math.PI);
        return r <= -Math.PI ? r + 2 * Math.PI : r;
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
