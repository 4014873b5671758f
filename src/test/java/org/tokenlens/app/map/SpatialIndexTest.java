package org.tokenlens.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Picking through the grid must find exactly what a scan of every point on screen finds. */
class SpatialIndexTest {

    /** Index of the point nearest (sx, sy) on screen within radius pixels (ties: lowest index), or -1. */
    private static int bruteForce(double[] screenX, double[] screenY, double sx, double sy, double radius) {
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        double r2 = radius * radius;
        for (int i = 0; i < screenX.length; i++) {
            double dx = screenX[i] - sx;
            double dy = screenY[i] - sy;
            double d = dx * dx + dy * dy;
            if (d <= r2 && d < best) {
                best = d;
                bestIndex = i;
            }
        }
        return bestIndex;
    }

    private static void assertSameNearest(MapPoints p, SpatialIndex index, MapTransform t, Random random,
                                          int queries) {
        int found = 0;
        double[] screenX = new double[p.size()];
        double[] screenY = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            screenX[i] = t.toScreenX(p.x(i));
            screenY[i] = t.toScreenY(p.y(i));
        }
        for (int q = 0; q < queries; q++) {
            double sx;
            double sy;
            if (q % 2 == 0) { // near a point (on screen or not), where the answer is rarely "none"
                int i = random.nextInt(p.size());
                sx = t.toScreenX(p.x(i)) + random.nextGaussian() * 5;
                sy = t.toScreenY(p.y(i)) + random.nextGaussian() * 5;
            } else {
                sx = random.nextDouble() * 1000;
                sy = random.nextDouble() * 700;
            }
            double radius = 1 + random.nextDouble() * 15;
            int expected = bruteForce(screenX, screenY, sx, sy, radius);
            int actual = index.nearest(t.toDataX(sx), t.toDataY(sy), radius / t.scale());
            if (expected < 0) {
                assertEquals(-1, actual, "nothing within " + radius + " px of " + sx + "," + sy);
            } else {
                found++;
                assertTrue(actual >= 0, "missed a point within " + radius + " px of " + sx + "," + sy);
                // equal distance is as good (ties and float rounding between data and screen space)
                double de = Math.hypot(t.toScreenX(p.x(expected)) - sx, t.toScreenY(p.y(expected)) - sy);
                double da = Math.hypot(t.toScreenX(p.x(actual)) - sx, t.toScreenY(p.y(actual)) - sy);
                assertEquals(de, da, 1e-6, "query " + sx + "," + sy + " r=" + radius);
            }
        }
        assertTrue(found > queries / 4, "the queries must hit points often enough to test something: " + found);
    }

    @Test
    void nearestPointMatchesBruteForceUnderRandomPanAndZoom() {
        Random random = new Random(42);
        MapPoints points = SyntheticPoints.clustered(10_000, 3);
        SpatialIndex index = new SpatialIndex();
        index.rebuild(points);
        MapTransform fit = MapTransform.fit(points.minX(), points.minY(), points.maxX(), points.maxY(), 1000, 700, 24);
        for (int view = 0; view < 20; view++) {
            MapTransform t = fit.zoomedAt(Math.pow(2, random.nextDouble() * 8 - 2), random.nextDouble() * 1000,
                    random.nextDouble() * 700).panned(random.nextGaussian() * 300, random.nextGaussian() * 300);
            assertSameNearest(points, index, t, random, 300);
        }
    }

    @Test
    void rebuildingForNewCoordinatesReusesTheIndexCorrectly() {
        Random random = new Random(7);
        MapPoints points = SyntheticPoints.clustered(5_000, 1);
        SpatialIndex index = new SpatialIndex();
        index.rebuild(points);
        for (int iteration = 0; iteration < 5; iteration++) {
            float[] x = new float[points.size()];
            float[] y = new float[points.size()];
            for (int i = 0; i < x.length; i++) {
                // an expanding, drifting layout, like t-SNE's early exaggeration phase
                x[i] = (float) (points.x(i) * (1 + iteration) + random.nextGaussian());
                y[i] = points.y(i) * (1 + iteration) - 40 * iteration;
            }
            points = points.withCoordinates(x, y);
            index.rebuild(points);
            MapTransform t = MapTransform.fit(points.minX(), points.minY(), points.maxX(), points.maxY(),
                    1000, 700, 24);
            assertSameNearest(points, index, t, random, 400);
        }
    }

    @Test
    void skipsNonFiniteAndHandlesDegenerateLayouts() {
        MapPoints p = MapPoints.of(new int[] {10, 11, 12}, new float[] {1, Float.NaN, 1}, new float[] {1, 0, 1},
                null, List.of(), id -> "");
        SpatialIndex index = new SpatialIndex();
        index.rebuild(p);
        assertEquals(0, index.nearest(1, 1, 0.5), "coincident points: the lowest index");
        assertEquals(-1, index.nearest(0, 0, 0.5));
        MapPoints empty = MapPoints.empty();
        index.rebuild(empty);
        assertEquals(-1, index.nearest(0, 0, 100));
    }
}
