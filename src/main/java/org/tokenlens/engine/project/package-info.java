/**
 * Projections of embedding rows to 2-D (or 3-D) for scatter plots: PCA, t-SNE and UMAP, with quality measures.
 *
 * <p>This is the only package that imports {@code smile.*} (docs/decisions/0003): Smile does PCA's eigen
 * decomposition and BLAS products and the exact t-SNE for small subsets; the Barnes-Hut / FFT optimiser and UMAP
 * are pure Java. Callers see only our types
 * ({@link org.tokenlens.engine.project.Projection}, {@link org.tokenlens.engine.project.Subset}, the options
 * records), so a faster implementation can replace Smile without touching the CLI or the app.
 *
 * <h2>Methods</h2>
 * <ul>
 * <li><b>PCA</b> — covariance (a BLAS {@code AᵀA}) and a symmetric eigen decomposition (LAPACK through Smile);
 *     I.T. Jolliffe, <i>Principal Component Analysis</i>, 2002.</li>
 * <li><b>t-SNE</b> — L.J.P. van der Maaten and G.E. Hinton, <i>Visualizing Data using t-SNE</i>, JMLR 9, 2008.
 *     Exact (Smile's {@code TSNE}, O(n²) time and 24·n² bytes) for small n; for large n our own
 *     <b>Barnes-Hut t-SNE</b>: L.J.P. van der Maaten, <i>Accelerating t-SNE using Tree-Based Algorithms</i>,
 *     JMLR 15, 2014 — input similarities on the 3·perplexity exact nearest neighbours only, repulsion summarised by
 *     a quadtree whose cells count as one body when {@code side / distance < θ}, walked per group of points
 *     (J. Barnes, <i>A modified tree code: don't laugh; it runs</i>, J. Comput. Phys. 87, 1990). Defaults follow
 *     openTSNE and scikit-learn: learning rate {@code max(n / exaggeration / 4, 50)} (Belkina et al.,
 *     <i>Automated optimized parameters for t-SNE</i>, Nat. Commun. 10, 2019) and a PCA initialisation scaled to
 *     standard deviation 1e-4 (Kobak and Berens, <i>The art of using t-SNE for single-cell transcriptomics</i>,
 *     Nat. Commun. 10, 2019). While the map is narrow (early exaggeration keeps it about 1 unit wide) the
 *     repulsion is <b>FFT-accelerated interpolation</b> instead, chosen per iteration by a cost model: G.C.
 *     Linderman, M. Rachh, J.G. Hoskins, S. Steinerberger and Y. Kluger, <i>Fast interpolation-based t-SNE for
 *     improved visualization of single-cell RNA-seq data</i>, Nat. Methods 16, 2019 (FIt-SNE: 3 nodes per box;
 *     as the only repulsion, openTSNE's ≥ 50 boxes of ≤ 1 unit; in the per-iteration choice, ≥ 4 boxes of ≤ ½
 *     unit), with our own radix-2 FFT; exact k-NN by triangular BLAS blocks; the perplexity calibration by
 *     safeguarded Newton steps.</li>
 * <li><b>UMAP</b> — L. McInnes, J. Healy and J. Melville, <i>UMAP: Uniform Manifold Approximation and
 *     Projection for Dimension Reduction</i>, arXiv:1802.03426, 2018; our own after umap-learn (exact k-NN,
 *     fuzzy union, Lanczos spectral start per connected piece, seeded single-thread SGD with negative
 *     sampling). Smile 3.1.1's {@code UMAP} is no longer used: it kept only the part of a directed k-NN graph
 *     that a one-way search reached (862 of 5,000 MiniLM rows).</li>
 * <li><b>Quality</b> — trustworthiness: J. Venna and S. Kaski, <i>Neighborhood preservation in nonlinear
 *     projection methods: an experimental study</i>, ICANN 2001; and the share of k nearest neighbours kept.</li>
 * </ul>
 */
package org.tokenlens.engine.project;
