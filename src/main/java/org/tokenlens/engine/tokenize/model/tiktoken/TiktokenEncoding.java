package org.tokenlens.engine.tokenize.model.tiktoken;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The four OpenAI encodings as defined in tiktoken's {@code tiktoken_ext/openai_public.py}: split pattern, special
 * tokens, and the rank count of the published rank file (used to recognise a user's file by its size).
 */
enum TiktokenEncoding {
    R50K_BASE("r50k_base", 50_256, r50kPattern(), Map.of("<|endoftext|>", 50_256)),
    P50K_BASE("p50k_base", 50_280, r50kPattern(), Map.of("<|endoftext|>", 50_256)),
    CL100K_BASE("cl100k_base", 100_256,
            "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+"
                    + "|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s",
            ordered("<|endoftext|>", 100_257, "<|fim_prefix|>", 100_258, "<|fim_middle|>", 100_259,
                    "<|fim_suffix|>", 100_260, "<|endofprompt|>", 100_276)),
    O200K_BASE("o200k_base", 199_998,
            String.join("|",
                    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                            + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                            + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                    "\\p{N}{1,3}",
                    " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
                    "\\s*[\\r\\n]+",
                    "\\s+(?!\\S)",
                    "\\s+"),
            ordered("<|endoftext|>", 199_999, "<|endofprompt|>", 200_018));

    final String encodingName;
    /** Number of mergeable ranks in the published file. */
    final int rankCount;
    /** tiktoken's pattern, verbatim (fancy-regex syntax; {@code $} means end of the slice being split). */
    final String pattern;
    final Map<String, Integer> specials;

    TiktokenEncoding(String encodingName, int rankCount, String pattern, Map<String, Integer> specials) {
        this.encodingName = encodingName;
        this.rankCount = rankCount;
        this.pattern = pattern;
        this.specials = specials;
    }

    // a method, not a constant: enum constants cannot refer to static fields in their arguments
    private static String r50kPattern() {
        return "'(?:[sdmt]|ll|ve|re)| ?\\p{L}++| ?\\p{N}++| ?[^\\s\\p{L}\\p{N}]++|\\s++$|\\s+(?!\\S)|\\s";
    }

    private static Map<String, Integer> ordered(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The hand-written splitter equivalent to {@link #pattern}. */
    Splitter splitter() {
        return switch (this) {
            case R50K_BASE, P50K_BASE -> new R50kSplitter();
            case CL100K_BASE -> new Cl100kSplitter();
            case O200K_BASE -> new O200kSplitter();
        };
    }

    /**
     * Classes of the character before a piece start from which {@code encodeEdited} may not restart: the pieces
     * before such a start could have read far past it. White space for all (runs of it are read to their end);
     * for o200k also letters and marks, whose two case groups ({@code [\p{Lu}…\p{M}]*[\p{Ll}…\p{M}]+}) read
     * through a whole run of them before settling where the piece ends ("É" before capitals is a piece until a
     * lower-case letter far down the run joins them).
     */
    int noRestartAfter() {
        return this == O200K_BASE ? CharClass.SPACE | CharClass.LETTER | CharClass.MARK : CharClass.SPACE;
    }

    /** jtokkit's class-path resource holding the ranks. */
    String resource() {
        return "/com/knuddels/jtokkit/" + encodingName + ".tiktoken";
    }

    static TiktokenEncoding byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gpt2")) {
            return R50K_BASE;
        }
        for (TiktokenEncoding e : values()) {
            if (e.encodingName.equals(n)) {
                return e;
            }
        }
        return null;
    }

    /** From a file name mentioning the encoding ({@code cl100k_base.tiktoken}, {@code gpt2.tiktoken}), or null. */
    static TiktokenEncoding fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.contains("o200k")) {
            return O200K_BASE;
        }
        if (n.contains("cl100k")) {
            return CL100K_BASE;
        }
        if (n.contains("p50k")) {
            return P50K_BASE;
        }
        if (n.contains("r50k") || n.contains("gpt2") || n.contains("gpt-2")) {
            return R50K_BASE;
        }
        return null;
    }

    /** From the number of ranks in the file, or null. */
    static TiktokenEncoding fromRankCount(int count) {
        for (TiktokenEncoding e : values()) {
            if (e.rankCount == count) {
                return e;
            }
        }
        return null;
    }
}
