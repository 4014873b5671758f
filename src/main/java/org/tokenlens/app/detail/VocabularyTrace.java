package org.tokenlens.app.detail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.pipeline.HfTokenizer;

/**
 * How a bare vocabulary entry is built, through the public engine API only: an HF model traces the piece as a
 * word (the model stage sees pieces in its own alphabet, e.g. {@code Ġhello}); a tiktoken entry is traced by
 * encoding its bytes when they are whole UTF-8 and encode back to exactly that id.
 */
final class VocabularyTrace {
    private VocabularyTrace() {
    }

    static Optional<Trace> of(Tokenizer tokenizer, int id) {
        String piece = tokenizer.idToToken(id);
        if (piece == null) {
            return Optional.empty();
        }
        if (tokenizer.isSpecial(id)) {
            return Optional.of(new Trace.Single(piece, piece, id));
        }
        if (tokenizer instanceof HfTokenizer hf) {
            if (hf.model().tokenToId(piece) != id) {
                return Optional.of(new Trace.Single(piece, piece, id)); // an added token, outside the model
            }
            return Optional.of(hf.model().trace(piece));
        }
        String text = wholeUtf8(tokenizer.tokenBytes(id));
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        EncodeOptions options = tokenizer.defaultOptions();
        Encoding e = tokenizer.encode(text, options);
        if (e.size() != 1 || e.ids()[0] != id) {
            return Optional.empty(); // the pre-tokenizer splits it: no single word builds this entry
        }
        return tokenizer.trace(text, 0);
    }

    private static String wholeUtf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
