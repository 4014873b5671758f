package org.tokenlens.engine.tokenize.pretokenize;

import java.util.List;
import org.tokenlens.engine.tokenize.decode.ByteLevelAlphabet;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;

/**
 * GPT-2's byte-level pre-tokenizer (HF {@code ByteLevel}): optionally prefixes a space, optionally splits with GPT-2's
 * regex, then replaces every UTF-8 byte of every character by its printable stand-in from
 * {@link ByteLevelAlphabet}, all bytes of a character aligned to that character. {@code trim_offsets} belongs to
 * the post-processor and is only carried here.
 */
public final class ByteLevelPreTokenizer implements PreTokenizer {
    /** GPT-2's split pattern, as HF compiles it for {@code use_regex}. */
    public static final String GPT2_PATTERN =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
    private static final OnigRegex GPT2 = OnigRegex.compile(GPT2_PATTERN);
    private static final char[] BYTE_CHARS = ByteLevelAlphabet.byteToChar();

    private final boolean addPrefixSpace;
    private final boolean trimOffsets;
    private final boolean useRegex;

    public ByteLevelPreTokenizer(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        this.addPrefixSpace = addPrefixSpace;
        this.trimOffsets = trimOffsets;
        this.useRegex = useRegex;
    }

    public boolean addPrefixSpace() {
        return addPrefixSpace;
    }

    public boolean trimOffsets() {
        return trimOffsets;
    }

    public boolean useRegex() {
        return useRegex;
    }

    @Override
    public void preTokenize(PreTokenizedString s) {
        if (addPrefixSpace || useRegex) {
            s.split((index, piece) -> {
                // HF prefixes every piece, not only the first: after a Split stage each word gets its space
                if (addPrefixSpace && !piece.get().startsWith(" ")) {
                    piece.prepend(" ");
                }
                return useRegex ? piece.split(GPT2.matches(piece.get()), SplitBehavior.ISOLATED) : List.of(piece);
            });
        }
        s.normalize(ByteLevelPreTokenizer::toBytes);
    }

    /** Replace each character by the stand-ins of its UTF-8 bytes (the first replaces it, the others are inserted). */
    static void toBytes(NormalizedString piece) {
        String text = piece.get();
        NormalizedString.Edit edit = new NormalizedString.Edit(text.length() * 2);
        boolean changed = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                cp = 0xFFFD;   // a lone surrogate has no UTF-8 form; Rust strings cannot hold one either
            }
            if (cp < 0x80) {
                char c = BYTE_CHARS[cp];
                changed |= c != cp;
                edit.add(c, 0);
            } else if (cp < 0x800) {
                edit.add(BYTE_CHARS[0xC0 | (cp >> 6)], 0).add(BYTE_CHARS[0x80 | (cp & 0x3F)], 1);
                changed = true;
            } else if (cp < 0x10000) {
                edit.add(BYTE_CHARS[0xE0 | (cp >> 12)], 0).add(BYTE_CHARS[0x80 | ((cp >> 6) & 0x3F)], 1)
                        .add(BYTE_CHARS[0x80 | (cp & 0x3F)], 1);
                changed = true;
            } else {
                edit.add(BYTE_CHARS[0xF0 | (cp >> 18)], 0).add(BYTE_CHARS[0x80 | ((cp >> 12) & 0x3F)], 1)
                        .add(BYTE_CHARS[0x80 | ((cp >> 6) & 0x3F)], 1).add(BYTE_CHARS[0x80 | (cp & 0x3F)], 1);
                changed = true;
            }
        }
        if (changed) {
            piece.transform(edit, 0);
        }
    }
}
