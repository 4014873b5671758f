package org.tokenlens.app.heatmap;

/** One line of a {@link LinePlot}: points {@code (x[i], y[i])} in x order, under a legend name. */
public record Series(String name, double[] x, double[] y) {

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length
                    + " y values");
        }
    }

    /** y against 0, 1, 2, …: a curve over distances or dimension indices. */
    public static Series indexed(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Series(name, x, y);
    }
}
