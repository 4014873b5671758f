package org.tokenlens.engine.tokenize.normalize;

import java.nio.charset.StandardCharsets;
import org.tokenlens.engine.tokenize.decode.ByteLevelAlphabet;

/**
 * HF's {@code ByteLevel} normalizer: every UTF-8 byte of the text becomes its GPT-2 alphabet character; all bytes
 * of one character align to that character (the first replaces it, the others are insertions).
 */
public record ByteLevelNormalizer() implements Normalizer {
    private static final char[] ALPHABET = ByteLevelAlphabet.byteToChar();

    @Override
    public void normalize(NormalizedString s) {
        String text = s.get();
        if (text.isEmpty()) {
            return;
        }
        NormalizedString.Edit edit = new NormalizedString.Edit(text.length() * 2);
        byte[] buf = new byte[4];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int n = utf8(cp, buf);
            for (int k = 0; k < n; k++) {
                edit.add(ALPHABET[buf[k] & 0xFF], k == 0 ? 0 : 1);
            }
        }
        s.transform(edit, 0);
    }

    private static int utf8(int cp, byte[] buf) {
        if (cp < 0x80) {
            buf[0] = (byte) cp;
            return 1;
        }
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, buf, 0, b.length);
        return b.length;
    }
}
