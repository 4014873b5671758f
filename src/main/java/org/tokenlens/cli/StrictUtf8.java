package org.tokenlens.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads input files as strict UTF-8. A lenient decoder would silently turn bad bytes into U+FFFD and the user
 * would see tokens for text they never wrote; we refuse the file and say where the first bad byte is instead.
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    static String readFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new CliInputException(file + ": is a directory, not a text file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliInputException(file + ": no such file");
        } catch (IOException e) {
            throw new CliInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    /** Decode {@code bytes}; {@code source} names them in the error message. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more UTF-16 units than bytes, so one pass fills this buffer without overflow.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new CliInputException(source + ": invalid UTF-8 at byte offset " + in.position()
                    + " (byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF) + ")");
        }
        if (result.isOverflow()) {
            // Cannot happen (see above); fail loudly rather than truncate.
            throw new IllegalStateException(new CharacterCodingException());
        }
        out.flip();
        return out.toString();
    }
}
