package org.tokenlens.engine.tokenize.postprocess;

/** HF's BertProcessing: {@code [CLS] … [SEP]} around a single sequence, all with type id 0. */
final class BertProcessor implements PostProcessor {
    private final SpecialPiece cls;
    private final SpecialPiece sep;

    BertProcessor(SpecialPiece cls, SpecialPiece sep) {
        this.cls = cls;
        this.sep = sep;
    }

    @Override
    public TokenList process(TokenList input, String text, boolean addSpecialTokens) {
        if (!addSpecialTokens) {
            return input;
        }
        TokenList out = new TokenList();
        out.addSpecial(cls.id(), cls.token(), 0);
        out.addAll(input);
        out.addSpecial(sep.id(), sep.token(), 0);
        return out;
    }

    /** The single-sequence template: specials around the sequence, its tokens as they came. */
    @Override
    public boolean wrapsSequence() {
        return true;
    }
}
