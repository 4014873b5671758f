package org.tokenlens.engine.tokenize.normalize;

import org.tokenlens.engine.tokenize.pretokenize.OnigRegex;

/**
 * HF's {@code Replace}: every match of a literal or an Oniguruma regex becomes {@code content}. Literal patterns
 * skip the regex engine (HF escapes them into a regex, which finds the same leftmost non-overlapping matches).
 */
public final class ReplaceNormalizer implements Normalizer {
    private final String literal;
    private final OnigRegex regex;
    private final String content;

    private ReplaceNormalizer(String literal, OnigRegex regex, String content) {
        this.literal = literal;
        this.regex = regex;
        this.content = content;
    }

    public static ReplaceNormalizer ofString(String literal, String content) {
        return new ReplaceNormalizer(literal, null, content);
    }

    /** @throws IllegalArgumentException if the pattern is not a valid Oniguruma regex Java can run */
    public static ReplaceNormalizer ofRegex(String onigPattern, String content) {
        return new ReplaceNormalizer(null, OnigRegex.compile(onigPattern), content);
    }

    @Override
    public void normalize(NormalizedString s) {
        String text = s.get();
        if (text.isEmpty()) {
            return;
        }
        if (literal != null) {
            if (!literal.isEmpty() && text.contains(literal)) {
                s.replace(Matches.ofLiteral(literal, text), content);
            }
            return;
        }
        s.replace(regex.matches(text), content);
    }

    public String content() {
        return content;
    }

    /** The literal pattern, or null for a regex. */
    public String literal() {
        return literal;
    }

    @Override
    public String toString() {
        return "Replace[" + (literal != null ? "String " + literal : "Regex " + regex.source()) + " -> " + content
                + "]";
    }
}
