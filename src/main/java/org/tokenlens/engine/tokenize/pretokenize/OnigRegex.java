package org.tokenlens.engine.tokenize.pretokenize;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tokenlens.engine.tokenize.normalize.Matches;
import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/**
 * A regex as HF tokenizers runs it: Oniguruma on UTF-8 ({@code SysRegex}), here java.util.regex on UTF-16 after
 * {@link OnigTranslator} has rewritten what the two read differently. The split patterns of GPT-2, Llama 3, Qwen 2/3
 * and GPT-4o run on a hand-written scanner instead ({@link SplitScanners}): they run on every piece of every input,
 * and a char loop is several times faster than the backtracking engine.
 */
public final class OnigRegex {
    /** Unicode {@code \s \d \w \b} and case folding as Oniguruma's UTF-8 encoding has them; only {@code \n} ends a line. */
    static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE | Pattern.UNIX_LINES;

    /** GPT-4o's split pattern (o200k_base) as its tokenizer.json writes it. */
    static final String GPT4O = "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
            + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+"
            + "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*"
            + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** The patterns {@link #resumable} holds for, by exact text. */
    private static final Set<String> RESUMABLE = Set.of(SplitScanners.LLAMA3, SplitScanners.QWEN2, GPT4O);
    /** How far past a code point that {@linkplain #stopsReading stops reading} the pieces before it read. */
    public static final int LOOKAHEAD = 6;

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

    /**
     * Whether the pieces of a text (the matches, which cover it) can be found again from any piece start, reading
     * the text from there only, and a piece ending at or before a code point that {@linkplain #stopsReading stops
     * reading} was decided without reading more than {@link #LOOKAHEAD} units past that code point — what an edited
     * text's re-splitting rests on. Held, by exact pattern text, by the split patterns of Llama 3, Qwen 2/3 and
     * GPT-4o:
     * <ul>
     * <li>no look-behind, {@code \b}, {@code ^} or {@code $}: a match at {@code i} depends on the text from
     * {@code i} on;</li>
     * <li>every position starts a non-empty match (a letter starts a letter alternative, a number {@code \p{N}}, any
     * other non-space {@code [^\s\p{L}\p{N}]+}, white space at least {@code \s+}), so there are no gaps and the
     * pieces are the matches found one after the other;</li>
     * <li>what deciding a match at {@code i} reads: an alternative that fails there reads at most two code points;
     * a class run ({@code \p{L}+}, {@code \p{N}{1,3}}, {@code [^\s\p{L}\p{N}]+[\r\n]*}) one code point past the
     * match; an optional contraction after GPT-4o's letters three code points past it (six units); a white-space
     * match ({@code \s*[\r\n]+}, {@code \s+(?!\S)}, {@code \s+}) reads through the run of white space it
     * starts and one code point past; and GPT-4o's letter alternatives
     * {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+} read through the whole run of letters
     * and marks they start in, which may go on past the match ({@code E\u0301COLE} splits as {@code E\u0301},
     * {@code COLE} after reading {@code COLE}; {@code E\u0301COLEs} is one piece).</li>
     * </ul>
     * A code point stops reading if it ends every run such a read goes through: not white space, and for GPT-4o
     * no letter or mark either.
     */
    public boolean resumable() {
        return RESUMABLE.contains(source);
    }

    /** Whether a {@linkplain #resumable resumable} pattern's pieces ending at or before {@code cp} read past it little. */
    public boolean stopsReading(int cp) {
        if (UnicodeProps.isWhitespace(cp)) {
            return false;
        }
        if (!source.equals(GPT4O)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> false;
            default -> true;
        };
    }

    /**
     * Whether {@link #stopsReading} depends only on whether a code point is white space (all resumable patterns
     * but GPT-4o's, whose letter runs read on through letters and marks).
     */
    public boolean stopsReadingAtAnyNonSpace() {
        return resumable() && !source.equals(GPT4O);
    }

    /** Finds the pieces of one text one after the other, for a {@linkplain #resumable resumable} pattern. */
    public interface PieceFinder {
        /**
         * The end of the piece starting at {@code start} (a piece start) of the text's part that ends at
         * {@code limit} (nothing past it is read: as if the text ended there), or -1 if no non-empty match is there.
         */
        int pieceEnd(int start, int limit);
    }

    /**
     * The pieces of the parts of {@code text} (the stretches between added tokens, each split alone) as
     * {@link #matches} finds them in a part, from any piece start.
     */
    public PieceFinder pieceFinder(String text) {
        if (scanner != null) {
            return (start, limit) -> scanner.pieceEnd(text, start, limit);
        }
        Matcher m = pattern.matcher(text).useTransparentBounds(false).useAnchoringBounds(false);
        return (start, limit) -> {
            m.region(start, limit);
            return m.lookingAt() && m.end() > start ? m.end() : -1;
        };
    }

    @Override
    public String toString() {
        return source;
    }
}
