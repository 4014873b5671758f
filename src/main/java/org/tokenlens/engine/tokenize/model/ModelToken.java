package org.tokenlens.engine.tokenize.model;

/** One token produced by a {@link Model}: id, vocabulary piece, UTF-16 span {@code [start, end)} in the word. */
public record ModelToken(int id, String value, int start, int end) {
}
