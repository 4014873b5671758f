package org.tokenlens.engine.project;

/**
 * The loops of the sparse t-SNE that SIMD code speeds up (the Barnes-Hut block sums, the step's gains), in two
 * implementations with the same arithmetic per lane and so the same bits: {@link #SCALAR} in plain Java (C2
 * vectorises part of it on its own), and {@code VectorKernels} on the Vector API, used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and runs 256-bit vectors in hardware. Without that option the
 * vector class is never loaded, and a layout comes out the same either way (decision 0008).
 */
interface Kernels {

    /** Plain Java. */
    Kernels SCALAR = new ScalarKernels();

    /**
     * The Vector API kernels when they can run ({@link #vector}) unless {@code -Dtokenlens.simd=false} switches
     * them off, otherwise {@link #SCALAR}.
     */
    static Kernels best() {
        return Holder.BEST;
    }

    /**
     * The Vector API kernels, or null when the JVM runs without the jdk.incubator.vector module or without
     * 256-bit vectors in hardware.
     */
    static Kernels vector() {
        return Holder.VECTOR;
    }

    /** Loads the vector class only if its module is in the boot layer (reflection: no link from here to it). */
    final class Holder {
        static final Kernels VECTOR = load();
        static final Kernels BEST = VECTOR != null && !"false".equals(System.getProperty("tokenlens.simd"))
                ? VECTOR : SCALAR;

        private Holder() {
        }

        private static Kernels load() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            try {
                Class<?> c = Class.forName("org.tokenlens.engine.project.VectorKernels");
                if (!(Boolean) c.getDeclaredMethod("supported").invoke(null)) {
                    return null;
                }
                return (Kernels) c.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }

    /** Name for diagnostics. */
    String name();

    /**
     * Points the block arrays must have room for beyond the block's own: {@link #barnesHut} may compute (and
     * write sums for) up to this many padding points past {@code m}.
     */
    int padding();

    /**
     * A Barnes-Hut interaction list (x, y, mass of {@code len} entries) applied to the points [0, m) of a block:
     * {@code az[k] = Σ mass·q}, {@code ax[k] = Σ mass·q²·dx}, {@code ay[k] = Σ mass·q²·dy} with
     * {@code dx = px[k] − x}, {@code q = 1 / (1 + dx² + dy²)}, each sum in list order, no fused multiply-add: the
     * same bits in both implementations.
     */
    void barnesHut(float[] px, float[] py, float[] ax, float[] ay, float[] az, int m, float[] lx, float[] ly,
                   float[] lm, int len);

    /**
     * The gains and momentum update of the t-SNE step for coordinates [from, to), element-wise: a gain grows by
     * 0.2 where the gradient's sign differs from the last update's ({@code Math.signum}, so 0 is a sign of its
     * own and NaN differs from everything) and shrinks by 0.8 otherwise, floored at 0.01; then
     * {@code update = momentum · update − (eta · gain) · grad}. The same operations lane by lane in both
     * implementations: the same bits.
     */
    void gains(double[] grads, double[] update, double[] gains, int from, int to, double momentum, double eta);
}
