package org.tokenlens.engine.tokenize.postprocess;

/**
 * HF's RobertaProcessing: {@code <s> … </s>} around a single sequence. Unlike Bert it first trims offsets as the
 * ByteLevel processor does (when {@code trim_offsets}) and sets every type id to 0, even without special tokens.
 */
final class RobertaProcessor implements PostProcessor {
    private final SpecialPiece cls;
    private final SpecialPiece sep;
    private final boolean trimOffsets;
    private final boolean addPrefixSpace;

    RobertaProcessor(SpecialPiece cls, SpecialPiece sep, boolean trimOffsets, boolean addPrefixSpace) {
        this.cls = cls;
        this.sep = sep;
        this.trimOffsets = trimOffsets;
        this.addPrefixSpace = addPrefixSpace;
    }

    @Override
    public TokenList process(TokenList input, String text, boolean addSpecialTokens) {
        if (trimOffsets) {
            OffsetTrimmer.trim(input, addPrefixSpace);
        }
        for (int i = 0; i < input.size(); i++) {
            input.setTypeId(i, 0);
        }
        if (!addSpecialTokens) {
            return input;
        }
        TokenList out = new TokenList();
        out.addSpecial(cls.id(), cls.token(), 0);
        out.addAll(input);
        out.addSpecial(sep.id(), sep.token(), 0);
        return out;
    }
}
