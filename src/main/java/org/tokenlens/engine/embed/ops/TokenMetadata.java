package org.tokenlens.engine.embed.ops;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * What each id of a vocabulary is, for colouring and filtering a map of it: computed in one pass over the ids into
 * primitive arrays (a 200k vocabulary takes well under a second), read by id.
 *
 * <ul>
 *   <li><b>special</b>: the tokenizer's special tokens ({@code [CLS]}, {@code <|endoftext|>}).</li>
 *   <li><b>byte</b>: the token stands for raw bytes rather than whole characters: a byte-fallback piece
 *       ({@code <0xE6>}) or a piece whose bytes are not complete UTF-8 (a byte-level BPE's single byte 0xE6, half of
 *       a CJK character). {@link #isByteFallback} tells the {@code <0xNN>} form apart.</li>
 *   <li><b>leading space</b>: the piece is marked as starting with a space, {@code Ġ} (byte-level BPE, tiktoken
 *       pieces as shown) or {@code ▁} (SentencePiece), and decodes to a leading space. WordPiece word starts are
 *       not marked (their decoder adds the space); they are the pieces that are not continuations.</li>
 *   <li><b>continuation</b>: a WordPiece piece that continues a word ({@code ##s}; the decoder drops the
 *       {@code ##}).</li>
 *   <li><b>script</b>: the most frequent {@link Character.UnicodeScript} among the decoded text's code points,
 *       not counting COMMON and INHERITED (digits, punctuation, combining marks) unless there is nothing else;
 *       null for byte tokens and empty text, ties to the script seen first.</li>
 *   <li><b>length</b>: UTF-16 chars of the decoded text ({@code ##s} → 1, {@code Ġthe} → 4).</li>
 * </ul>
 * An id the tokenizer has no piece for (a gap in the vocabulary) has no flags, no script and length 0.
 */
public final class TokenMetadata {
    private static final byte SPECIAL = 1;
    private static final byte BYTE = 2;
    private static final byte BYTE_FALLBACK = 4;
    private static final byte LEADING_SPACE = 8;
    private static final byte CONTINUATION = 16;
    private static final byte PRESENT = 32;

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    static {
        if (SCRIPTS.length >= 0xFF) {
            throw new AssertionError("more Unicode scripts than an unsigned byte holds: " + SCRIPTS.length);
        }
    }
    /** Script ordinals are stored as unsigned bytes (Java 17 knows ~160 scripts); 0xFF means none. */
    private static final byte NO_SCRIPT = (byte) 0xFF;

    private final byte[] flags;
    private final byte[] scripts;
    private final int[] lengths;

    private TokenMetadata(byte[] flags, byte[] scripts, int[] lengths) {
        this.flags = flags;
        this.scripts = scripts;
        this.lengths = lengths;
    }

    /** Metadata of every id {@code 0 .. tokenizer.vocabSize() − 1}. */
    public static TokenMetadata of(Tokenizer tokenizer) {
        int n = tokenizer.vocabSize();
        byte[] flags = new byte[n];
        byte[] scripts = new byte[n];
        int[] lengths = new int[n];
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int[] counts = new int[SCRIPTS.length];
        for (int id = 0; id < n; id++) {
            String piece = tokenizer.idToToken(id);
            byte[] bytes = tokenizer.tokenBytes(id);
            if (piece == null || bytes == null) {
                scripts[id] = NO_SCRIPT;
                continue;
            }
            byte f = PRESENT;
            if (tokenizer.isSpecial(id)) {
                f |= SPECIAL;
            }
            String text = decodeWhole(utf8, bytes);
            if (isByteFallbackPiece(piece)) {
                f |= BYTE | BYTE_FALLBACK;
            } else if (text == null) {
                f |= BYTE;
            }
            // the marker counts only where the decoder turns it into a space: a WordPiece vocabulary may hold a
            // literal 'Ġ', and its word-start pieces decode with a space without being marked
            if (!piece.isEmpty() && (piece.charAt(0) == 'Ġ' || piece.charAt(0) == '▁')
                    && bytes.length > 0 && bytes[0] == ' ') {
                f |= LEADING_SPACE;
            }
            // likewise "##" only where the decoder strips it (WordPiece), not GPT-2's literal "####"
            if (piece.length() > 2 && piece.startsWith("##")
                    && !(bytes.length >= 2 && bytes[0] == '#' && bytes[1] == '#')) {
                f |= CONTINUATION;
            }
            flags[id] = f;
            if (text == null) {
                lengths[id] = new String(bytes, StandardCharsets.UTF_8).length();
                scripts[id] = NO_SCRIPT;
            } else {
                lengths[id] = text.length();
                scripts[id] = (f & BYTE) != 0 ? NO_SCRIPT : dominantScript(text, counts);
            }
        }
        return new TokenMetadata(flags, scripts, lengths);
    }

    public int size() {
        return flags.length;
    }

    public boolean isSpecial(int id) {
        return (flags[id] & SPECIAL) != 0;
    }

    public boolean isByte(int id) {
        return (flags[id] & BYTE) != 0;
    }

    public boolean isByteFallback(int id) {
        return (flags[id] & BYTE_FALLBACK) != 0;
    }

    public boolean hasLeadingSpace(int id) {
        return (flags[id] & LEADING_SPACE) != 0;
    }

    public boolean isContinuation(int id) {
        return (flags[id] & CONTINUATION) != 0;
    }

    /** Whether the tokenizer has a piece for this id. */
    public boolean isPresent(int id) {
        return (flags[id] & PRESENT) != 0;
    }

    /** The dominant script, or null (byte tokens, empty text, gaps). */
    public Character.UnicodeScript script(int id) {
        byte s = scripts[id];
        return s == NO_SCRIPT ? null : SCRIPTS[s & 0xFF];
    }

    public int length(int id) {
        return lengths[id];
    }

    /** {@code <0xNN>} with two hex digits, as SentencePiece and HF byte fallback name bytes. */
    static boolean isByteFallbackPiece(String piece) {
        return piece.length() == 6 && piece.startsWith("<0x") && piece.charAt(5) == '>'
                && Character.digit(piece.charAt(3), 16) >= 0 && Character.digit(piece.charAt(4), 16) >= 0;
    }

    /** The bytes as text if they are whole, valid UTF-8; null if they are part of a character or malformed. */
    private static String decodeWhole(CharsetDecoder utf8, byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte dominantScript(String text, int[] counts) {
        Arrays.fill(counts, 0);
        int best = -1;
        int firstCommon = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            int s = script.ordinal();
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                if (firstCommon < 0) {
                    firstCommon = s;
                }
                continue;
            }
            counts[s]++;
            if (best < 0 || counts[s] > counts[best]) {
                best = s;
            }
        }
        if (best < 0) {
            best = firstCommon;
        }
        return best < 0 ? NO_SCRIPT : (byte) best;
    }
}
