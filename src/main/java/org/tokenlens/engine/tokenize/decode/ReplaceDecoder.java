package org.tokenlens.engine.tokenize.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HF's Replace decoder: every match of a literal string or a regex in each piece becomes {@code content}
 * (literally: no group references). Gemma and Llama 2 use it to turn {@code ▁} back into spaces.
 */
final class ReplaceDecoder extends PieceDecoder {
    private final String literal;
    private final Pattern regex;
    private final String content;

    private ReplaceDecoder(String literal, Pattern regex, String content) {
        this.literal = literal;
        this.regex = regex;
        this.content = content;
    }

    static ReplaceDecoder ofString(String literal, String content) {
        return new ReplaceDecoder(literal, null, content);
    }

    static ReplaceDecoder ofRegex(Pattern regex, String content) {
        return new ReplaceDecoder(null, regex, content);
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(replace(token));
        }
        return out;
    }

    @Override
    void applyMid(PieceState piece) {
        piece.text = replace(piece.text);
    }

    private String replace(String token) {
        if (token.isEmpty()) {
            return token; // HF's find_matches reports no match at all in an empty string
        }
        if (literal != null) {
            return token.replace(literal, content);
        }
        Matcher m = regex.matcher(token);
        return m.replaceAll(Matcher.quoteReplacement(content));
    }
}
