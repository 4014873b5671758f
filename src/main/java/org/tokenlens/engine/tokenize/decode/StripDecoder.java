package org.tokenlens.engine.tokenize.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * HF's Strip decoder: removes up to {@code start} leading and {@code stop} trailing occurrences of {@code content}
 * from every piece (Llama 2 uses it after Fuse to drop the space the pre-tokenizer prepended).
 */
final class StripDecoder extends PieceDecoder {
    private final int content;
    private final int start;
    private final int stop;

    StripDecoder(int content, int start, int stop) {
        this.content = content;
        this.start = start;
        this.stop = stop;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(strip(token));
        }
        return out;
    }

    @Override
    void applyMid(PieceState piece) {
        // after a Fuse the piece is neither the start nor the end of the one remaining token
        if (!piece.fused) {
            piece.text = strip(piece.text);
        }
    }

    private String strip(String token) {
        int[] cps = token.codePoints().toArray();
        int from = 0;
        while (from < start && from < cps.length && cps[from] == content) {
            from++;
        }
        int to = cps.length;
        for (int i = 0; i < stop && to > 0 && cps[to - 1] == content; i++) {
            to--;
        }
        // HF would panic when both cuts overlap (all content); an empty piece is the sensible reading
        return to <= from ? "" : new String(cps, from, to - from);
    }
}
