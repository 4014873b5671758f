package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class UmapTest {

    /** 120 points near the origin and 40 far away (every 4th point): the 15-NN graph is in two pieces. */
    private static Points twoGroups() {
        int n = 160;
        int d = 5;
        Random r = new Random(3);
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                v[i * d + k] = (float) (r.nextGaussian() + (i % 4 == 3 ? 1000 : 0));
            }
        }
        return new Points(v, n, d);
    }

    @Test
    void laysOutEveryPointWhenTheGraphIsInPieces() {
        // Smile 3.1.1 kept only the near group here (and cut a few near points off too)
        Points data = twoGroups();
        int n = data.n();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 5000 + 7 * i;
        }
        Projection p = Umap.run(data, ids, Umap.Options.defaults().withK(15).withEpochs(200));
        assertArrayEquals(ids, p.ids(), "every point, in the subset's order");
        assertEquals(0, p.dropped().length);
        assertTrue(p.note().contains("2 separate groups") && p.note().contains("all 160 points kept"), p.note());
        // the far group stays apart: every point's nearest projected neighbour is from its own group
        assertEquals(1.0, Clusters.neighbourAgreement(p, i -> i % 4 == 3 ? 1 : 0), 1e-12); // far: i % 4 == 3
        for (float v : p.x()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void placesManyPiecesTinyOnesToo() {
        // 12 groups of 20 points far apart (12 pieces > 2·dim: places from the groups' centroids), and with k = 2
        // 10 far-apart pairs (10 pieces of 2 < 2·dim: spread at random around their places)
        Points groups = Clusters.gaussian(240, 6, 12, 200, 21);
        Projection g = Umap.run(groups, Clusters.range(240), Umap.Options.defaults().withEpochs(100));
        assertEquals(240, g.size());
        assertTrue(g.note().contains("12 separate groups"), g.note());
        assertEquals(1.0, Clusters.neighbourPurity(g, 12), 1e-12);

        float[] v = new float[20 * 3];
        Random r = new Random(8);
        for (int pair = 0; pair < 10; pair++) {
            for (int t = 0; t < 3; t++) {
                double centre = r.nextGaussian() * 100;
                v[(2 * pair) * 3 + t] = (float) centre;
                v[(2 * pair + 1) * 3 + t] = (float) (centre + r.nextGaussian() * 0.1);
            }
        }
        Projection pairs = Umap.run(new Points(v, 20, 3), Clusters.range(20),
                Umap.Options.defaults().withK(2).withEpochs(100));
        assertEquals(20, pairs.size());
        assertTrue(pairs.note().contains("10 separate groups"), pairs.note());
        for (int i = 0; i < 20; i++) {
            assertTrue(Float.isFinite(pairs.x()[i]) && Float.isFinite(pairs.y()[i]));
        }
        // each point's nearest projected neighbour is its partner
        for (int i = 0; i < 20; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 20; j++) {
                double dx = pairs.x()[i] - pairs.x()[j];
                double dy = pairs.y()[i] - pairs.y()[j];
                if (j != i && dx * dx + dy * dy < bestD) {
                    bestD = dx * dx + dy * dy;
                    best = j;
                }
            }
            assertEquals(i ^ 1, best, "partner of " + i);
        }
    }

    @Test
    void separatesGaussianClustersIn2dAnd3d() {
        Points data = Clusters.gaussian(600, 20, 6, 3, 7);
        Projection p2 = Umap.run(data, Clusters.range(600), Umap.Options.defaults().withEpochs(200));
        double purity2 = Clusters.neighbourPurity(p2, 6);
        assertTrue(purity2 >= 0.95, "2-D 1-NN accuracy " + purity2);
        Projection p3 = Umap.run(data, Clusters.range(600), Umap.Options.defaults().withEpochs(200)
                .withDimensions(3));
        assertEquals(3, p3.dimensions());
        assertEquals(600, p3.size());
        double purity3 = Clusters.neighbourPurity(p3, 6);
        assertTrue(purity3 >= 0.95, "3-D 1-NN accuracy " + purity3);
    }

    @Test
    void sameSeedSameCoordinatesWhateverTheThreadCount() {
        Points data = Clusters.gaussian(400, 12, 4, 3, 11);
        Umap.Options o = Umap.Options.defaults().withEpochs(100);
        Projection a = Umap.run(data, Clusters.range(400), o.withThreads(1));
        Projection b = Umap.run(data, Clusters.range(400), o.withThreads(2));
        Projection c = Umap.run(data, Clusters.range(400), o.withThreads(3));
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.x(), c.x());
        assertArrayEquals(a.y(), c.y());
        Projection other = Umap.run(data, Clusters.range(400), o.withSeed(43));
        assertTrue(!java.util.Arrays.equals(a.x(), other.x()), "another seed, another layout");
    }

    @Test
    void cosineMetricIgnoresRowLengths() {
        // scaling a row does not change its angles: the cosine graph, and so the layout, is the same
        Points data = Clusters.gaussian(300, 10, 3, 3, 5);
        float[] scaled = data.values().clone();
        Random r = new Random(2);
        for (int i = 0; i < data.n(); i++) {
            float f = (float) Math.scalb(1.0, r.nextInt(6));  // powers of two: exact in floats
            for (int t = 0; t < data.dim(); t++) {
                scaled[i * data.dim() + t] *= f;
            }
        }
        Umap.Options o = Umap.Options.defaults().withEpochs(50).withMetric(Umap.Metric.COSINE);
        Projection a = Umap.run(data, Clusters.range(300), o);
        Projection b = Umap.run(new Points(scaled, data.n(), data.dim()), Clusters.range(300), o);
        assertEquals("cosine", a.parameters().get("metric"));
        for (int i = 0; i < 300; i++) {
            assertEquals(a.x()[i], b.x()[i], 1e-3);
            assertEquals(a.y()[i], b.y()[i], 1e-3);
        }
    }

    @Test
    void reportsEpochsAndCanBeCancelled() {
        Points data = Clusters.gaussian(200, 8, 4, 3, 1);
        List<Integer> epochs = new ArrayList<>();
        List<float[]> last = new ArrayList<>();
        Projection p = Umap.run(data, Clusters.range(200), Umap.Options.defaults().withEpochs(30).withReportEvery(10),
                (epoch, x, y, z) -> {
                    epochs.add(epoch);
                    last.add(x);
                    assertNull(z);
                }, null);
        assertEquals(List.of(10, 20, 30), epochs);
        assertArrayEquals(p.x(), last.get(2), "the last report is the result");
        int[] seen = {0};
        assertThrows(CancellationException.class, () -> Umap.run(data, Clusters.range(200),
                Umap.Options.defaults().withEpochs(30).withReportEvery(1), (e, x, y, z) -> seen[0]++,
                () -> seen[0] >= 5));
        assertEquals(5, seen[0]);
    }

    @Test
    void tooFewPointsAreExplained() {
        Points p = Clusters.gaussian(15, 4, 2, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Umap.run(p, Clusters.range(15), Umap.Options.defaults()));
        assertEquals("UMAP needs at least 16 points for k = 15 in 2-D (each point's 14 nearest others): 15; lower k"
                + " or project more points", e.getMessage());
        assertEquals("k must be at least 2: 1",
                assertThrows(IllegalArgumentException.class, () -> Umap.Options.defaults().withK(1)).getMessage());
        // the smallest allowed subset works
        Projection small = Umap.run(Clusters.gaussian(16, 4, 2, 3, 1), Clusters.range(16),
                Umap.Options.defaults().withEpochs(20));
        assertEquals(16, small.size());
    }
}
