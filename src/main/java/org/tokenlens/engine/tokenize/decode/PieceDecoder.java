package org.tokenlens.engine.tokenize.decode;

/** Base of our decoders: {@link #pieceBytes} runs the stage's mid-sequence rule on a fresh {@link PieceState}. */
abstract class PieceDecoder implements Decoder {

    /** Apply this stage to a piece that sits in the middle of the sequence. */
    abstract void applyMid(PieceState piece);

    @Override
    public final byte[] pieceBytes(String piece) {
        PieceState state = new PieceState(piece);
        applyMid(state);
        return state.result();
    }
}
