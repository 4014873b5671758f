package org.tokenlens.engine.tokenize.postprocess;

/** A special token a post-processor inserts: its vocabulary piece and id (HF's {@code (String, u32)} pair). */
record SpecialPiece(String token, int id) {
}
