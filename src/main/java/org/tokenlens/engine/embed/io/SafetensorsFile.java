package org.tokenlens.engine.embed.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

/**
 * The header of a {@code .safetensors} file: 8 bytes little-endian header length N, N bytes of JSON mapping
 * tensor names to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the data after the header),
 * plus an optional {@code __metadata__} string map. Opening reads and validates only the header; tensors are
 * memory-mapped on demand.
 *
 * <p>Validated before anything is used: N fits in the file (and under the format's 100 MB header cap), every
 * offset pair lies inside the data, shape × dtype size equals the byte length, and no two tensors overlap. Gaps
 * between tensors are tolerated (the reference library refuses them; they do no harm to a reader).
 */
public final class SafetensorsFile {
    /** The format's own cap (safetensors MAX_HEADER_SIZE): a larger length is corruption, not a big model. */
    static final long MAX_HEADER = 100_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One tensor: dtype as written, shape, and absolute byte range in the file. */
    public record Tensor(String name, String dtype, long[] shape, long start, long end) {
    }

    private final Path file;
    private final Map<String, Tensor> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        this.file = file;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Read and validate the header. */
    public static SafetensorsFile open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new EmbeddingException(file + ": " + size + " bytes is too short for a safetensors header");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.getLong(0);
            if (n < 2 || n > size - 8) {
                throw new EmbeddingException(file + ": header length " + Long.toUnsignedString(n)
                        + " does not fit in the file (" + size + " bytes)");
            }
            if (n > MAX_HEADER) {
                throw new EmbeddingException(file + ": header length " + n + " exceeds the format's 100 MB limit");
            }
            ByteBuffer header = ByteBuffer.allocate((int) n);
            readFully(ch, header, 8);
            return parse(file, new String(header.array(), StandardCharsets.UTF_8), 8 + n, size - 8 - n);
        } catch (NoSuchFileException e) {
            throw new EmbeddingException("no such file: " + file, e);
        } catch (IOException e) {
            throw new EmbeddingException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long at) throws IOException {
        while (dst.hasRemaining()) {
            if (ch.read(dst, at + dst.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static SafetensorsFile parse(Path file, String json, long dataStart, long dataLength) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EmbeddingException(file + ": the header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EmbeddingException(file + ": the header is not a JSON object");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equals("__metadata__")) {
                for (Map.Entry<String, JsonNode> kv : e.getValue().properties()) {
                    metadata.put(kv.getKey(), kv.getValue().asText());
                }
                continue;
            }
            tensors.put(e.getKey(), tensor(file, e.getKey(), e.getValue(), dataStart, dataLength));
        }
        checkOverlaps(file, tensors.values());
        return new SafetensorsFile(file, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
    }

    private static Tensor tensor(Path file, String name, JsonNode node, long dataStart, long dataLength) {
        String where = file + ": tensor '" + name + "'";
        JsonNode dtype = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new EmbeddingException(where + " needs dtype, shape and data_offsets [begin, end]");
        }
        long[] dims = new long[shape.size()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.longValue() < 0) {
                throw new EmbeddingException(where + " has a bad shape " + shape);
            }
            dims[i] = d.longValue();
            count = multiply(count, dims[i], where);
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (!offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber() || begin < 0 || end < begin
                || end > dataLength) {
            throw new EmbeddingException(where + " has data_offsets " + offsets + " outside the data (" + dataLength
                    + " bytes)");
        }
        int size = dtypeSize(dtype.asText());
        if (size > 0 && multiply(count, size, where) != end - begin) {
            throw new EmbeddingException(where + ": shape " + shape + " × " + dtype.asText() + " (" + size
                    + " bytes) is " + count * size + " bytes, but data_offsets span " + (end - begin));
        }
        return new Tensor(name, dtype.asText(), dims, dataStart + begin, dataStart + end);
    }

    private static long multiply(long a, long b, String where) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new EmbeddingException(where + ": shape overflows 64 bits");
        }
    }

    /** Bytes per element of the format's byte-sized dtypes; 0 for ones we do not know (sub-byte, future). */
    static int dtypeSize(String dtype) {
        return switch (dtype) {
            case "BOOL", "U8", "I8", "F8_E4M3", "F8_E5M2", "F8_E8M0" -> 1;
            case "U16", "I16", "F16", "BF16" -> 2;
            case "U32", "I32", "F32" -> 4;
            case "U64", "I64", "F64", "C64" -> 8;
            default -> 0;
        };
    }

    private static void checkOverlaps(Path file, java.util.Collection<Tensor> all) {
        List<Tensor> sorted = new ArrayList<>();
        for (Tensor t : all) {
            if (t.end() > t.start()) {
                sorted.add(t);
            }
        }
        sorted.sort(Comparator.comparingLong(Tensor::start));
        for (int i = 1; i < sorted.size(); i++) {
            Tensor a = sorted.get(i - 1);
            Tensor b = sorted.get(i);
            if (b.start() < a.end()) {
                throw new EmbeddingException(file + ": tensors '" + a.name() + "' and '" + b.name()
                        + "' overlap in the data");
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Tensors by name, in header order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** The {@code __metadata__} strings (e.g. {@code format: pt}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Map a 2-D floating-point tensor as a matrix.
     *
     * @throws EmbeddingException if there is no such tensor, it is not 2-D, or not F32/F16/BF16/F64
     */
    public MappedMatrix matrix(String name) {
        Tensor t = tensors.get(name);
        String where = file + ": tensor '" + name + "'";
        if (t == null) {
            throw new EmbeddingException(file + ": no tensor '" + name + "'");
        }
        if (t.shape().length != 2) {
            throw new EmbeddingException(where + " has shape " + java.util.Arrays.toString(t.shape())
                    + ", expected 2 dimensions (rows × dim)");
        }
        DType type;
        try {
            type = DType.valueOf(t.dtype());
        } catch (IllegalArgumentException e) {
            throw new EmbeddingException(where + " is " + t.dtype() + "; only F32, F16, BF16 and F64 are read");
        }
        if (t.shape()[0] > Integer.MAX_VALUE || t.shape()[1] > Integer.MAX_VALUE || t.shape()[1] == 0) {
            throw new EmbeddingException(where + " has shape " + java.util.Arrays.toString(t.shape())
                    + ": rows and dim must be in [1, 2^31)");
        }
        return MappedMatrix.map(file, t.start(), (int) t.shape()[0], (int) t.shape()[1], type,
                file.getFileName() + ":" + name);
    }
}
