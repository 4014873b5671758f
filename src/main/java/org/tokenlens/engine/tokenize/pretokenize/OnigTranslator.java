package org.tokenlens.engine.tokenize.pretokenize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites an Oniguruma pattern (HF tokenizers compiles Split and ByteLevel regexes with Oniguruma, syntax
 * {@code ONIG_SYNTAX_ONIGURUMA}, UTF-8) into a java.util.regex pattern that matches the same text when compiled
 * with {@link OnigRegex#FLAGS}. Only the constructs whose meaning differs are rewritten:
 * <ul>
 *   <li>{@code \h}/{@code \H} are hex digits in Oniguruma (horizontal space in Java); {@code \v} is U+000B only.</li>
 *   <li>{@code \p{Han}} and other script names (Java wants {@code \p{IsHan}}); long category names
 *       ({@code \p{Letter}}); POSIX names and brackets ({@code [[:alpha:]]}) with Oniguruma's Unicode meaning.</li>
 *   <li>{@code {n,m}+} and {@code {n}?} are a repeat of a repeat in Oniguruma, possessive/lazy in Java.</li>
 *   <li>{@code (?m)} is dot-all in Oniguruma ({@code (?s)} in Java); {@code (?#…)} comments are dropped.</li>
 *   <li>{@code {,n}} means {@code {0,n}}; a {@code {} that starts no valid interval is a literal.</li>
 * </ul>
 * {@code ^}/{@code $} are line anchors and {@code .} excludes only {@code \n} in Oniguruma: that is what the
 * MULTILINE and UNIX_LINES flags give, so they are copied unchanged.
 */
final class OnigTranslator {

    /**
     * Oniguruma's {@code \w} inside a class, measured against HF tokenizers code point by code point
     * (OnigClassesTest): Java's Unicode {@code \w} without the joiners U+200C/U+200D.
     */
    private static final String CLASS_WORD = "[\\w&&[^\\x{200C}\\x{200D}]]";
    /** Outside a class Oniguruma's {@code \w} also takes the Latin-1 superscripts and fractions ¹²³¼½¾. */
    private static final String WORD = CLASS_WORD + "\\xB2\\xB3\\xB9\\xBC-\\xBE";

    /** Marks that Unicode 14/15 made Alphabetic; Java 17 (Unicode 13) does not know yet. */
    private static final String NEW_ALPHABETIC =
            "\\x{363}-\\x{36F}\\x{C04}\\x{F82}\\x{F83}\\x{1DD3}-\\x{1DE6}\\x{11080}\\x{11081}";

    /** Oniguruma's Unicode meaning of the POSIX names, as Java class bodies; measured as {@link #WORD}. */
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{IsAlphabetic}" + NEW_ALPHABETIC),
            Map.entry("alnum", "\\p{IsAlphabetic}\\p{Nd}" + NEW_ALPHABETIC),
            Map.entry("digit", "\\p{Nd}"),
            Map.entry("upper", "\\p{IsUppercase}"),
            Map.entry("lower", "\\p{IsLowercase}\\x{10FC}\\x{AB69}"),   // Unicode 14 made these Lowercase
            Map.entry("space", "\\s"),
            Map.entry("blank", "\\p{Zs}\\t"),
            Map.entry("cntrl", "\\p{Cc}\\p{Cf}\\p{Cn}\\p{Co}\\p{Cs}"),
            Map.entry("punct", "\\p{P}\\p{S}"),
            Map.entry("xdigit", "0-9a-fA-F"),
            Map.entry("word", CLASS_WORD),
            Map.entry("ascii", "\\x00-\\x7F"),
            Map.entry("any", "\\x{0}-\\x{10FFFF}"),
            Map.entry("graph", "[^\\s\\p{Cc}\\p{Cn}\\p{Cs}]"),
            Map.entry("print", "[^\\s\\p{Cc}\\p{Cn}\\p{Cs}]\\p{Zs}"));

    private static final Map<String, String> LONG_CATEGORIES = Map.ofEntries(
            Map.entry("letter", "L"), Map.entry("casedletter", "LC"), Map.entry("uppercaseletter", "Lu"),
            Map.entry("lowercaseletter", "Ll"), Map.entry("titlecaseletter", "Lt"),
            Map.entry("modifierletter", "Lm"), Map.entry("otherletter", "Lo"), Map.entry("mark", "M"),
            Map.entry("nonspacingmark", "Mn"), Map.entry("spacingmark", "Mc"), Map.entry("enclosingmark", "Me"),
            Map.entry("number", "N"), Map.entry("decimalnumber", "Nd"), Map.entry("letternumber", "Nl"),
            Map.entry("othernumber", "No"), Map.entry("punctuation", "P"),
            Map.entry("connectorpunctuation", "Pc"), Map.entry("dashpunctuation", "Pd"),
            Map.entry("openpunctuation", "Ps"), Map.entry("closepunctuation", "Pe"),
            Map.entry("initialpunctuation", "Pi"), Map.entry("finalpunctuation", "Pf"),
            Map.entry("otherpunctuation", "Po"), Map.entry("symbol", "S"), Map.entry("mathsymbol", "Sm"),
            Map.entry("currencysymbol", "Sc"), Map.entry("modifiersymbol", "Sk"), Map.entry("othersymbol", "So"),
            Map.entry("separator", "Z"), Map.entry("spaceseparator", "Zs"), Map.entry("lineseparator", "Zl"),
            Map.entry("paragraphseparator", "Zp"), Map.entry("other", "C"), Map.entry("control", "Cc"),
            Map.entry("format", "Cf"), Map.entry("surrogate", "Cs"), Map.entry("privateuse", "Co"),
            Map.entry("unassigned", "Cn"));

    private static final String SHORT_CATEGORIES =
            " L LC Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn ";

    private final String p;
    private final StringBuilder out;
    private int i;
    private int classDepth;
    /** Output position where the last complete atom starts, for wrapping it in a group; -1 if none. */
    private int atomStart = -1;
    /** Whether that atom matches exactly one character (an escape, a class or a literal, not a group). */
    private boolean atomSingle;
    private final Deque<Integer> groups = new ArrayDeque<>();

    private OnigTranslator(String pattern) {
        this.p = pattern;
        this.out = new StringBuilder(pattern.length() + 16);
    }

    /** The Java equivalent of Oniguruma pattern {@code pattern}; IllegalArgumentException if not expressible. */
    static String toJava(String pattern) {
        OnigTranslator t = new OnigTranslator(pattern);
        t.run();
        return t.out.toString();
    }

    private void run() {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (classDepth > 0) {
                classChar(c);
                continue;
            }
            switch (c) {
                case '\\' -> {
                    atomStart = out.length();
                    char d = i + 1 < p.length() ? p.charAt(i + 1) : 0;
                    atomSingle = "0123456789kbBAzZGRX".indexOf(d) < 0;
                    escape(false);
                }
                case '[' -> {
                    atomStart = out.length();
                    atomSingle = true;
                    openClass();
                }
                case '(' -> group();
                case ')' -> {
                    if (groups.isEmpty()) {
                        throw new IllegalArgumentException("unmatched ')' at index " + i);
                    }
                    atomStart = groups.pop();
                    atomSingle = false;
                    out.append(')');
                    i++;
                }
                case '{' -> interval();
                default -> {
                    atomStart = (c == '^' || c == '$' || c == '|') ? -1 : out.length();
                    atomSingle = true;
                    if (c == '*' || c == '+' || c == '?') {
                        atomStart = -1;
                    }
                    out.append(c);
                    i++;
                }
            }
        }
        if (classDepth > 0) {
            throw new IllegalArgumentException("unclosed character class");
        }
    }

    private void interval() {
        int j = i + 1;
        int lowStart = j;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
        }
        String low = p.substring(lowStart, j);
        String high = null;
        boolean comma = false;
        if (j < p.length() && p.charAt(j) == ',') {
            comma = true;
            int hs = ++j;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
            high = p.substring(hs, j);
        }
        boolean valid = j < p.length() && p.charAt(j) == '}' && atomStart >= 0
                && (!low.isEmpty() || (comma && !high.isEmpty()));
        if (!valid) {
            out.append("\\{");
            atomStart = out.length() - 2;
            i++;
            return;
        }
        String java = "{" + (low.isEmpty() ? "0" : low) + (comma ? "," + high : "") + "}";
        i = j + 1;
        char next = i < p.length() ? p.charAt(i) : 0;
        // Oniguruma: "x{n,m}+" repeats "x{n,m}" (not possessive), "x{n}?" makes it optional (not lazy)
        if (next == '+' && atomSingle && low.equals("1") && (high == null || !high.equals("0"))) {
            // (x{1,m})+ takes any number ≥ 1 of x: x{1,} avoids Java's recursion per group iteration
            out.append("{1,}");
            i++;
        } else if (next == '+' || (next == '?' && !comma)) {
            out.insert(atomStart, "(?:");
            out.append(java).append(')');
        } else {
            out.append(java);
        }
        atomStart = -1;
    }

    private void group() {
        if (p.startsWith("(?#", i)) {
            int end = p.indexOf(')', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed comment group");
            }
            i = end + 1;
            return;
        }
        if (p.startsWith("(?~", i)) {
            throw new IllegalArgumentException("the absent operator (?~…) is not supported");
        }
        if (p.startsWith("(?'", i)) {
            int end = p.indexOf('\'', i + 3);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed group name");
            }
            groups.push(out.length());
            out.append("(?<").append(p, i + 3, end).append('>');
            i = end + 1;
            return;
        }
        if (p.startsWith("(?", i) && i + 2 < p.length() && "imx-".indexOf(p.charAt(i + 2)) >= 0) {
            int j = i + 2;
            StringBuilder opts = new StringBuilder("(?");
            while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')') {
                char o = p.charAt(j++);
                switch (o) {
                    case 'i', 'x', '-' -> opts.append(o);
                    case 'm' -> opts.append('s');   // Oniguruma's (?m) lets '.' match newline
                    default -> throw new IllegalArgumentException("unsupported option '" + o + "' in group");
                }
            }
            if (j >= p.length()) {
                throw new IllegalArgumentException("unclosed option group");
            }
            char end = p.charAt(j);
            opts.append(end);
            if (end == ':') {
                groups.push(out.length());
            } else {
                atomStart = -1;
            }
            out.append(opts);
            i = j + 1;
            return;
        }
        groups.push(out.length());
        out.append('(');
        i++;
    }

    private void openClass() {
        out.append('[');
        classDepth++;
        i++;
        if (i < p.length() && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {   // a leading ']' is a literal in Oniguruma
            out.append("\\]");
            i++;
        }
    }

    private void classChar(char c) {
        switch (c) {
            case '\\' -> escape(true);
            case '[' -> {
                if (p.startsWith("[:", i)) {
                    int end = p.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = p.substring(i + 2, end);
                        boolean negate = name.startsWith("^");
                        String body = POSIX.get((negate ? name.substring(1) : name).toLowerCase(Locale.ROOT));
                        if (body != null) {
                            out.append(negate ? "[^" : "[").append(body).append(']');
                            i = end + 2;
                            return;
                        }
                    }
                }
                openClass();
            }
            case ']' -> {
                classDepth--;
                out.append(']');
                i++;
            }
            default -> {
                out.append(c);
                i++;
            }
        }
    }

    private void escape(boolean inClass) {
        if (i + 1 >= p.length()) {
            throw new IllegalArgumentException("trailing backslash");
        }
        char d = p.charAt(i + 1);
        i += 2;
        switch (d) {
            case 'h' -> out.append(inClass ? "0-9a-fA-F" : "[0-9a-fA-F]");
            case 'H' -> out.append("[^0-9a-fA-F]");
            case 'v' -> out.append("\\x0B");
            case 'w' -> out.append(inClass ? CLASS_WORD : "[" + WORD + "]");
            case 'W' -> out.append(inClass ? "[^" + CLASS_WORD + "]" : "[^" + WORD + "]");
            case 'p', 'P' -> property(d == 'P', inClass);
            case 'N' -> out.append("[^\\n]");
            case 'O' -> out.append(inClass ? "\\x{0}-\\x{10FFFF}" : "[\\x{0}-\\x{10FFFF}]");
            case 'K', 'y', 'Y' -> throw new IllegalArgumentException("\\" + d + " is not supported");
            case 'x' -> hexEscape();
            default -> {
                if ("tnrfaedDsSbBAzZGkcuRX0123456789".indexOf(d) >= 0) {
                    out.append('\\').append(d);
                } else if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
                    out.append(d);   // Oniguruma reads an unknown letter escape as the letter itself
                } else if (d < 0x80) {
                    out.append('\\').append(d);
                } else {
                    out.append("\\x{").append(Integer.toHexString(p.codePointAt(i - 1))).append('}');
                    i += Character.charCount(p.codePointAt(i - 1)) - 1;
                }
            }
        }
    }

    private void hexEscape() {
        if (i < p.length() && p.charAt(i) == '{') {
            int end = p.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed \\x{");
            }
            out.append("\\x").append(p, i, end + 1);
            i = end + 1;
            return;
        }
        int j = i;
        while (j < p.length() && j < i + 2 && Character.digit(p.charAt(j), 16) >= 0) {
            j++;
        }
        out.append("\\x{").append(j == i ? "0" : p.substring(i, j)).append('}');
        i = j;
    }

    private void property(boolean negate, boolean inClass) {
        String name;
        if (i < p.length() && p.charAt(i) == '{') {
            int end = p.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed \\p{");
            }
            name = p.substring(i + 1, end);
            i = end + 1;
        } else if (i < p.length()) {
            name = String.valueOf(p.charAt(i++));
        } else {
            throw new IllegalArgumentException("\\p without a name");
        }
        if (name.startsWith("^")) {
            negate = !negate;
            name = name.substring(1);
        }
        String key = name.replace(" ", "").replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        String category = shortCategory(key);
        if (category != null) {
            out.append(negate ? "\\P{" : "\\p{").append(category).append('}');
            return;
        }
        String posix = POSIX.get(key);
        if (posix != null) {
            out.append(negate ? "[^" : "[").append(posix).append(']');
            return;
        }
        try {
            Character.UnicodeScript script = Character.UnicodeScript.forName(key);
            if (script == Character.UnicodeScript.HAN) {
                // Unicode 14 moved two ideographic marks to Han; Java 17 knows Unicode 13
                out.append(negate ? "[^" : "[").append("\\p{IsHAN}\\x{16FE2}\\x{16FE3}]");
            } else {
                out.append(negate ? "\\P{Is" : "\\p{Is").append(script.name()).append('}');
            }
            return;
        } catch (IllegalArgumentException notAScript) {
            // fall through to binary properties Java knows (Alphabetic, White_Space, …)
        }
        out.append(negate ? "\\P{Is" : "\\p{Is").append(name.replace(" ", "")).append('}');
    }

    private static String shortCategory(String key) {
        String mapped = LONG_CATEGORIES.get(key);
        if (mapped != null) {
            return mapped;
        }
        if (key.equals("l&")) {
            return "LC";
        }
        int at = SHORT_CATEGORIES.toLowerCase(Locale.ROOT).indexOf(" " + key + " ");
        return at < 0 ? null : SHORT_CATEGORIES.substring(at + 1, at + 1 + key.length());
    }
}
