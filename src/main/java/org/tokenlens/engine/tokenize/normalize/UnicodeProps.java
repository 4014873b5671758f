package org.tokenlens.engine.tokenize.normalize;

/**
 * Character properties as Rust's {@code char} methods define them (HF tokenizers uses these), which differ from
 * Java's {@code Character.isWhitespace} (Java excludes no-break spaces and includes U+001C..U+001F).
 */
public final class UnicodeProps {
    private UnicodeProps() {
    }

    /** Rust {@code char::is_whitespace}: the Unicode White_Space property. */
    public static boolean isWhitespace(int cp) {
        switch (cp) {
            case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
            case 0x85: case 0xA0: case 0x1680:
            case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** Rust {@code char::is_alphanumeric}: Alphabetic or Numeric (Nd, Nl, No). */
    public static boolean isAlphanumeric(int cp) {
        if (cp < 0x80) {
            return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        }
        if (Character.isAlphabetic(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** Rust {@code char::is_numeric}: general categories Nd, Nl, No. */
    public static boolean isNumeric(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** Rust {@code char::is_control}: general category Cc. */
    public static boolean isControl(int cp) {
        return Character.getType(cp) == Character.CONTROL;
    }

    /** Unicode punctuation (general categories Pc, Pd, Ps, Pe, Pi, Pf, Po). */
    public static boolean isUnicodePunctuation(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    /** HF's {@code is_bert_punc}: ASCII punctuation or Unicode punctuation. */
    public static boolean isBertPunctuation(int cp) {
        return (cp < 0x80 && isAsciiPunctuation(cp)) || isUnicodePunctuation(cp);
    }

    public static boolean isAsciiPunctuation(int cp) {
        return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60)
                || (cp >= 0x7B && cp <= 0x7E);
    }
}
