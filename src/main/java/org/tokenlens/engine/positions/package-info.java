/**
 * How transformers tell positions apart, computed from the formulas and read from real weights, each labelled
 * with what it really is.
 *
 * <ul>
 *   <li>{@link org.tokenlens.engine.positions.SinusoidalEncoding}: fixed sinusoids added to the token vectors,
 *       {@code PE(pos, 2i) = sin(pos / base^(2i/d))}, {@code PE(pos, 2i+1) = cos(…)} — Vaswani et al. 2017,
 *       "Attention Is All You Need", §3.5. The paper interleaves sin and cos; tensor2tensor (and many libraries)
 *       concatenate all sines then all cosines. Both layouts are offered and named, because the heatmaps differ.
 *       Large tables are built from exact sines and cosines at anchor rows combined by the angle-addition
 *       formulas, so only a small fraction of the elements need a trigonometric call and nothing drifts.</li>
 *   <li>{@link org.tokenlens.engine.positions.LearnedPositions}: a trained {@code P × d} table added to the
 *       token vectors (BERT/MiniLM {@code position_embeddings}, GPT-2 {@code wpe}, DistilBERT). GPT-2 is often
 *       drawn with a sinusoidal heatmap; its positions are in fact learned, and we label them so.</li>
 *   <li>{@link org.tokenlens.engine.positions.RotaryEmbedding}: RoPE, rotation of each dimension pair of the
 *       query and key by {@code position · θ_i}, {@code θ_i = base^(−2i/d)} — Su et al. 2021, "RoFormer:
 *       Enhanced Transformer with Rotary Position Embedding". Nothing is added to the token vectors; q·k then
 *       depends only on the relative distance. The {@code rope_scaling} variants of Hugging Face configs
 *       (linear, dynamic NTK, YaRN, llama3) follow {@code transformers/modeling_rope_utils.py}
 *       ({@link org.tokenlens.engine.positions.RopeFrequencies}).</li>
 *   <li>{@link org.tokenlens.engine.positions.AlibiBias}: ALiBi, no position vectors at all but a per-head
 *       linear penalty {@code −slope·(i−j)} on attention scores — Press et al. 2021, "Train Short, Test Long:
 *       Attention with Linear Biases Enables Input Length Extrapolation".</li>
 * </ul>
 *
 * Derived views: {@link org.tokenlens.engine.positions.PositionSimilarity} (position-by-position dot and cosine),
 * {@link org.tokenlens.engine.positions.Wavelengths} and {@link org.tokenlens.engine.positions.InputVectors}
 * (token vector + position vector = input vector).
 */
package org.tokenlens.engine.positions;
