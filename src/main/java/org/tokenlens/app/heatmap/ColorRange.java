package org.tokenlens.app.heatmap;

import java.util.Locale;

/**
 * Which values a {@link Heatmap}'s colours span. Values outside the range saturate at the end colours; hover
 * still reports the true value. {@link Full} is min to max; {@link Percentile} clips the rare extremes (a few
 * outliers at MiniLM's position 0 would otherwise stretch the diverging scale so far that the rest is white);
 * {@link Fixed} is the user's own range. {@link #AUTO} is percentile for the diverging map (signed weights with
 * outliers) and full for the sequential one (similarities, whose diagonal maximum matters).
 */
public sealed interface ColorRange {

    /** Min to max (symmetric about 0 for the diverging map). */
    ColorRange FULL = new Full();
    /** The 99th percentile: {@code ±p99(|v|)} for the diverging map, {@code [p1, p99]} of values otherwise. */
    ColorRange P99 = new Percentile(99);
    /** {@link #P99} for the diverging map, {@link #FULL} for the sequential one. */
    ColorRange AUTO = new Auto();

    static ColorRange percentile(double p) {
        return new Percentile(p);
    }

    static ColorRange fixed(double lo, double hi) {
        return new Fixed(lo, hi);
    }

    /** The range drawn for {@code data} under {@code map}; never empty. */
    float[] resolve(MeanPyramid data, ColorMap map);

    /** A short note for the legend when values are clipped ("clipped at p99"). */
    String clipNote();

    record Full() implements ColorRange {
        @Override
        public float[] resolve(MeanPyramid d, ColorMap map) {
            return map.scale(d.min(), d.max());
        }

        @Override
        public String clipNote() {
            return "";
        }
    }

    /** Clip at percentile {@code p ∈ (50, 100]} of the pyramid's sample (of |v| for the diverging map). */
    record Percentile(double p) implements ColorRange {
        public Percentile {
            if (!(p > 50 && p <= 100)) {
                throw new IllegalArgumentException("percentile must be in (50, 100]: " + p);
            }
        }

        @Override
        public float[] resolve(MeanPyramid d, ColorMap map) {
            if (map.isDiverging()) {
                float m = d.absPercentile(p);
                return m > 0 ? new float[] {-m, m} : map.scale(d.min(), d.max());
            }
            return map.scale(d.percentile(100 - p), d.percentile(p));
        }

        @Override
        public String clipNote() {
            double rounded = Math.rint(p);
            return "clipped at p" + (rounded == p ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p));
        }
    }

    record Fixed(double lo, double hi) implements ColorRange {
        public Fixed {
            if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException("fixed colour range needs finite lo < hi: " + lo + ", " + hi);
            }
        }

        @Override
        public float[] resolve(MeanPyramid d, ColorMap map) {
            return new float[] {(float) lo, (float) hi};
        }

        @Override
        public String clipNote() {
            return "clipped";
        }
    }

    record Auto() implements ColorRange {
        @Override
        public float[] resolve(MeanPyramid d, ColorMap map) {
            return (map.isDiverging() ? P99 : FULL).resolve(d, map);
        }

        @Override
        public String clipNote() {
            return P99.clipNote();
        }
    }
}
