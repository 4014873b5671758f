package org.tokenlens.app.embedding;

import org.tokenlens.engine.project.Projection;

/** The projection methods as people write them (the form's combo, the status line): PCA, t-SNE, UMAP. */
final class MethodNames {
    private MethodNames() {
    }

    static String of(Projection.Method m) {
        if (m == null) {
            return "";
        }
        return switch (m) {
            case PCA -> "PCA";
            case TSNE -> "t-SNE";
            case UMAP -> "UMAP";
        };
    }
}
