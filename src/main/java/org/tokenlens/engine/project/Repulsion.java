package org.tokenlens.engine.project;

import java.util.concurrent.ForkJoinPool;

/**
 * The repulsive half of the t-SNE gradient: for every point i the unnormalised force
 * {@code Σⱼ wᵢⱼ² (yᵢ − yⱼ)} and the normalisation {@code Z = Σᵢ Σⱼ≠ᵢ wᵢⱼ}, {@code wᵢⱼ = 1 / (1 + |yᵢ − yⱼ|²)}.
 * Implementations: {@link BarnesHutRepulsion} (quadtree), {@link FftRepulsion} (interpolation + FFT) and
 * {@link HybridRepulsion} (either, per call, by a cost model).
 */
interface Repulsion {

    /**
     * @param y     interleaved coordinates (x₀, y₀, x₁, y₁, …) of {@code n} points
     * @param repel receives the force, interleaved like {@code y}
     * @return Z
     */
    double compute(double[] y, int n, double[] repel, ForkJoinPool pool);

    /**
     * The Barnes-Hut repulsion that {@link #compute} would use for these coordinates, for a caller that runs its
     * steps ({@link BarnesHutRepulsion#prepare}, blocks, finish) itself, or null when it would use something else.
     * A repulsion that chooses per call counts the call as made.
     */
    default BarnesHutRepulsion tree(double[] y, int n) {
        return null;
    }
}
