package org.tokenlens.engine.tokenize.decode;

import java.util.List;

/**
 * Decoder stage of an HF pipeline (ByteLevel, WordPiece, Metaspace, ByteFallback, Fuse, Strip, Replace,
 * Sequence, BPE/CTC if met). Immutable, thread-safe.
 */
public interface Decoder {

    /** HF's {@code decode_chain}: transforms the list of token strings; the pipeline joins the result. */
    List<String> decodeChain(List<String> tokens);

    /**
     * The raw bytes one vocabulary piece stands for when it sits in the middle of a sequence (not first):
     * {@code Ġhello} → " hello", {@code <0xE6>} → the byte 0xE6 (never U+FFFD), {@code ##s} → "s",
     * {@code ▁the} → " the". Byte-level pieces may be partial UTF-8 characters; that is the point.
     */
    byte[] pieceBytes(String piece);
}
