package org.tokenlens.engine.embed.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The protobuf wire format read forward from a stream, counting bytes so that every length-delimited field can
 * be checked against the message that encloses it before anything is allocated or skipped.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int I64 = 1;
    static final int LEN = 2;
    static final int I32 = 5;

    private final InputStream in;
    private final String source;
    private long position;

    ProtoReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    long position() {
        return position;
    }

    /** Next tag, or -1 at the end of the stream (legal only between top-level fields). */
    long tagOrEnd() throws IOException {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        position++;
        return varintFrom(b);
    }

    long varint() throws IOException {
        return varintFrom(readByte());
    }

    private long varintFrom(int first) throws IOException {
        long result = first & 0x7F;
        int b = first;
        for (int shift = 7; (b & 0x80) != 0; shift += 7) {
            if (shift > 63) {
                throw new IOException("malformed varint at byte " + position + " of " + source);
            }
            b = readByte();
            result |= (long) (b & 0x7F) << shift;
        }
        return result;
    }

    /** A length prefix, checked to fit before {@code end} (the enclosing message's end, or Long.MAX_VALUE). */
    long length(long end) throws IOException {
        long at = position;
        long n = varint();
        if (n < 0 || n > end - position) {
            throw new IOException("field length " + n + " at byte " + at + " of " + source
                    + " runs past its enclosing message");
        }
        return n;
    }

    int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("unexpected end of " + source + " at byte " + position);
        }
        position++;
        return b;
    }

    void readFully(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(dst, off + done, len - done);
            if (n < 0) {
                throw new EOFException("unexpected end of " + source + " at byte " + position);
            }
            done += n;
            position += n;
        }
    }

    void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                // skip may return 0 without being at the end; one read tells the two apart
                readByte();
                s = 1;
            } else {
                position += s;
            }
            left -= s;
        }
    }

    /** Skip the value of a field of wire type {@code wire}. */
    void skipField(int wire, long end) throws IOException {
        switch (wire) {
            case VARINT -> varint();
            case I64 -> skip(8);
            case LEN -> skip(length(end));
            case I32 -> skip(4);
            default -> throw new IOException("unsupported protobuf wire type " + wire + " at byte " + position
                    + " of " + source);
        }
    }
}
