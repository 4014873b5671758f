package org.tokenlens.engine.embed.ops;

/**
 * The inner loops. Four independent accumulators break the add-latency chain (C2 does not vectorise float
 * reductions because it must keep their order), which is most of the speed of a scalar scan.
 */
final class VectorMath {
    private VectorMath() {
    }

    static float dot(float[] a, float[] b, int n) {
        return dot(a, b, 0, n);
    }

    /** Dot of {@code a[0, n)} with {@code flat[offset, offset + n)}. */
    static float dot(float[] a, float[] flat, int offset, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = n & ~3; i < end; i += 4) {
            s0 += a[i] * flat[offset + i];
            s1 += a[i + 1] * flat[offset + i + 1];
            s2 += a[i + 2] * flat[offset + i + 2];
            s3 += a[i + 3] * flat[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * flat[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Squared distance computed from differences, not as |a|² + |b|² − 2a·b: that form cancels catastrophically
     * for near neighbours, exactly the ones whose order matters.
     */
    static float squaredDistance(float[] a, float[] b, int n) {
        return squaredDistance(a, b, 0, n);
    }

    /** Squared distance of {@code a[0, n)} to {@code flat[offset, offset + n)}, summed in the same order. */
    static float squaredDistance(float[] a, float[] flat, int offset, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = n & ~3; i < end; i += 4) {
            float d0 = a[i] - flat[offset + i];
            float d1 = a[i + 1] - flat[offset + i + 1];
            float d2 = a[i + 2] - flat[offset + i + 2];
            float d3 = a[i + 3] - flat[offset + i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            float d = a[i] - flat[offset + i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    static float norm(float[] a, int n) {
        return (float) Math.sqrt(dot(a, a, n));
    }

    /** Cosine from a dot product and the two norms; 0 when either vector is zero. */
    static float cosine(float dot, float normA, float normB) {
        float denominator = normA * normB;
        return denominator == 0 ? 0f : dot / denominator;
    }
}
