package org.tokenlens.engine.tokenize.pretokenize;

import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;

/**
 * HF {@code UnicodeScripts} (SentencePiece's script split): a new piece starts where the script changes; spaces
 * belong to no script and never cut, Hiragana, Katakana and U+30FC count as Han. As in HF, a leading run of
 * spaces is dropped. Scripts come from Java's tables (HF carries its own, older ones: code points assigned since
 * may differ).
 */
public final class UnicodeScriptsPreTokenizer implements PreTokenizer {
    /** Stands for HF's {@code Script::Any}. */
    private static final Character.UnicodeScript ANY = null;

    @Override
    public void preTokenize(PreTokenizedString s) {
        s.split((index, piece) -> split(piece));
    }

    private static List<NormalizedString> split(NormalizedString piece) {
        String text = piece.get();
        List<Integer> cuts = new ArrayList<>();
        Character.UnicodeScript last = null;
        boolean seen = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = script(cp);
            if (script != ANY && (!seen || last != script)) {
                cuts.add(i);
            }
            if (script != ANY) {
                last = script;
                seen = true;
            }
            i += Character.charCount(cp);
        }
        cuts.add(text.length());
        List<NormalizedString> out = new ArrayList<>(cuts.size());
        for (int k = 0; k + 1 < cuts.size(); k++) {
            out.add(piece.slice(cuts.get(k), cuts.get(k + 1)));
        }
        return out;
    }

    private static Character.UnicodeScript script(int cp) {
        if (cp == 0x30FC) {
            return Character.UnicodeScript.HAN;
        }
        if (cp == ' ') {
            return ANY;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return switch (s) {
            case HIRAGANA, KATAKANA -> Character.UnicodeScript.HAN;
            case UNKNOWN -> ANY;
            default -> s;
        };
    }
}
