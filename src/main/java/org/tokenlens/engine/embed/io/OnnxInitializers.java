package org.tokenlens.engine.embed.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

/**
 * Reads named initializers (weights) out of an ONNX model in one forward pass, reading only ModelProto.graph
 * (field 7) → GraphProto.initializer (field 5) → TensorProto dims (1), data_type (2), float_data (4), name (8),
 * raw_data (9); everything else is skipped unread. Wanted tensors become heap matrices: a stream (a class-path
 * resource inside a jar) cannot be memory-mapped. Lengths are checked against the enclosing message and the
 * declared shape before any array is allocated.
 */
public final class OnnxInitializers {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    // TensorProto.DataType values
    private static final int FLOAT = 1;
    private static final int FLOAT16 = 10;
    private static final int DOUBLE = 11;
    private static final int BFLOAT16 = 16;

    private OnnxInitializers() {
    }

    /**
     * The 2-D initializers named in {@code wanted}, as heap matrices.
     *
     * @throws EmbeddingException if the stream is not a readable ONNX model or a wanted tensor is missing, not
     *                            2-D, of an unsupported type, or its data does not match its shape
     */
    public static Map<String, HeapMatrix> read(InputStream in, String source, Set<String> wanted) {
        ProtoReader r = new ProtoReader(in, source);
        Map<String, HeapMatrix> found = new HashMap<>();
        try {
            for (long tag = r.tagOrEnd(); tag >= 0 && found.size() < wanted.size(); tag = r.tagOrEnd()) {
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (field == MODEL_GRAPH && wire == ProtoReader.LEN) {
                    long n = r.length(Long.MAX_VALUE);
                    long end = r.position() + n;
                    readGraph(r, end, source, wanted, found);
                } else {
                    r.skipField(wire, Long.MAX_VALUE);
                }
            }
        } catch (IOException e) {
            throw new EmbeddingException("cannot read ONNX " + source + ": " + e.getMessage(), e);
        }
        for (String name : wanted) {
            if (!found.containsKey(name)) {
                throw new EmbeddingException(source + ": no initializer '" + name + "' with inline data");
            }
        }
        return found;
    }

    private static void readGraph(ProtoReader r, long end, String source, Set<String> wanted,
                                  Map<String, HeapMatrix> found) throws IOException {
        while (r.position() < end) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == GRAPH_INITIALIZER && wire == ProtoReader.LEN) {
                long n = r.length(end);
                long tensorEnd = r.position() + n;
                readTensor(r, tensorEnd, source, wanted, found);
            } else {
                r.skipField(wire, end);
            }
        }
        checkEnd(r, end, source);
    }

    private static void readTensor(ProtoReader r, long end, String source, Set<String> wanted,
                                   Map<String, HeapMatrix> found) throws IOException {
        long[] dims = new long[0];
        int dataType = 0;
        String name = null;
        while (r.position() < end) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == TENSOR_DIMS && wire == ProtoReader.VARINT) {
                dims = append(dims, r.varint());
            } else if (field == TENSOR_DIMS && wire == ProtoReader.LEN) {
                long n = r.length(end);
                long packedEnd = r.position() + n;
                while (r.position() < packedEnd) {
                    dims = append(dims, r.varint());
                }
                checkEnd(r, packedEnd, source);
            } else if (field == TENSOR_DATA_TYPE && wire == ProtoReader.VARINT) {
                dataType = (int) r.varint();
            } else if (field == TENSOR_NAME && wire == ProtoReader.LEN) {
                long n = r.length(end);
                if (n > 65_536) {
                    throw new IOException("tensor name of " + n + " bytes at byte " + r.position());
                }
                byte[] b = new byte[(int) n];
                r.readFully(b, 0, b.length);
                name = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            } else if ((field == TENSOR_RAW_DATA || field == TENSOR_FLOAT_DATA) && wire == ProtoReader.LEN
                    && name != null && wanted.contains(name) && !found.containsKey(name)) {
                // protobuf writers emit fields in number order, so name (8) precedes raw_data (9) and dims (1)
                // precede both; a writer that reorders them leaves the tensor "missing", reported by the caller
                long n = r.length(end);
                int type = field == TENSOR_FLOAT_DATA ? FLOAT : dataType;
                found.put(name, readData(r, n, type, dims, name, source));
            } else {
                r.skipField(wire, end);
            }
        }
        checkEnd(r, end, source);
    }

    private static HeapMatrix readData(ProtoReader r, long n, int dataType, long[] dims, String name, String source)
            throws IOException {
        String where = source + " tensor '" + name + "'";
        if (dims.length != 2) {
            throw new EmbeddingException(where + " has " + dims.length + " dimensions, expected 2 (rows × dim)");
        }
        DType type = switch (dataType) {
            case FLOAT -> DType.F32;
            case FLOAT16 -> DType.F16;
            case BFLOAT16 -> DType.BF16;
            case DOUBLE -> DType.F64;
            default -> throw new EmbeddingException(where + " has ONNX data type " + dataType
                    + "; only float, float16, bfloat16 and double are read");
        };
        long count = dims[0] * dims[1];
        if (dims[0] > Integer.MAX_VALUE || dims[1] > Integer.MAX_VALUE || dims[1] == 0
                || count >= Integer.MAX_VALUE || n != count * type.bytes()) {
            throw new EmbeddingException(where + ": " + n + " data bytes do not hold " + dims[0] + " × " + dims[1]
                    + " " + type + " values");
        }
        float[] out = new float[(int) count];
        byte[] buf = new byte[1 << 16];
        int perChunk = buf.length / type.bytes();
        for (int i = 0; i < out.length; ) {
            int k = Math.min(perChunk, out.length - i);
            r.readFully(buf, 0, k * type.bytes());
            LittleEndian.decode(buf, type, out, i, k);
            i += k;
        }
        return new HeapMatrix(out, (int) dims[0], (int) dims[1], type, where);
    }

    private static void checkEnd(ProtoReader r, long end, String source) throws IOException {
        if (r.position() != end) {
            throw new IOException("a field runs past its message end at byte " + end + " of " + source);
        }
    }

    private static long[] append(long[] a, long v) {
        if (a.length >= 16) {
            throw new EmbeddingException("a tensor with more than 16 dimensions");
        }
        long[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
