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
    private int[] spriteOffsets = new int[0];
    private int offsetsWidth = -1;
    private Sprite offsetsFor;

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
        int[] full = spriteAlpha(disc, alpha(opacity));
        int[] dim = spriteAlpha(disc, alpha(dimOpacity));
        int[] offsets = offsets(disc);
        double scale = t.scale();
        double tx = t.tx();
        double ty = t.ty();
        int reach = disc.reach;
        int n = points.size();
        for (int i = 0; i < n; i++) {
            double sx = tx + points.x(i) * scale;
            double sy = ty - points.y(i) * scale;
            int[] a = dimmed != null && dimmed[i] ? dim : full;
            int argb = palette[points.category(i) % palette.length];
            // floor via int cast is exact here: the bounds test below has already excluded negatives
            if (sx >= reach && sy >= reach && sx < width - reach && sy < height - reach) {
                blendInside((int) sy * width + (int) sx, offsets, a, argb);
            } else {
                stamp(disc, sx, sy, argb, a);
            }
        }
    }

    /** Draws the given point indices again, opaque, with an outline ring (search matches on top of the rest). */
    void drawOutlined(MapPoints points, MapTransform t, int[] indices, int count, int[] palette, float radius,
                      int outlineArgb) {
        ensureSprites(radius);
        int[] discAlpha = spriteAlpha(disc, 256);
        int[] ringAlpha = spriteAlpha(ring, 256);
        for (int k = 0; k < count; k++) {
            int i = indices[k];
            double sx = t.toScreenX(points.x(i));
            double sy = t.toScreenY(points.y(i));
            stamp(disc, sx, sy, palette[points.category(i) % palette.length], discAlpha);
            stamp(ring, sx, sy, outlineArgb, ringAlpha);
        }
    }

    /** Per-pixel alpha of a sprite at an opacity: coverage × opacity, 0..256. */
    private static int[] spriteAlpha(Sprite sprite, int alpha) {
        int[] out = new int[sprite.coverage.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (sprite.coverage[k] * alpha) >>> 8;
        }
        return out;
    }

    /** The sprite's pixels as offsets into the buffer at the current width (one add per pixel when inside). */
    private int[] offsets(Sprite sprite) {
        if (offsetsWidth != width || offsetsFor != sprite) {
            offsetsWidth = width;
            offsetsFor = sprite;
            spriteOffsets = new int[sprite.dx.length];
            for (int k = 0; k < spriteOffsets.length; k++) {
                spriteOffsets[k] = sprite.dy[k] * width + sprite.dx[k];
            }
        }
        return spriteOffsets;
    }

    private void blendInside(int centre, int[] offsets, int[] alpha, int src) {
        int srcRb = src & 0xFF00FF;
        int srcG = src & 0x00FF00;
        int[] px = pixels;
        for (int k = 0; k < offsets.length; k++) {
            int p = centre + offsets[k];
            int a = alpha[k];
            if (a >= 256) {
                px[p] = src | 0xFF000000;
                continue;
            }
            int d = px[p];
            int inv = 256 - a;
            int rb = ((srcRb * a + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF;
            int g = ((srcG * a + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00;
            px[p] = 0xFF000000 | rb | g;
        }
    }

    private static int alpha(float opacity) {
        return Math.round(Math.max(0f, Math.min(1f, opacity)) * 256);
    }

    /** The general case: a sprite that may cross the border (or be wholly off screen, or at NaN). */
    private void stamp(Sprite sprite, double sx, double sy, int argb, int[] alpha) {
        if (!(sx > -sprite.reach - 1 && sx < width + sprite.reach && sy > -sprite.reach - 1
                && sy < height + sprite.reach)) {
            return;
        }
        int cx = (int) Math.floor(sx);
        int cy = (int) Math.floor(sy);
        int srcRb = argb & 0xFF00FF;
        int srcG = argb & 0x00FF00;
        for (int k = 0; k < sprite.dx.length; k++) {
            int px = cx + sprite.dx[k];
            int py = cy + sprite.dy[k];
            if (px < 0 || py < 0 || px >= width || py >= height) {
                continue;
            }
            int a = alpha[k];
            int p = py * width + px;
            int d = pixels[p];
            int inv = 256 - a;
            int rb = ((srcRb * a + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF;
            int g = ((srcG * a + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00;
            pixels[p] = 0xFF000000 | rb | g;
        }
    }
}
