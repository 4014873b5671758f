package org.tokenlens.app.detail;

import org.tokenlens.engine.tokenize.Tokenizer;

/** A bare vocabulary entry to show in the detail pane (from the vocabulary browser): no text, no offsets. */
public record VocabularyToken(Tokenizer tokenizer, int id) {
}
