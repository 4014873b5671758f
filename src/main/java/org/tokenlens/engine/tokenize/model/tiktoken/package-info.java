/**
 * tiktoken's byte-pair encoder (r50k_base/gpt2, p50k_base, cl100k_base, o200k_base), exact to OpenAI's tiktoken.
 *
 * <p>Pipeline: {@link org.tokenlens.engine.tokenize.model.tiktoken.Splitter} cuts the text as the encoding's regex
 * does ({@code TiktokenEncoding} holds tiktoken's patterns verbatim; the hand-written splitters are checked against
 * them by java.util.regex with {@code UNICODE_CHARACTER_CLASS}, {@code $} read as {@code \z}); each piece's UTF-8 is
 * one token if it is in the vocabulary, else {@code BytePairMerger} merges it by rank exactly as tiktoken's
 * {@code byte_pair_merge} (flat array under 100 bytes, heap above). Ranks are looked up on byte slices without
 * allocation ({@code RankTable}).
 *
 * <p>Why our own encoder rather than jtokkit's: jtokkit returns ids only; the app needs raw pieces, UTF-16 offsets,
 * word indexes and merge traces. jtokkit stays as the test oracle and the source of the rank files.
 *
 * <p>Behaviour worth knowing:
 * <ul>
 *   <li>Special-token strings are ordinary text unless {@code allowSpecialInText} (tiktoken's {@code encode_ordinary}
 *       vs {@code allowed_special="all"}); allowed specials cut the text into segments split separately, so
 *       {@code $} and look-ahead see a segment's end as the end, as in tiktoken's {@code CoreBPE.encode}.</li>
 *   <li>A lone surrogate is encoded as U+FFFD, as tiktoken's Python wrapper does (jtokkit would give '?').</li>
 *   <li>Offsets: a token holding part of a character spans the whole character, as HF's ByteLevel alignment does;
 *       on the test corpus (scripts, emoji sequences, every kind of space, contractions incl. U+017F, random mixes)
 *       ids, pieces and offsets equal HF tokenizers running gpt4o's tokenizer.json: no case was found where HF's
 *       regex (Oniguruma) and tiktoken's (fancy-regex) split differently.</li>
 *   <li>Character classes come from the JDK's Unicode tables (Unicode 13 on Java 17), as for jtokkit; tiktoken's
 *       Rust regex uses a newer Unicode, so characters assigned since may split differently there.</li>
 *   <li>{@code trace} replays the merges even when tiktoken takes the whole piece as one token without merging;
 *       it is quadratic in the piece length (each step lists all symbols).</li>
 * </ul>
 */
package org.tokenlens.engine.tokenize.model.tiktoken;
