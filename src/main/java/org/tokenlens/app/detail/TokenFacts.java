package org.tokenlens.app.detail;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * What the detail pane says about one token. Offsets are -1 when the token has none (inserted by a
 * post-processor, or a bare vocabulary entry); {@code index} is -1 for a vocabulary entry.
 */
public record TokenFacts(String tokenizerName, int index, int count, int id, String piece, byte[] bytes,
                         String decoded, String source, int start, int end, int byteStart, int byteEnd,
                         boolean special, int wordIndex) {

    /** One label/value line of the facts grid. */
    public record Row(String label, String value) {
    }

    /** Token {@code i} of an encoding made by {@code tokenizer}. */
    public static TokenFacts of(Tokenizer tokenizer, Encoding e, int i) {
        return new TokenFacts(tokenizer == null ? "" : tokenizer.name(), i, e.size(), e.ids()[i], e.tokens()[i],
                e.bytes()[i], e.decodedText(i), e.sourceText(i), e.starts()[i], e.ends()[i], e.byteStart(i),
                e.byteEnd(i), e.special()[i], e.wordIndex()[i]);
    }

    /** A vocabulary entry without any text around it. */
    public static TokenFacts of(VocabularyToken v) {
        Tokenizer t = v.tokenizer();
        byte[] bytes = t.tokenBytes(v.id());
        return new TokenFacts(t.name(), -1, t.vocabSize(), v.id(), t.idToToken(v.id()),
                bytes == null ? new byte[0] : bytes, bytes == null ? "" : new String(bytes, java.nio.charset
                .StandardCharsets.UTF_8), null, -1, -1, -1, -1, t.isSpecial(v.id()), -1);
    }

    public String bytesHex() {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    public String heading() {
        return index < 0 ? "Vocabulary entry " + id + " · " + tokenizerName
                : "Token " + (index + 1) + " of " + count + " · " + tokenizerName;
    }

    /** The facts grid, in reading order; values show whitespace and control characters visibly. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("id", Integer.toString(id)));
        rows.add(new Row("piece", piece == null ? "—" : visible(piece)));
        rows.add(new Row("bytes", bytes.length == 0 ? "—" : bytesHex() + "  (" + bytes.length
                + (bytes.length == 1 ? " byte)" : " bytes)")));
        rows.add(new Row("decoded", visible(decoded)));
        if (index >= 0) {
            rows.add(new Row("source", source == null ? "— (inserted, no span in the text)" : visible(source)));
            rows.add(new Row("UTF-16", start < 0 ? "—" : String.format(Locale.ROOT, "[%d, %d)", start, end)));
            rows.add(new Row("UTF-8", byteStart < 0 ? "—"
                    : String.format(Locale.ROOT, "[%d, %d)", byteStart, byteEnd)));
            rows.add(new Row("word", wordIndex < 0 ? "—" : Integer.toString(wordIndex)));
        }
        rows.add(new Row("special", special ? "yes" : "no"));
        return rows;
    }

    /** Whitespace as the chips show it (· → ↵), other controls as U+XXXX, U+FFFD kept (a partial character). */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case ' ' -> b.append('·');
                case '\t' -> b.append('→');
                case '\n' -> b.append('↵');
                case '\r' -> b.append("\\r");
                case 0xA0 -> b.append('⍽');
                default -> {
                    if (Character.isISOControl(cp)) {
                        b.append(String.format(Locale.ROOT, "U+%04X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
