/**
 * Reading embedding matrices from files. Decisions a newcomer might question:
 * <ul>
 *   <li><b>Memory-mapped, in 1 GB windows of whole rows</b> ({@link org.tokenlens.engine.embed.io.MappedMatrix}):
 *       one {@code MappedByteBuffer} stops at 2 GB, and windows of whole rows make every row read a single
 *       buffer access with no straddling logic. Opening a 1 GB BF16 matrix costs a header parse and a few maps;
 *       the heap holds buffer objects, not data.</li>
 *   <li><b>Bundled MiniLM on the heap</b> ({@link org.tokenlens.engine.embed.io.BundledMiniLm}): the ONNX file is
 *       a deflated jar entry, which cannot be mapped. The first 48 MB of it are inflated once per load (about
 *       1-2 s, dominated by inflation) into 47 MB + 0.8 MB of floats. A cache file would make later loads mappable
 *       but adds a disk copy, a location and staleness rules; not worth it for 47 MB.</li>
 *   <li><b>Our own protobuf reader</b> ({@link org.tokenlens.engine.embed.io.OnnxInitializers}): only four
 *       TensorProto fields are needed; protobuf-java plus the ONNX schema would be a dependency for that.</li>
 *   <li><b>Never unpickle</b>: PyTorch checkpoints and object {@code .npy} arrays are refused with the reason
 *       (pickle runs code) and the alternative (safetensors, plain float arrays).</li>
 *   <li><b>Rows ≥ vocabulary</b>: models pad their matrices (see {@link org.tokenlens.engine.embed.io.HfModelFolder});
 *       fewer rows than ids is always an error.</li>
 * </ul>
 */
package org.tokenlens.engine.embed.io;
