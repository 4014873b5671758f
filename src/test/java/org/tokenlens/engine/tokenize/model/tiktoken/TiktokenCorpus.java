package org.tokenlens.engine.tokenize.model.tiktoken;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Inputs for the differential tests: hand-picked hard cases plus seeded random strings over mixed code points. */
final class TiktokenCorpus {
    private TiktokenCorpus() {
    }

    static final List<String> HAND_PICKED = List.of(
            "",
            "hello world",
            "Hello, World! How's it going? I'M FINE, YOU'RE NOT, we'LL see, THEY'VE, she'D, it'S, O'Neil's",
            "don't DON'T Don'T 'sup 'S 'll 'LL 'Re 'vE 'ſ 'ſx dAſ'ſ letters'",
            "Crème brûlée à la façon de Noël — naïve coöperation, Ångström, São Paulo, Łódź, Dvořák",
            "Съешь же ещё этих мягких французских булок, да выпей чаю. ПРИВЕТ Мир",
            "Γαζέες καὶ μυρτιὲς δὲν θὰ βρῶ πιὰ στὸ χρυσαφὶ ξέφωτο. ΑΒΓΔ",
            "العربية لغة جميلة، وهي لغة القرآن. ١٢٣٤٥",
            "עברית היא שפה שמית. שָׁלוֹם",
            "हिन्दी भारत की राजभाषा है। नमस्ते दुनिया १२३",
            "ภาษาไทยเป็นภาษาที่สวยงาม สวัสดีครับ",
            "日本語のテキストと中文文本，还有한국어 텍스트도 있습니다。東京タワー",
            "public static void main(String[] args) {\n\tSystem.out.println(\"x = \" + x++); // done\r\n}\n",
            "def f(x):\n    return x**2  # square\n\n\n    \n  if a != b:\n        pass\n",
            "<div class=\"a\">&nbsp;</div>\n<!-- c --> https://example.com/path/to?q=1&r=2 //// \\\\",
            "👋🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇩🇪🇫🇷🇯🇵 ❤️ 🧑🏿‍💻 ✌🏻 1️⃣ 😀😃😄",
            "e\u0301 a\u0308\u0323 \u0301start ǅungla Ǆ ᾈ x\u20DD q\u0489 Z\u0336\u0336",
            "tab\there\r\nCRLF\rCR\nLF\u000Bvt\u000Cff \u00A0nbsp\u2028ls\u2029ps\u3000ideo\u200Bzwsp\u0085nel\u1680ogham\u2009thin\u202Fnnbsp\u205Fmm",
            "   leading spaces and trailing   ",
            "\n\n\n",
            " \n \n ",
            "  \t\t  \r\n\r\n   x",
            "12345678901234567890 3.14159 1,000,000 ٣٤٥٦ ½ ⅔ Ⅻ ①②③ 0x1F",
            "a1b22c333d4444 A1B2 $100.00 #hashtag @mention",
            "ALLCAPS lowercase MixedCase camelCaseWord PascalCase snake_case kebab-case HTTPServer iPhone",
            "<|endoftext|> and <|fim_prefix|>x<|fim_middle|>y<|fim_suffix|>z<|endofprompt|>",
            "!!!??? ... --- *** /// \"\"\" ''' ``` ~~~ ^^^ |||",
            "path/to/file\n/\r\n//\n",
            "ﬁne ﬂow ǳ ß ẞ İstanbul ı ς σ Σ ſ K Å",
            "x\uD83D y\uDE00 z",
            "a\u0000b\u0001c\u007F");

    /** Code point pools the random strings draw from: each is {from, to} inclusive. */
    private static final int[][] POOLS = {
        {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {' ', ' '}, {' ', '/'}, {':', '@'}, {'\'', '\''}, {'\n', '\n'},
        {'\r', '\r'}, {'\t', '\t'}, {0xC0, 0x17F}, {0x300, 0x36F}, {0x391, 0x3C9}, {0x410, 0x44F},
        {0x5D0, 0x5EA}, {0x620, 0x64A}, {0x660, 0x669}, {0x900, 0x97F}, {0xE01, 0xE5B}, {0x3040, 0x30FF},
        {0x4E00, 0x4FFF}, {0xAC00, 0xAD00}, {0x1F300, 0x1F64F}, {0x1F3FB, 0x1F3FF}, {0x200D, 0x200D},
        {0xFE0F, 0xFE0F}, {0x1F1E6, 0x1F1FF}, {0x2000, 0x200B}, {0x2028, 0x2029}, {0x00A0, 0x00A0},
        {0x3000, 0x3000}, {0x85, 0x85}, {0x1D400, 0x1D7FF}, {0x2160, 0x2188}, {0x1C5, 0x1C5}, {0x2B0, 0x2FF},
        {0x17F, 0x17F}, {'s', 's'}, {'S', 'S'}, {0x10000, 0x10FFFF}, {0xFF01, 0xFF5E}, {0x20A0, 0x20C0}};

    /** {@code count} random strings, each up to {@code maxLen} code points, deterministic for a seed. */
    static List<String> random(long seed, int count, int maxLen) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(maxLen + 1);
            // a few pools per string, so runs of one script form words
            int[][] pools = new int[1 + rnd.nextInt(5)][];
            for (int p = 0; p < pools.length; p++) {
                pools[p] = POOLS[rnd.nextInt(POOLS.length)];
            }
            while (sb.codePointCount(0, sb.length()) < len) {
                int[] pool = rnd.nextInt(10) == 0 ? POOLS[rnd.nextInt(POOLS.length)] : pools[rnd.nextInt(pools.length)];
                int cp = pool[0] + rnd.nextInt(pool[1] - pool[0] + 1);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    continue;
                }
                sb.appendCodePoint(cp);
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** A run of 10,000 characters that no pattern splits, plus long digit and space runs. */
    static List<String> long_() {
        StringBuilder letters = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            letters.append((char) ('a' + rnd.nextInt(26)));
        }
        return List.of(letters.toString(), "x".repeat(10_000), "!@#".repeat(3_400), "9".repeat(5_000),
                " ".repeat(3_000) + "a", "ab".repeat(2_000), "中".repeat(4_000), "🙂".repeat(2_000));
    }
}
