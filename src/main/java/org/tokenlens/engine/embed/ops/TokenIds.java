package org.tokenlens.engine.embed.ops;

import java.util.Arrays;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/** Turns what a user types ({@code king}, {@code Ġking}, {@code ##s}) into the one id it names. */
public final class TokenIds {
    private TokenIds() {
    }

    /**
     * The id of a raw vocabulary piece if there is one ({@code ##s}, {@code Ġthe}); otherwise the id of the single
     * token the text encodes to without special tokens ({@code King} → {@code king} in an uncased vocabulary).
     *
     * @throws EmbeddingException if the text is no piece and encodes to zero or several tokens (naming them)
     */
    public static int resolve(Tokenizer tokenizer, String token) {
        int id = tokenizer.tokenToId(token);
        if (id >= 0) {
            return id;
        }
        Encoding encoding = tokenizer.encode(token, new EncodeOptions(false, true));
        if (encoding.size() == 1) {
            return encoding.ids()[0];
        }
        throw new EmbeddingException("'" + token + "' is not one token of " + tokenizer.name() + ": it encodes to "
                + (encoding.size() == 0 ? "no tokens" : Arrays.toString(encoding.tokens())));
    }
}
