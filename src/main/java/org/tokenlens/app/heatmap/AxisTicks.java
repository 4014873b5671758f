package org.tokenlens.app.heatmap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" tick positions (steps of 1, 2 or 5 × 10ⁿ) for a linear axis, and decades for a log axis, with labels
 * that show as many decimals as the step needs. Shared by the on-screen axes and the SVG export so both agree.
 */
public final class AxisTicks {

    private AxisTicks() {
    }

    /** Ticks inside {@code [lo, hi]}, at most about {@code maxTicks} of them. */
    public static double[] linear(double lo, double hi, int maxTicks) {
        if (!(hi > lo) || maxTicks < 1) {
            return new double[] {lo};
        }
        double step = niceStep((hi - lo) / maxTicks);
        double first = Math.ceil(lo / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = first; t <= hi + step * 1e-9; t = first + ticks.size() * step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Integer ticks for cell indices in {@code [lo, hi)} (rows, columns): never a fractional position. */
    public static double[] cells(double lo, double hi, int maxTicks) {
        double[] t = linear(lo, hi, maxTicks);
        if (t.length > 1 && t[1] - t[0] < 1) {
            return linear(Math.ceil(lo), Math.floor(hi), Math.max(1, (int) (Math.floor(hi) - Math.ceil(lo))));
        }
        return t;
    }

    /** Powers of ten inside {@code [lo, hi]} (both > 0); if the range holds none, its ends. */
    public static double[] log10(double lo, double hi) {
        List<Double> ticks = new ArrayList<>();
        for (int e = (int) Math.ceil(Math.log10(lo) - 1e-9); Math.pow(10, e) <= hi * (1 + 1e-9); e++) {
            ticks.add(Math.pow(10, e));
        }
        if (ticks.isEmpty()) {
            return new double[] {lo, hi};
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** A tick label: integers plainly, others with the decimals the spacing needs, huge/tiny ones as 1e6. */
    public static String format(double v, double[] ticks) {
        double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(v);
        double mag = Math.max(Math.abs(ticks[0]), Math.abs(ticks[ticks.length - 1]));
        if (v == 0) {
            return "0";
        }
        if (mag >= 1e6 || mag < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.2g", v).replace("e+0", "e").replace("e-0", "e-")
                    .replace("e+", "e");
        }
        int decimals = step >= 1 || step == 0 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A decade label: 0.01, 1, 1000 plainly, beyond that as a power, 10⁴ or 10⁻⁵. */
    public static String formatLog(double v) {
        int e = (int) Math.round(Math.log10(v));
        if (Math.abs(v - Math.pow(10, e)) > Math.pow(10, e) * 1e-9) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
        if (e >= 0 && e <= 3) {
            return Long.toString(Math.round(v));
        }
        if (e < 0 && e >= -3) {
            return new BigDecimal(v).setScale(-e, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        StringBuilder b = new StringBuilder("10");
        for (char c : Integer.toString(e).toCharArray()) {
            b.append(c == '-' ? '\u207b' : SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }

    private static final String SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
}
