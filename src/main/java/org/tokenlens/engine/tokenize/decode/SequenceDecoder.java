package org.tokenlens.engine.tokenize.decode;

import java.util.List;

/** HF's Sequence decoder: each stage's output list is the next stage's input. */
final class SequenceDecoder extends PieceDecoder {
    private final List<PieceDecoder> stages;

    SequenceDecoder(List<PieceDecoder> stages) {
        this.stages = List.copyOf(stages);
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> current = tokens;
        for (PieceDecoder stage : stages) {
            current = stage.decodeChain(current);
        }
        return current;
    }

    @Override
    void applyMid(PieceState piece) {
        for (PieceDecoder stage : stages) {
            if (piece.bytes != null) {
                return;
            }
            stage.applyMid(piece);
        }
    }
}
