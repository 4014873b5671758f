package org.tokenlens.engine.tokenize.normalize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenlens.engine.tokenize.TokenizerException;

/**
 * SentencePiece's normalization rules as stored in tokenizer.json (T5, ALBERT, XLM-R, mBART): HF's
 * {@code Precompiled} from the crate {@code spm_precompiled}. The charsmap is {@code [u32 trie size in bytes]
 * [darts-clone double-array trie of u32 units][NUL-terminated UTF-8 replacements]}; the trie maps UTF-8 keys to
 * offsets in the replacement blob.
 *
 * <p>HF's rules, kept as they are because models were trained with them: the text is cut into extended grapheme
 * clusters; a cluster shorter than 6 UTF-8 bytes is looked up whole, otherwise (or if not found) each character is
 * looked up alone. A lookup takes the <em>shortest</em> key that is a prefix of the chunk.
 */
public final class PrecompiledNormalizer implements Normalizer {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private final int[] units;
    private final byte[] blob;

    private PrecompiledNormalizer(int[] units, byte[] blob) {
        this.units = units;
        this.blob = blob;
    }

    /** Parse the base64 {@code precompiled_charsmap}; {@code path} names it in errors. */
    public static PrecompiledNormalizer fromBase64(String base64, String path) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new TokenizerException("precompiled_charsmap at " + path + " is not valid base64");
        }
        return fromBytes(bytes, path);
    }

    static PrecompiledNormalizer fromBytes(byte[] bytes, String path) {
        if (bytes.length < 4) {
            throw new TokenizerException("cannot parse precompiled_charsmap at " + path + ": too short");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long trieBytes = Integer.toUnsignedLong(buf.getInt());
        int count = (int) (trieBytes / 4);
        if (trieBytes > bytes.length - 4L || count == 0) {
            throw new TokenizerException("cannot parse precompiled_charsmap at " + path + ": bad trie size");
        }
        int[] units = new int[count];
        for (int i = 0; i < count; i++) {
            units[i] = buf.getInt();
        }
        byte[] blob = new byte[buf.remaining()];
        buf.get(blob);
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(blob));
        } catch (CharacterCodingException e) {
            throw new TokenizerException("precompiled_charsmap at " + path + " has replacements that are not UTF-8");
        }
        return new PrecompiledNormalizer(units, blob);
    }

    @Override
    public void normalize(NormalizedString s) {
        String text = s.get();
        NormalizedString.Edit edit = new NormalizedString.Edit(text.length() + 8);
        boolean modified = false;
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            String grapheme = m.group();
            byte[] g = grapheme.getBytes(StandardCharsets.UTF_8);
            if (g.length < 6) {
                String norm = lookup(g);
                if (norm != null) {
                    modified = true;
                    replace(edit, grapheme, norm);
                    continue;
                }
            }
            for (int i = 0; i < grapheme.length(); ) {
                int cp = grapheme.codePointAt(i);
                String part = grapheme.substring(i, i + Character.charCount(cp));
                i += part.length();
                String norm = lookup(part.getBytes(StandardCharsets.UTF_8));
                if (norm != null) {
                    modified = true;
                    replace(edit, part, norm);
                } else {
                    edit.add(cp, 0);
                }
            }
        }
        if (modified) {
            s.transform(edit, 0);
        }
    }

    /**
     * HF's {@code replace}: the new characters replace one for one; extra ones are insertions (the last ones
     * marked +1); fewer ones remove the rest through the last pair written, even a previous chunk's.
     */
    private static void replace(NormalizedString.Edit edit, String oldPart, String newPart) {
        int oldCount = oldPart.codePointCount(0, oldPart.length());
        int newCount = newPart.codePointCount(0, newPart.length());
        int diff = newCount - oldCount;
        newPart.codePoints().forEach(cp -> edit.add(cp, 0));
        if (diff > 0) {
            for (int k = edit.size - diff; k < edit.size; k++) {
                edit.changes[k] = 1;
            }
        } else if (diff < 0 && edit.size > 0) {
            edit.changes[edit.size - 1] += diff;
        }
    }

    /** The replacement for the shortest key that prefixes {@code key} (darts-clone common prefix search), or null. */
    String lookup(byte[] key) {
        int pos = 0;
        int unit = units[0];
        pos ^= offset(unit);
        for (byte b : key) {
            int c = b & 0xFF;
            if (c == 0) {
                break;
            }
            pos ^= c;
            unit = units[pos];
            if ((unit & 0x800000FF) != c) {
                return null;
            }
            pos ^= offset(unit);
            if (((unit >>> 8) & 1) == 1) {
                return replacementAt(units[pos] & 0x7FFFFFFF);
            }
        }
        return null;
    }

    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
    }

    private String replacementAt(int index) {
        int end = index;
        while (end < blob.length && blob[end] != 0) {
            end++;
        }
        return new String(blob, index, end - index, StandardCharsets.UTF_8);
    }
}
