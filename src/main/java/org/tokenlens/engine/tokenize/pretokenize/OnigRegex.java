package org.tokenlens.engine.tokenize.pretokenize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tokenlens.engine.tokenize.normalize.Matches;

/**
 * A regex as HF tokenizers runs it: Oniguruma on UTF-8 ({@code SysRegex}), here java.util.regex on UTF-16 after
 * {@link OnigTranslator} has rewritten what the two read differently. The split patterns of GPT-2, Llama 3, Qwen 2/3
 * and GPT-4o run on a hand-written scanner instead ({@link SplitScanners}): they run on every piece of every input,
 * and a char loop is several times faster than the backtracking engine.
 */
public final class OnigRegex {
    /** Unicode {@code \s \d \w \b} and case folding as Oniguruma's UTF-8 encoding has them; only {@code \n} ends a line. */
    static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE | Pattern.UNIX_LINES;

    private final String source;
    private final Pattern pattern;
    private final SplitScanners.Scanner scanner;

    private OnigRegex(String source, Pattern pattern, SplitScanners.Scanner scanner) {
        this.source = source;
        this.pattern = pattern;
        this.scanner = scanner;
    }

    /**
     * Compile an Oniguruma pattern.
     *
     * @throws IllegalArgumentException naming the problem if it is not valid or uses what Java cannot express
     */
    public static OnigRegex compile(String onigPattern) {
        String java = OnigTranslator.toJava(onigPattern);
        try {
            return new OnigRegex(onigPattern, Pattern.compile(java, FLAGS), SplitScanners.forPattern(onigPattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    /** Same as {@link #compile} but always on java.util.regex (the reference the fast scanners are tested against). */
    static OnigRegex compileGeneral(String onigPattern) {
        return new OnigRegex(onigPattern, Pattern.compile(OnigTranslator.toJava(onigPattern), FLAGS), null);
    }

    /** The pattern as written in tokenizer.json. */
    public String source() {
        return source;
    }

    /** The java.util.regex pattern it was translated to. */
    public String javaPattern() {
        return pattern.pattern();
    }

    /**
     * Matches and gaps of {@code inside}, as HF's {@code find_matches} over onig's {@code find_iter}: an empty
     * match right where the previous match ended is skipped (Java would report it), otherwise searching goes on
     * from the end of each match.
     */
    public Matches matches(String inside) {
        if (inside.isEmpty()) {
            return Matches.ofCodePoints(cp -> false, inside);
        }
        if (scanner != null) {
            return scan(inside);
        }
        Matches.Builder b = new Matches.Builder(16);
        Matcher m = pattern.matcher(inside);
        int len = inside.length();
        int prev = 0;
        int from = 0;
        int lastMatchEnd = -1;
        while (from <= len && m.find(from)) {
            int s = m.start();
            int e = m.end();
            if (s == e && e == lastMatchEnd) {
                from = from < len ? from + Character.charCount(inside.codePointAt(from)) : len + 1;
                continue;
            }
            if (prev != s) {
                b.add(prev, s, false);
            }
            b.add(s, e, true);
            prev = e;
            from = e;
            lastMatchEnd = e;
        }
        if (prev != len) {
            b.add(prev, len, false);
        }
        return b.build();
    }

    private Matches scan(String inside) {
        int len = inside.length();
        Matches.Builder b = new Matches.Builder(len / 4 + 2);
        for (int start = 0; start < len; ) {
            int end = scanner.pieceEnd(inside, start, len);
            b.add(start, end, true);
            start = end;
        }
        return b.build();
    }

    @Override
    public String toString() {
        return source;
    }
}
