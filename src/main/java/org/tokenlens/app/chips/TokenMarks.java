package org.tokenlens.app.chips;

import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * What kind each token is, for chips that mark them distinctly: special, unknown (the tokenizer's unk id) or
 * byte-fallback ({@code <0xE6>}, SentencePiece's way of spelling a character missing from the vocabulary).
 */
public final class TokenMarks {

    public static final byte NORMAL = 0;
    public static final byte SPECIAL = 1;
    public static final byte UNKNOWN = 2;
    public static final byte BYTE_FALLBACK = 3;

    /** The unknown pieces of the common vocabularies (BERT, SentencePiece, some GPT ports). */
    private static final String[] UNK_PIECES = {"[UNK]", "<unk>", "<|unk|>", "<UNK>"};

    private TokenMarks() {
    }

    /**
     * The tokenizer's unknown-token id, or -1. The engine's API has no unk id, so it is found by looking up the
     * usual unknown pieces; a vocabulary that holds one of them uses it as its unknown token.
     */
    public static int unknownId(Tokenizer tokenizer) {
        if (tokenizer == null) {
            return -1;
        }
        for (String piece : UNK_PIECES) {
            int id = tokenizer.tokenToId(piece);
            if (id >= 0) {
                return id;
            }
        }
        return -1;
    }

    /** One mark per token. */
    public static byte[] of(Encoding e, int unknownId) {
        byte[] marks = new byte[e.size()];
        fill(e, unknownId, 0, marks.length, marks);
        return marks;
    }

    /** The marks of tokens {@code [from, to)} into {@code marks}. */
    static void fill(Encoding e, int unknownId, int from, int to, byte[] marks) {
        for (int i = from; i < to; i++) {
            if (e.special()[i]) {
                marks[i] = SPECIAL;
            } else if (unknownId >= 0 && e.ids()[i] == unknownId) {
                marks[i] = UNKNOWN;
            } else if (isByteFallbackPiece(e.tokens()[i])) {
                marks[i] = BYTE_FALLBACK;
            } else {
                marks[i] = NORMAL;
            }
        }
    }

    /** {@code <0xNN>} with two hex digits. */
    public static boolean isByteFallbackPiece(String piece) {
        return piece != null && piece.length() == 6 && piece.startsWith("<0x") && piece.charAt(5) == '>'
                && hex(piece.charAt(3)) && hex(piece.charAt(4));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
