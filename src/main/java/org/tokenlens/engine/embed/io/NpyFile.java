package org.tokenlens.engine.embed.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

/**
 * NumPy {@code .npy} arrays (format versions 1, 2 and 3): magic {@code \x93NUMPY}, version, a 2- or 4-byte
 * little-endian header length, then a Python dict literal with {@code descr}, {@code fortran_order} and
 * {@code shape}. Only 2-D little-endian float arrays in C order are read, memory-mapped; object arrays
 * ({@code |O}) would need unpickling, which can run arbitrary code, and are refused.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    public static MappedMatrix open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            while (pre.hasRemaining() && ch.read(pre, pre.position()) > 0) {
                // fill what the file has
            }
            byte[] p = pre.array();
            for (int i = 0; i < MAGIC.length; i++) {
                if (pre.position() < 10 || p[i] != MAGIC[i]) {
                    throw new EmbeddingException(file + ": not a .npy file (no \\x93NUMPY magic)");
                }
            }
            int major = p[6];
            long headerLength;
            int lengthBytes;
            if (major == 1) {
                headerLength = pre.getShort(8) & 0xFFFF;
                lengthBytes = 2;
            } else if (major == 2 || major == 3) {
                headerLength = pre.getInt(8) & 0xFFFF_FFFFL;
                lengthBytes = 4;
            } else {
                throw new EmbeddingException(file + ": unknown .npy format version " + major);
            }
            long dataStart = 8 + lengthBytes + headerLength;
            if (dataStart > size || headerLength > 1 << 20) {
                throw new EmbeddingException(file + ": header length " + headerLength + " does not fit in the file ("
                        + size + " bytes)");
            }
            ByteBuffer h = ByteBuffer.allocate((int) headerLength);
            while (h.hasRemaining() && ch.read(h, 8 + lengthBytes + h.position()) > 0) {
                // read the whole header
            }
            // v1/v2 headers are latin-1, v3 UTF-8; the fields we read are ASCII either way
            String header = new String(h.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            return matrix(file, header, dataStart, size);
        } catch (NoSuchFileException e) {
            throw new EmbeddingException("no such file: " + file, e);
        } catch (IOException e) {
            throw new EmbeddingException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MappedMatrix matrix(Path file, String header, long dataStart, long size) {
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new EmbeddingException(file + ": header lacks descr, fortran_order or shape: " + header.strip());
        }
        String descr = d.group(1);
        if (descr.contains("O")) {
            throw new EmbeddingException(file + ": an object array (" + descr + ") holds pickled Python objects,"
                    + " and unpickling can execute code; save a float array instead");
        }
        DType type = switch (descr) {
            case "<f4" -> DType.F32;
            case "<f2" -> DType.F16;
            case "<f8" -> DType.F64;
            default -> throw new EmbeddingException(file + ": dtype '" + descr + "' is not read; use little-endian"
                    + " float32, float16 or float64 ('<f4', '<f2', '<f8')");
        };
        if (f.group(1).equals("True")) {
            throw new EmbeddingException(file + ": fortran_order is True (column-major); save it in C order,"
                    + " e.g. np.save(path, np.ascontiguousarray(a))");
        }
        String[] dims = s.group(1).split(",");
        long[] shape = new long[2];
        int n = 0;
        for (String dim : dims) {
            if (dim.isBlank()) {
                continue;
            }
            if (n == 2 || !dim.strip().matches("\\d{1,18}")) {
                throw new EmbeddingException(file + ": shape (" + s.group(1) + ") is not 2-D (rows, dim)");
            }
            shape[n++] = Long.parseLong(dim.strip());
        }
        if (n != 2 || shape[0] > Integer.MAX_VALUE || shape[1] < 1 || shape[1] > Integer.MAX_VALUE) {
            throw new EmbeddingException(file + ": shape (" + s.group(1) + ") is not 2-D (rows, dim) within 2^31");
        }
        long count = shape[0] * shape[1];
        long bytes = count * type.bytes();
        if (count > Long.MAX_VALUE / 8 || bytes > size - dataStart) {
            throw new EmbeddingException(file + ": shape (" + s.group(1) + ") of " + descr + " needs " + bytes
                    + " bytes, the file has " + (size - dataStart) + " after its header");
        }
        return MappedMatrix.map(file, dataStart, (int) shape[0], (int) shape[1], type,
                String.valueOf(file.getFileName()));
    }
}
