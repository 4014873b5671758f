package org.tokenlens.engine.embed.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;

/**
 * Test-side writers for safetensors and npy files. Encoders here are written from the format definitions, not
 * from the readers under test: F16 via Math.getExponent, BF16 as the top half of float bits of values that fit.
 */
final class TestTensors {
    private TestTensors() {
    }

    /** Multiples of 1/8 in [-3.75, 3.75]: exact in F16, BF16, F32 and F64, so every dtype reads back the same. */
    static float value(int row, int col) {
        return ((row * 7 + col * 3) % 61 - 30) / 8f;
    }

    static float[] matrix(int rows, int dim) {
        float[] v = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < dim; c++) {
                v[r * dim + c] = value(r, c);
            }
        }
        return v;
    }

    /** Little-endian bytes of {@code values} in {@code type}; values must be exactly representable. */
    static byte[] encode(DType type, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (type) {
                case F32 -> b.putFloat(v);
                case F64 -> b.putDouble(v);
                case BF16 -> {
                    int bits = Float.floatToIntBits(v);
                    if ((bits & 0xFFFF) != 0) {
                        throw new IllegalArgumentException(v + " is not exact in bf16");
                    }
                    b.putShort((short) (bits >>> 16));
                }
                case F16 -> b.putShort(half(v));
            }
        }
        return b.array();
    }

    /** Normal or zero float → binary16 bits, from the definition (1.m × 2^e). */
    static short half(float v) {
        int sign = v < 0 || (v == 0 && 1 / v < 0) ? 0x8000 : 0;
        float a = Math.abs(v);
        if (a == 0) {
            return (short) sign;
        }
        int e = Math.getExponent(a);
        double mant = (a / Math.scalb(1.0, e) - 1) * 1024;
        if (e < -14 || e > 15 || mant != Math.rint(mant)) {
            throw new IllegalArgumentException(v + " is not a normal exact half");
        }
        return (short) (sign | (e + 15) << 10 | (int) mant);
    }

    record Entry(String dtype, long[] shape, byte[] data) {
    }

    static Entry entry(DType type, int rows, int dim) {
        return new Entry(type.name(), new long[] {rows, dim}, encode(type, matrix(rows, dim)));
    }

    /** A well-formed safetensors file: header padded with spaces to 8 bytes, tensors back to back. */
    static void write(Path file, Map<String, Entry> tensors) throws IOException {
        StringBuilder h = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long at = 0;
        for (Map.Entry<String, Entry> e : tensors.entrySet()) {
            Entry t = e.getValue();
            StringBuilder shape = new StringBuilder();
            for (long d : t.shape()) {
                shape.append(shape.length() == 0 ? "" : ",").append(d);
            }
            h.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"").append(t.dtype()).append("\",\"shape\":[")
                    .append(shape).append("],\"data_offsets\":[").append(at).append(',')
                    .append(at + t.data().length).append("]}");
            at += t.data().length;
        }
        h.append('}');
        while (h.length() % 8 != 0) {
            h.append(' ');
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(h.toString()));
            for (Entry t : tensors.values()) {
                out.write(t.data());
            }
        }
    }

    /** Length prefix + header JSON, for hand-made (also malformed) files. */
    static byte[] header(String json) {
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + j.length).order(ByteOrder.LITTLE_ENDIAN).putLong(j.length).put(j).array();
    }

    static void writeRaw(Path file, String json, byte[] data) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(json));
            out.write(data);
        }
    }

    static Map<String, Entry> tensors(Object... nameThenEntry) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenEntry.length; i += 2) {
            m.put((String) nameThenEntry[i], (Entry) nameThenEntry[i + 1]);
        }
        return m;
    }

    /** A .npy file of the given version with a raw header dict. */
    static void writeNpy(Path file, int version, String dict, byte[] data) throws IOException {
        int lengthBytes = version == 1 ? 2 : 4;
        StringBuilder h = new StringBuilder(dict);
        while ((6 + 2 + lengthBytes + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + hb.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) hb.length);
        } else {
            b.putInt(hb.length);
        }
        b.put(hb).put(data);
        Files.write(file, b.array());
    }
}
