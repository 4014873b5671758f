package org.tokenlens.app.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.tokenlens.engine.embed.ops.TokenMetadata;

/**
 * How a vocabulary marks word boundaries, and the "leading space / continuation" colouring named in its terms.
 * WordPiece marks continuations ({@code ##ing}) and leaves word starts unmarked; byte-level BPE and tiktoken mark a
 * leading space ({@code Ġthe}); SentencePiece marks word starts ({@code ▁the}). The legend once showed "leading
 * space 0" for bert, a category its vocabulary cannot have: now only the kinds the vocabulary holds get one.
 *
 * @param kinds the categories in colour order, each held by at least one id of the vocabulary
 * @param mark  the leading-space mark's character ({@code Ġ} or {@code ▁}), 0 when the vocabulary has none
 */
record SpaceMarks(List<Kind> kinds, char mark) {

    /** Where a piece stands at a word boundary. */
    enum Kind {
        LEADING_SPACE, CONTINUATION, PLAIN, SPECIAL, NO_PIECE
    }

    /** Scans the whole vocabulary's metadata once. */
    static SpaceMarks of(TokenMetadata meta, IntFunction<String> pieces) {
        boolean[] seen = new boolean[Kind.values().length];
        char mark = 0;
        for (int id = 0; id < meta.size(); id++) {
            Kind k = kind(meta, id);
            seen[k.ordinal()] = true;
            if (k == Kind.LEADING_SPACE && mark == 0) {
                String p = pieces.apply(id);
                mark = p == null || p.isEmpty() ? ' ' : p.charAt(0);
            }
        }
        // the marked kind of a leading-space vocabulary first; else the unmarked word starts (the majority) first
        Kind[] order = seen[Kind.LEADING_SPACE.ordinal()]
                ? new Kind[] {Kind.LEADING_SPACE, Kind.PLAIN, Kind.CONTINUATION, Kind.SPECIAL, Kind.NO_PIECE}
                : new Kind[] {Kind.PLAIN, Kind.CONTINUATION, Kind.SPECIAL, Kind.NO_PIECE};
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : order) {
            if (seen[k.ordinal()]) {
                kinds.add(k);
            }
        }
        return new SpaceMarks(List.copyOf(kinds), mark);
    }

    static Kind kind(TokenMetadata meta, int id) {
        if (!meta.isPresent(id)) {
            return Kind.NO_PIECE;
        }
        if (meta.isSpecial(id)) {
            return Kind.SPECIAL;
        }
        return meta.hasLeadingSpace(id) ? Kind.LEADING_SPACE : meta.isContinuation(id) ? Kind.CONTINUATION
                : Kind.PLAIN;
    }

    /** WordPiece-style: continuations marked, no leading spaces. */
    boolean wordPiece() {
        return kinds.contains(Kind.CONTINUATION) && !kinds.contains(Kind.LEADING_SPACE);
    }

    /** The legend name of a kind, in the vocabulary's terms. */
    String name(Kind k) {
        boolean both = kinds.contains(Kind.CONTINUATION) && kinds.contains(Kind.LEADING_SPACE);
        return switch (k) {
            case SPECIAL -> "special";
            case NO_PIECE -> "no piece";
            case CONTINUATION -> both ? "continuation" : "continuation (##)";
            case LEADING_SPACE -> both ? "leading space"
                    : mark == '▁' ? "word start (▁)" : "leading space (" + mark + ")";
            case PLAIN -> wordPiece() ? "word start"
                    : both || !kinds.contains(Kind.LEADING_SPACE) ? "other"
                    : mark == '▁' ? "inside a word (no ▁)" : "no leading space";
        };
    }

    ColourBy.Categories categorise(int[] ids, TokenMetadata meta) {
        int[] slot = new int[Kind.values().length];
        List<String> names = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            slot[kinds.get(i).ordinal()] = i;
            names.add(name(kinds.get(i)));
        }
        byte[] c = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            c[i] = (byte) slot[kind(meta, ids[i]).ordinal()];
        }
        return new ColourBy.Categories(c, List.copyOf(names));
    }
}
