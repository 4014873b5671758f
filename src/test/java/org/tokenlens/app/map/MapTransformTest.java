package org.tokenlens.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MapTransformTest {

    @Test
    void fitShowsEveryPointInsideThePaddingAndFillsTheTighterAxis() {
        MapPoints p = SyntheticPoints.clustered(3_000, 5);
        double w = 800;
        double h = 500;
        double pad = 24;
        MapTransform t = MapTransform.fit(p.minX(), p.minY(), p.maxX(), p.maxY(), w, h, pad);
        double minSx = Double.MAX_VALUE;
        double maxSx = -Double.MAX_VALUE;
        double minSy = Double.MAX_VALUE;
        double maxSy = -Double.MAX_VALUE;
        for (int i = 0; i < p.size(); i++) {
            double sx = t.toScreenX(p.x(i));
            double sy = t.toScreenY(p.y(i));
            minSx = Math.min(minSx, sx);
            maxSx = Math.max(maxSx, sx);
            minSy = Math.min(minSy, sy);
            maxSy = Math.max(maxSy, sy);
        }
        double eps = 1e-3;
        assertTrue(minSx >= pad - eps && maxSx <= w - pad + eps, minSx + ".." + maxSx);
        assertTrue(minSy >= pad - eps && maxSy <= h - pad + eps, minSy + ".." + maxSy);
        boolean xTight = Math.abs(minSx - pad) < eps && Math.abs(maxSx - (w - pad)) < eps;
        boolean yTight = Math.abs(minSy - pad) < eps && Math.abs(maxSy - (h - pad)) < eps;
        assertTrue(xTight || yTight, "one axis spans the view exactly");
        assertEquals(w / 2, (minSx + maxSx) / 2, eps, "centred");
        assertEquals(h / 2, (minSy + maxSy) / 2, eps, "centred");
        assertTrue(t.toScreenY(p.maxY()) < t.toScreenY(p.minY()), "y points up");
    }

    @Test
    void fitOfOnePointCentresIt() {
        MapTransform t = MapTransform.fit(3, 4, 3, 4, 200, 100, 10);
        assertEquals(100, t.toScreenX(3), 1e-9);
        assertEquals(50, t.toScreenY(4), 1e-9);
    }

    @Test
    void zoomKeepsTheAnchorAndPanMovesByPixels() {
        MapTransform t = new MapTransform(3.5, 120, 80);
        double dataX = t.toDataX(317);
        double dataY = t.toDataY(211);
        MapTransform z = t.zoomedAt(1.7, 317, 211);
        assertEquals(3.5 * 1.7, z.scale(), 1e-12);
        assertEquals(317, z.toScreenX(dataX), 1e-9);
        assertEquals(211, z.toScreenY(dataY), 1e-9);
        MapTransform p = t.panned(10, -5);
        assertEquals(t.toScreenX(2) + 10, p.toScreenX(2), 1e-9);
        assertEquals(t.toScreenY(2) - 5, p.toScreenY(2), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new MapTransform(0, 0, 0));
    }
}
