package org.tokenlens.engine.tokenize.postprocess;

/** HF's ByteLevel post-processor: inserts nothing; with {@code trim_offsets} it narrows offsets past spaces. */
final class ByteLevelProcessor implements PostProcessor {
    private final boolean trimOffsets;
    private final boolean addPrefixSpace;

    ByteLevelProcessor(boolean trimOffsets, boolean addPrefixSpace) {
        this.trimOffsets = trimOffsets;
        this.addPrefixSpace = addPrefixSpace;
    }

    @Override
    public TokenList process(TokenList input, String text, boolean addSpecialTokens) {
        if (trimOffsets) {
            OffsetTrimmer.trim(input, addPrefixSpace);
        }
        return input;
    }

    /** Without {@code trim_offsets} the sequence passes as it is, with no tokens around it. */
    @Override
    public boolean wrapsSequence() {
        return !trimOffsets;
    }
}
