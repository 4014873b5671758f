package org.tokenlens.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test inputs for comparing our tokenizers with the oracles: hand-written snippets in {@code /corpus/*.txt}
 * plus generated worst cases. Use from a parameterized test with
 * {@code @MethodSource("org.tokenlens.testing.Corpus#all")}.
 *
 * <p>Corpus files hold snippets separated by a line {@code ---}; a snippet is byte-exact (it may contain
 * {@code \r\n}, {@code \r}, U+2028 and other line breaks, so files must never have their line endings converted).
 */
public final class Corpus {

    /** The corpus files, in a fixed order. */
    public static final List<String> FILES = List.of("prose-multilingual.txt", "code.txt", "emoji.txt",
            "combining.txt", "whitespace.txt", "numbers-urls-math.txt", "bert-punct-control.txt");

    /** System property overriding how many random strings {@link #all()} adds. */
    public static final String RANDOM_COUNT_PROPERTY = "tokenlens.corpus.random";

    private static final String SEPARATOR = "\n---\n";
    private static final int DEFAULT_RANDOM_COUNT = 200;
    private static final long DEFAULT_SEED = 0x70C3_1E45L;
    private static final int LONG_RUN = 10_000;

    private Corpus() {
    }

    /** The snippets of one corpus file. */
    public static List<String> snippets(String file) {
        String text = Fixtures.resourceText("/corpus/" + file);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = text.indexOf(SEPARATOR, from);
            out.add(text.substring(from, at < 0 ? text.length() : at));
            if (at < 0) {
                return out;
            }
            from = at + SEPARATOR.length();
        }
    }

    /** Every snippet of every corpus file (paragraph-sized, many lines for code). */
    public static List<String> snippets() {
        List<String> out = new ArrayList<>();
        for (String f : FILES) {
            out.addAll(snippets(f));
        }
        return out;
    }

    /** Every non-empty line of every snippet, split at {@code \n} only (so {@code \r}, U+2028 … stay inside). */
    public static List<String> lines() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : snippets()) {
            for (String line : s.split("\n", -1)) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Inputs that stress the algorithms rather than the tables: 10,000-unit runs with nowhere to split (BPE on a
     * huge word is quadratic if done naively; tiktoken and HF cap or cache differently), long whitespace and digit
     * runs, the empty string and single characters of each kind.
     */
    public static List<String> generated() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("a".repeat(LONG_RUN));
        out.add("中".repeat(LONG_RUN));
        out.add("-".repeat(LONG_RUN));
        out.add("!?".repeat(LONG_RUN / 2));
        out.add("😀".repeat(LONG_RUN / 2));
        out.add("ab".repeat(LONG_RUN / 2));
        out.add("1234567890".repeat(LONG_RUN / 10));
        out.add(" ".repeat(LONG_RUN));
        out.add("\n".repeat(1000));
        out.add(" \t\n".repeat(1000));
        out.add("x" + " ".repeat(999) + "x");
        out.add("antidisestablishmentarianism".repeat(50));
        for (String single : List.of("a", " ", "\n", "\t", "é", "中", "😀", "\u0301", "\u00a0", "'", "'s", "0")) {
            out.add(single);
        }
        return out;
    }

    /** {@code count} random strings from a fixed seed (so a failure can be reproduced), up to 64 code points each. */
    public static List<String> random(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int len = 1 + rnd.nextInt(64);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) {
                sb.appendCodePoint(randomCodePoint(rnd));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Snippets, lines, generated cases and {@code tokenlens.corpus.random} (default 200) random strings. */
    public static List<String> all() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.addAll(snippets());
        out.addAll(lines());
        out.addAll(generated());
        out.addAll(random(DEFAULT_SEED, Integer.getInteger(RANDOM_COUNT_PROPERTY, DEFAULT_RANDOM_COUNT)));
        return new ArrayList<>(out);
    }

    /** A short, printable description of an input for assertion messages: escapes controls and odd spaces. */
    public static String describe(String text) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length() && shown < 120; shown++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean plain = cp >= 0x21 && cp < 0x7f || cp == ' '
                    || Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp);
            sb.append(plain ? new String(Character.toChars(cp)) : String.format("\\u{%X}", cp));
        }
        return "\"" + sb + (shown < text.codePointCount(0, text.length()) ? "…" : "") + "\" (length "
                + text.length() + ")";
    }

    /**
     * Ranges to draw from, weighted by repetition: ASCII dominates (so words and spaces form), then scripts
     * with different pre-tokenizer classes (letters, marks, numbers, CJK, emoji) and the odd whitespace.
     */
    private static final int[][] BLOCKS = {
        {0x20, 0x7E}, {0x20, 0x7E}, {0x20, 0x7E}, {0x61, 0x7A}, {0x61, 0x7A}, {0x30, 0x39},
        {0xA0, 0xFF}, {0x100, 0x17F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x590, 0x5FF},
        {0x600, 0x6FF}, {0x900, 0x97F}, {0x980, 0x9FF}, {0xE00, 0xE7F}, {0x1100, 0x11FF}, {0x2000, 0x206F},
        {0x2190, 0x22FF}, {0x3000, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xFF00, 0xFFEF},
        {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x1D400, 0x1D7FF}, {0x20000, 0x2A6DF},
    };

    private static final int[] SPECIAL = {
        '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x200B,
        0x200C, 0x200D, 0xFE0F, 0xFEFF, 0x0000, 0xFFFD, '\'', ' ',
    };

    private static int randomCodePoint(SplittableRandom rnd) {
        if (rnd.nextInt(8) == 0) {
            return SPECIAL[rnd.nextInt(SPECIAL.length)];
        }
        int[] block = BLOCKS[rnd.nextInt(BLOCKS.length)];
        return block[0] + rnd.nextInt(block[1] - block[0] + 1);
    }
}
