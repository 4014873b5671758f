package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UmapTest {

    @Test
    void keepsTheLargestComponentAndMapsItBackToIds() {
        // 120 points near the origin and 40 points far away: every 15-NN stays in its own group
        int n = 160;
        int d = 5;
        Random r = new Random(3);
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                v[i * d + k] = (float) (r.nextGaussian() + (i % 4 == 3 ? 1000 : 0));
            }
        }
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 5000 + 7 * i;
        }
        Projection p = Umap.run(new Points(v, n, d), ids, Umap.Options.defaults().withK(15));
        int[] far = Arrays.stream(ids).filter(id -> ((id - 5000) / 7) % 4 == 3).toArray();
        // Smile keeps the largest connected part of its directed 15-NN graph: never the far group, most of the
        // near group (a few near points no other point lists may be cut off too)
        for (int id : p.ids()) {
            assertTrue(((id - 5000) / 7) % 4 != 3, "kept id " + id + " is from the near group");
        }
        assertTrue(p.ids().length >= 100, "kept " + p.ids().length);
        int[] all = new int[n];
        System.arraycopy(p.ids(), 0, all, 0, p.ids().length);
        System.arraycopy(p.dropped(), 0, all, p.ids().length, p.dropped().length);
        Arrays.sort(all);
        assertArrayEquals(ids, all, "kept and dropped partition the subset");
        assertTrue(Arrays.stream(p.dropped()).boxed().toList().containsAll(Arrays.stream(far).boxed().toList()));
        assertEquals(p.ids().length, p.x().length);
        assertTrue(p.note().contains(p.ids().length + " of 160 points; " + p.dropped().length), p.note());
    }

    @Test
    void indexMappingFollowsSmilesRowNumbers() {
        int[] ids = {10, 20, 30, 40};
        double[][] coords = {{1, 2}, {3, 4}};
        Projection p = Umap.toProjection(new int[] {3, 1}, coords, ids, Umap.Options.defaults());
        assertArrayEquals(new int[] {40, 20}, p.ids());
        assertArrayEquals(new float[] {1, 3}, p.x());
        assertArrayEquals(new int[] {10, 30}, p.dropped());
    }

    @Test
    void tooFewPointsAreExplained() {
        Points p = Clusters.gaussian(20, 4, 2, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Umap.run(p, Clusters.range(20), Umap.Options.defaults()));
        assertEquals("UMAP needs at least 32 points for k = 15 in 2-D (more than k neighbours, and 30 eigenvectors"
                + " for its spectral start): 20", e.getMessage());
        assertEquals("k must be at least 2: 1",
                assertThrows(IllegalArgumentException.class, () -> Umap.Options.defaults().withK(1)).getMessage());
    }
}
