package org.tokenlens.app.map;

/**
 * Data → screen: {@code sx = tx + x·scale}, {@code sy = ty − y·scale} (y points up, as in every plot of a
 * projection). One immutable value, so pan and zoom replace the view atomically.
 *
 * @param scale pixels per data unit, > 0
 */
public record MapTransform(double scale, double tx, double ty) {

    public MapTransform {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
    }

    public static final MapTransform IDENTITY = new MapTransform(1, 0, 0);

    public double toScreenX(double x) {
        return tx + x * scale;
    }

    public double toScreenY(double y) {
        return ty - y * scale;
    }

    public double toDataX(double sx) {
        return (sx - tx) / scale;
    }

    public double toDataY(double sy) {
        return (ty - sy) / scale;
    }

    /** Zoom by {@code factor} keeping the data point under screen point (sx, sy) where it is. */
    public MapTransform zoomedAt(double factor, double sx, double sy) {
        return new MapTransform(scale * factor, sx - (sx - tx) * factor, sy - (sy - ty) * factor);
    }

    public MapTransform panned(double dx, double dy) {
        return new MapTransform(scale, tx + dx, ty + dy);
    }

    /**
     * The transform showing the data box [minX, maxX] × [minY, maxY] centred in a width × height view with
     * {@code padding} pixels kept free on every side; a box of zero extent (one point) is shown at scale 1.
     */
    public static MapTransform fit(double minX, double minY, double maxX, double maxY,
                                   double width, double height, double padding) {
        double w = Math.max(1, width - 2 * padding);
        double h = Math.max(1, height - 2 * padding);
        double dx = maxX - minX;
        double dy = maxY - minY;
        double scale;
        if (dx <= 0 && dy <= 0) {
            scale = 1;
        } else if (dx <= 0) {
            scale = h / dy;
        } else if (dy <= 0) {
            scale = w / dx;
        } else {
            scale = Math.min(w / dx, h / dy);
        }
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        return new MapTransform(scale, width / 2 - cx * scale, height / 2 + cy * scale);
    }
}
