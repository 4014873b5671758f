package org.tokenlens.engine.tokenize.postprocess;

import org.tokenlens.engine.tokenize.decode.ByteLevelAlphabet;
import org.tokenlens.engine.tokenize.normalize.UnicodeProps;

/**
 * HF's {@code byte_level::process_offsets} (ByteLevel and Roberta {@code trim_offsets}): a token whose piece starts
 * or ends with {@code Ġ} (or any whitespace) gets its offsets narrowed by that many characters, so that
 * {@code Ġhello} points at "hello" rather than " hello". The first token keeps a single leading space when
 * {@code add_prefix_space} is on, because that space was added, not typed, and so has no width to trim.
 */
final class OffsetTrimmer {
    private static final char SPACE = ByteLevelAlphabet.byteToChar(' ');

    private OffsetTrimmer() {
    }

    static void trim(TokenList tokens, boolean addPrefixSpace) {
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.start(i);
            int end = tokens.end(i);
            if (start < 0) {
                continue; // inserted token: HF's (0, 0) offsets cannot move either
            }
            String piece = tokens.token(i);
            int leading = leadingSpaces(piece);
            int trailing = trailingSpaces(piece);
            if (leading == 0 && trailing == 0) {
                continue;
            }
            if (leading > 0) {
                boolean first = i == 0 || start == 0;
                if (first && addPrefixSpace && leading == 1) {
                    leading = 0;
                }
                start = Math.min(start + leading, end);
            }
            if (trailing > 0 && end >= trailing) {
                end = Math.max(end - trailing, start);
            }
            tokens.setOffsets(i, start, end);
        }
    }

    private static boolean isSpace(int cp) {
        return cp == SPACE || UnicodeProps.isWhitespace(cp);
    }

    /** Count of leading space characters (code points, as HF counts chars). */
    private static int leadingSpaces(String piece) {
        int n = 0;
        for (int i = 0; i < piece.length(); ) {
            int cp = piece.codePointAt(i);
            if (!isSpace(cp)) {
                break;
            }
            n++;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static int trailingSpaces(String piece) {
        int n = 0;
        for (int i = piece.length(); i > 0; ) {
            int cp = piece.codePointBefore(i);
            if (!isSpace(cp)) {
                break;
            }
            n++;
            i -= Character.charCount(cp);
        }
        return n;
    }
}
