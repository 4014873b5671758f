package org.tokenlens.app.map;

import java.util.Arrays;

/**
 * Rasterises points into an ARGB int buffer: each point is a small anti-aliased disc sprite (coverage computed
 * once per radius) alpha-blended with packed-channel integer arithmetic. This is the whole per-frame cost of a
 * 100k-point map, so it allocates nothing per frame and touches only the sprite's pixels.
 * The buffer stays opaque (the background is painted first), so it is valid as both ARGB and premultiplied ARGB.
 */
final class PointRaster {
    private int width;
    private int height;
    private int[] pixels = new int[0];

    private float spriteRadius = -1;
    private Sprite disc;
    private Sprite ring;

    /** A sprite: pixel offsets from the centre with a coverage 0..256 each. */
    private record Sprite(int[] dx, int[] dy, int[] coverage, int reach) {
        /** Coverage of the annulus inner..outer around a pixel centre, by 4×4 supersampling. */
        static Sprite annulus(double inner, double outer) {
            int reach = (int) Math.ceil(outer);
            int side = 2 * reach + 1;
            int[] dx = new int[side * side];
            int[] dy = new int[side * side];
            int[] cov = new int[side * side];
            int n = 0;
            for (int py = -reach; py <= reach; py++) {
                for (int px = -reach; px <= reach; px++) {
                    int hits = 0;
                    for (int sy = 0; sy < 4; sy++) {
                        for (int sx = 0; sx < 4; sx++) {
                            double ox = px - 0.5 + (sx + 0.5) / 4;
                            double oy = py - 0.5 + (sy + 0.5) / 4;
                            double d = Math.sqrt(ox * ox + oy * oy);
                            if (d <= outer && d >= inner) {
                                hits++;
                            }
                        }
                    }
                    if (hits > 0) {
                        dx[n] = px;
                        dy[n] = py;
                        cov[n] = hits * 16;
                        n++;
                    }
                }
            }
            return new Sprite(Arrays.copyOf(dx, n), Arrays.copyOf(dy, n), Arrays.copyOf(cov, n), reach);
        }
    }

    /**
     * Makes the buffer exactly width × height (the skin wraps it in a PixelBuffer, so it is drawn into in place and
     * never copied); a no-op when the size is unchanged.
     */
    void resize(int w, int h) {
        width = Math.max(0, w);
        height = Math.max(0, h);
        if (pixels.length != width * height) {
            pixels = new int[width * height];
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The buffer, row-major, width·height entries. */
    int[] pixels() {
        return pixels;
    }

    void clear(int argb) {
        Arrays.fill(pixels, 0, width * height, argb | 0xFF000000);
    }

    private void ensureSprites(float radius) {
        if (radius != spriteRadius) {
            spriteRadius = radius;
            disc = Sprite.annulus(0, radius);
            ring = Sprite.annulus(radius + 0.8, radius + 2.2);
        }
    }

    /**
     * Draws every point in its category's colour at {@code opacity}; where {@code dimmed} is non-null, points with
     * {@code dimmed[i]} use {@code dimOpacity} instead.
     */
    void drawPoints(MapPoints points, MapTransform t, int[] palette, float radius, float opacity,
                    boolean[] dimmed, float dimOpacity) {
        ensureSprites(radius);
        int full = alpha(opacity);
        int dim = alpha(dimOpacity);
        double scale = t.scale();
        double tx = t.tx();
        double ty = t.ty();
        int n = points.size();
        for (int i = 0; i < n; i++) {
            double sx = tx + points.x(i) * scale;
            double sy = ty - points.y(i) * scale;
            int a = dimmed != null && dimmed[i] ? dim : full;
            stamp(disc, sx, sy, palette[points.category(i) % palette.length], a);
        }
    }

    /** Draws the given point indices again, opaque, with an outline ring (search matches on top of the rest). */
    void drawOutlined(MapPoints points, MapTransform t, int[] indices, int count, int[] palette, float radius,
                      int outlineArgb) {
        ensureSprites(radius);
        for (int k = 0; k < count; k++) {
            int i = indices[k];
            double sx = t.toScreenX(points.x(i));
            double sy = t.toScreenY(points.y(i));
            stamp(disc, sx, sy, palette[points.category(i) % palette.length], 256);
            stamp(ring, sx, sy, outlineArgb, 256);
        }
    }

    private static int alpha(float opacity) {
        return Math.round(Math.max(0f, Math.min(1f, opacity)) * 256);
    }

    private void stamp(Sprite sprite, double sx, double sy, int argb, int alpha) {
        if (!(sx > -sprite.reach - 1 && sx < width + sprite.reach && sy > -sprite.reach - 1
                && sy < height + sprite.reach)) {
            return; // off screen, or NaN
        }
        int cx = (int) Math.floor(sx);
        int cy = (int) Math.floor(sy);
        int[] dx = sprite.dx;
        int[] dy = sprite.dy;
        int[] cov = sprite.coverage;
        int src = argb;
        int srcRb = src & 0xFF00FF;
        int srcG = src & 0x00FF00;
        int r = sprite.reach;
        boolean inside = cx >= r && cy >= r && cx < width - r && cy < height - r;
        int w = width;
        for (int k = 0; k < dx.length; k++) {
            int px = cx + dx[k];
            int py = cy + dy[k];
            if (!inside && (px < 0 || py < 0 || px >= w || py >= height)) {
                continue;
            }
            int a = (cov[k] * alpha) >>> 8;
            int p = py * w + px;
            int d = pixels[p];
            int inv = 256 - a;
            int rb = ((srcRb * a + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF;
            int g = ((srcG * a + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00;
            pixels[p] = 0xFF000000 | rb | g;
        }
    }
}
