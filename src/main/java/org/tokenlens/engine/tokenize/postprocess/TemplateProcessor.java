package org.tokenlens.engine.tokenize.postprocess;

import java.util.List;

/**
 * HF's TemplateProcessing for a single sequence: the {@code single} template's pieces in order, each either the
 * input sequence (whose tokens all get the piece's type id) or a special token, which may stand for several ids
 * ({@code special_tokens} maps a name to parallel {@code ids}/{@code tokens}). Without special tokens only the
 * sequence pieces remain, type ids still applied.
 */
final class TemplateProcessor implements PostProcessor {

    /** One template piece: the sequence ({@code special == null}) or a special token, with its type id. */
    record Piece(Special special, int typeId) {
    }

    /** What a special-token name expands to. */
    record Special(String name, int[] ids, String[] tokens) {
    }

    private final List<Piece> single;

    TemplateProcessor(List<Piece> single) {
        this.single = List.copyOf(single);
    }

    @Override
    public TokenList process(TokenList input, String text, boolean addSpecialTokens) {
        TokenList out = new TokenList();
        for (Piece piece : single) {
            if (piece.special() == null) {
                int from = out.size();
                out.addAll(input);
                for (int i = from; i < out.size(); i++) {
                    out.setTypeId(i, piece.typeId());
                }
            } else if (addSpecialTokens) {
                Special s = piece.special();
                for (int k = 0; k < s.ids().length; k++) {
                    out.addSpecial(s.ids()[k], s.tokens()[k], piece.typeId());
                }
            }
        }
        return out;
    }

    /** A template holding the sequence once: specials around it, its tokens as they came. */
    @Override
    public boolean wrapsSequence() {
        return single.stream().filter(p -> p.special() == null).count() == 1;
    }
}
