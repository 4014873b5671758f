package org.tokenlens.engine.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TsneTest {

    private static final Points DATA = Clusters.gaussian(600, 20, 6, 3, 7);
    private static final int[] IDS = Clusters.range(600);

    private static Tsne.Options bh(int iterations) {
        return Tsne.Options.defaults().withAlgorithm(Tsne.Algorithm.BARNES_HUT).withIterations(iterations)
                .withPerplexity(20);
    }

    @Test
    void sameSeedAndOptionsGiveTheSameCoordinatesWithOneOrTwoThreads() {
        Projection one = Tsne.run(DATA, IDS, bh(300).withThreads(1).withInit(Tsne.Init.RANDOM).withSeed(3), null,
                null);
        Projection two = Tsne.run(DATA, IDS, bh(300).withThreads(2).withInit(Tsne.Init.RANDOM).withSeed(3), null,
                null);
        assertArrayEquals(one.x(), two.x());
        assertArrayEquals(one.y(), two.y());
        assertEquals(one.klDivergence(), two.klDivergence());
        Projection other = Tsne.run(DATA, IDS, bh(300).withThreads(2).withInit(Tsne.Init.RANDOM).withSeed(4),
                null, null);
        assertTrue(other.x()[0] != one.x()[0], "another seed starts elsewhere");
    }

    @Test
    void optionsNameTheIllegalValue() {
        Tsne.Options d = Tsne.Options.defaults();
        assertEquals("perplexity must be in (1, n/3): 0.5",
                assertThrows(IllegalArgumentException.class, () -> d.withPerplexity(0.5)).getMessage());
        assertEquals("iterations must be at least 1: 0",
                assertThrows(IllegalArgumentException.class, () -> d.withIterations(0)).getMessage());
        assertEquals("threads must be at least 1: 0",
                assertThrows(IllegalArgumentException.class, () -> d.withThreads(0)).getMessage());
        assertEquals("theta must be in [0, 1]: 1.5", assertThrows(IllegalArgumentException.class,
                () -> new Tsne.Options(30, 1000, Double.NaN, 12, 250, 1.5, 1, Tsne.Init.PCA,
                        Tsne.Algorithm.AUTO, 1, 10)).getMessage());
        assertEquals("perplexity must be in (1, n/3): 250.0 for n = 600", assertThrows(
                IllegalArgumentException.class, () -> Tsne.run(DATA, IDS, d.withPerplexity(250), null, null))
                .getMessage());
        assertEquals(Math.max(600 / 12.0 / 4, 50), d.learningRate(600));
        assertEquals(30522 / 12.0 / 4, d.learningRate(30522));
    }

    @Test
    void listenerSeesEveryReportAndKlFallsAfterExaggeration() {
        List<Integer> seen = new ArrayList<>();
        List<Double> kls = new ArrayList<>();
        Projection p = Tsne.run(DATA, IDS, bh(400).withReportEvery(100), (it, x, y, kl) -> {
            assertEquals(600, x.length);
            seen.add(it);
            kls.add(kl);
        }, null);
        assertEquals(List.of(100, 200, 300, 400), seen);
        assertTrue(kls.get(3) < kls.get(2), "KL falls once exaggeration stops: " + kls);
        assertTrue(Math.abs(p.klDivergence() - kls.get(3)) < 0.05, p.klDivergence() + " vs " + kls);
    }

    @Test
    void cancellationStopsWithinAnIteration() {
        AtomicInteger calls = new AtomicInteger();
        boolean[] cancel = {false};
        CancellationException e = assertThrows(CancellationException.class, () -> Tsne.run(DATA, IDS,
                bh(1000).withReportEvery(10), (it, x, y, kl) -> {
                    calls.incrementAndGet();
                    if (it == 50) {
                        cancel[0] = true;
                    }
                }, () -> cancel[0]));
        assertEquals("t-SNE cancelled at iteration 50", e.getMessage());
        assertEquals(5, calls.get());
    }

    @Test
    void barnesHutMatchesSmilesExactTsneOnClusters() {
        Points data = Clusters.gaussian(500, 20, 5, 3, 11);
        int[] ids = Clusters.range(500);
        Tsne.Options o = Tsne.Options.defaults().withIterations(500).withPerplexity(20);
        Projection exact = Tsne.run(data, ids, o.withAlgorithm(Tsne.Algorithm.EXACT), null, null);
        Projection fast = Tsne.run(data, ids, o.withAlgorithm(Tsne.Algorithm.BARNES_HUT), null, null);
        assertEquals("exact (Smile)", exact.parameters().get("algorithm"));
        assertEquals("Barnes-Hut", fast.parameters().get("algorithm"));
        assertTrue(Clusters.neighbourPurity(exact, 5) > 0.98, "Smile separates the clusters");
        assertTrue(Clusters.neighbourPurity(fast, 5) > 0.98, "Barnes-Hut separates the clusters");
        Quality qe = Quality.of(data, exact, 10, 500, 1);
        Quality qf = Quality.of(data, fast, 10, 500, 1);
        assertTrue(qf.knnPreservation() > qe.knnPreservation() - 0.05, qf + " vs " + qe);
        assertTrue(qf.trustworthiness() > qe.trustworthiness() - 0.02, qf + " vs " + qe);
        double kle = ExactKl.of(data, 20, exact);
        double klf = ExactKl.of(data, 20, fast);
        assertTrue(klf < kle * 1.10, "KL of Barnes-Hut " + klf + " within 10% of exact " + kle);
    }

    @Test
    void fftMatchesSmilesExactTsneOnClusters() {
        Points data = Clusters.gaussian(500, 20, 5, 3, 11);
        int[] ids = Clusters.range(500);
        Tsne.Options o = Tsne.Options.defaults().withIterations(500).withPerplexity(20);
        Projection exact = Tsne.run(data, ids, o.withAlgorithm(Tsne.Algorithm.EXACT), null, null);
        Projection fft = Tsne.run(data, ids, o.withAlgorithm(Tsne.Algorithm.FFT), null, null);
        assertEquals("FFT (FIt-SNE)", fft.parameters().get("algorithm"));
        assertTrue(Clusters.neighbourPurity(fft, 5) > 0.98, "FFT separates the clusters");
        Quality qe = Quality.of(data, exact, 10, 500, 1);
        Quality qf = Quality.of(data, fft, 10, 500, 1);
        assertTrue(qf.knnPreservation() > qe.knnPreservation() - 0.05, qf + " vs " + qe);
        assertTrue(qf.trustworthiness() > qe.trustworthiness() - 0.02, qf + " vs " + qe);
        double kle = ExactKl.of(data, 20, exact);
        double klf = ExactKl.of(data, 20, fft);
        assertTrue(klf < kle * 1.10, "KL of FFT " + klf + " within 10% of exact " + kle);
    }

    @Test
    void fftIsDeterministicAcrossThreadCountsAndAutoMixesItWithBarnesHutAboveTheExactLimit() {
        Points data = Clusters.gaussian(2100, 10, 4, 3, 2);
        int[] ids = Clusters.range(2100);
        Tsne.Options o = Tsne.Options.defaults().withIterations(60).withPerplexity(10);
        assertEquals("FFT / Barnes-Hut", Tsne.run(data, ids, o.withIterations(1), null, null).parameters()
                .get("algorithm"));
        o = o.withAlgorithm(Tsne.Algorithm.FFT);
        Projection one = Tsne.run(data, ids, o.withThreads(1), null, null);
        Projection two = Tsne.run(data, ids, o.withThreads(2), null, null);
        assertEquals("FFT (FIt-SNE)", one.parameters().get("algorithm"));
        assertArrayEquals(one.x(), two.x());
        assertArrayEquals(one.y(), two.y());
        assertEquals(one.klDivergence(), two.klDivergence());
    }

    @Test
    void autoPicksExactOnlyForSmallSubsetsWithSmilesSchedule() {
        Points small = Clusters.gaussian(90, 5, 3, 3, 1);
        int[] ids = Clusters.range(90);
        Tsne.Options o = Tsne.Options.defaults().withPerplexity(10).withIterations(260);
        assertEquals("exact (Smile)", Tsne.run(small, ids, o, null, null).parameters().get("algorithm"));
        Tsne.Options shortEarly = new Tsne.Options(10, 260, Double.NaN, 4, 100, 0.5, 1, Tsne.Init.PCA,
                Tsne.Algorithm.AUTO, 1, 50);
        assertEquals("FFT / Barnes-Hut", Tsne.run(small, ids, shortEarly, null, null).parameters()
                .get("algorithm"));
    }

    @Test
    void autoSwitchesFromFftToBarnesHutAsTheMapSpreadsAndIgnoresTheThreadCount() {
        Points data = Clusters.gaussian(2100, 10, 4, 3, 2);
        int[] ids = Clusters.range(2100);
        Tsne.Options o = Tsne.Options.defaults().withIterations(400).withPerplexity(10)
                .withAlgorithm(Tsne.Algorithm.AUTO);
        Projection one = Tsne.run(data, ids, o.withThreads(1), null, null);
        Projection two = Tsne.run(data, ids, o.withThreads(2), null, null);
        assertEquals("FFT / Barnes-Hut", one.parameters().get("algorithm"));
        assertArrayEquals(one.x(), two.x());
        assertArrayEquals(one.y(), two.y());
        assertEquals(one.klDivergence(), two.klDivergence());
        // the same run's repulsion, replayed: narrow during exaggeration (FFT), wide at the end (tree)
        HybridRepulsion h = new HybridRepulsion(0.5, 1);
        double[] start = Tsne.initialLayout(data, o);
        assertTrue(h.useFft(start, 2100), "the 1e-4-wide start goes to the FFT");
        double[] end = new double[2 * 2100];
        for (int i = 0; i < 2100; i++) {
            end[2 * i] = one.x()[i];
            end[2 * i + 1] = one.y()[i];
        }
        assertTrue(!h.useFft(end, 2100), "the spread map goes to the tree");
        assertTrue(Clusters.neighbourPurity(one, 4) > 0.98, "the four clusters separate");
    }

    @Test
    void iterationsOnTheLanesGiveTheSameLayoutAsTheReportingPathWhateverTheThreads() {
        // a listener that hears every iteration sends all of them the pool's way (forces, KL, then the step); none
        // sends them all to the lanes (tasks taken in turn, helpers spinning between iterations); every 7th mixes
        // both, the helpers stopped and started again around each report. AUTO: the FFT and then the tree
        Points data = Clusters.gaussian(2100, 10, 4, 3, 2);
        int[] ids = Clusters.range(2100);
        Tsne.Options o = Tsne.Options.defaults().withIterations(400).withPerplexity(10);
        Projection reported = Tsne.run(data, ids, o.withThreads(2).withReportEvery(1), (it, x, y, kl) -> { },
                null);
        for (int threads = 1; threads <= 3; threads++) {
            Projection lanes = Tsne.run(data, ids, o.withThreads(threads), null, null);
            assertArrayEquals(reported.x(), lanes.x(), threads + " threads");
            assertArrayEquals(reported.y(), lanes.y(), threads + " threads");
            assertEquals(reported.klDivergence(), lanes.klDivergence());
        }
        Projection mixed = Tsne.run(data, ids, o.withThreads(3).withReportEvery(7), (it, x, y, kl) -> { }, null);
        assertArrayEquals(reported.x(), mixed.x());
        assertArrayEquals(reported.y(), mixed.y());
        // Tsne.run computes the PCA start while the pool computes P: the same as starting from it afterwards
        double[] y = Tsne.initialLayout(data, o);
        new SparseTsne(data, o.withThreads(2), new HybridRepulsion(o.theta(), 2)).run(y, null, () -> false);
        for (int i = 0; i < 2100; i++) {
            assertEquals(reported.x()[i], (float) y[2 * i]);
            assertEquals(reported.y()[i], (float) y[2 * i + 1]);
        }
    }

    @Test
    void theVectorApiKernelsGiveTheSameLayoutAsPlainJavaWithOneOrTwoThreads() {
        // both the Barnes-Hut block sums and the step's gains run on the kernels under test
        // above the exact limit, so AUTO runs the FFT while the map is narrow and then the Barnes-Hut blocks
        Points data = Clusters.gaussian(2100, 10, 4, 3, 2);
        Tsne.Options o = Tsne.Options.defaults().withIterations(400).withPerplexity(10);
        assertNotNull(Kernels.vector(), "the tests run with --add-modules jdk.incubator.vector");
        double[] want = null;
        double wantKl = 0;
        for (Kernels k : new Kernels[] {Kernels.SCALAR, Kernels.vector()}) {
            for (int threads = 1; threads <= 2; threads++) {
                Tsne.Options ot = o.withThreads(threads);
                HybridRepulsion h = new HybridRepulsion(ot.theta(), threads, k);
                double[] y = Tsne.initialLayout(data, ot);
                double kl = new SparseTsne(data, ot, h, k).run(y, null, () -> false);
                assertTrue(h.treeCalls > 100, "the tree served " + h.treeCalls + " iterations");
                if (want == null) {
                    want = y;
                    wantKl = kl;
                } else {
                    assertArrayEquals(want, y, k.name() + ", " + threads + " threads");
                    assertEquals(wantKl, kl);
                }
            }
        }
    }
}
