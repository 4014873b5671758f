package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;

/** Ids must equal jtokkit's {@code encodeOrdinary} (itself tested against Python tiktoken) on every input. */
class TiktokenDifferentialTest {
    private static final EncodingRegistry JTOKKIT = Encodings.newDefaultEncodingRegistry();
    private static final Map<TiktokenEncoding, Tokenizer> OURS = new EnumMap<>(TiktokenEncoding.class);

    static synchronized Tokenizer ours(TiktokenEncoding e) {
        return OURS.computeIfAbsent(e, k -> TiktokenTokenizer.bundled(k.encodingName));
    }

    static com.knuddels.jtokkit.api.Encoding jtokkit(TiktokenEncoding e) {
        return JTOKKIT.getEncoding(switch (e) {
            case R50K_BASE -> EncodingType.R50K_BASE;
            case P50K_BASE -> EncodingType.P50K_BASE;
            case CL100K_BASE -> EncodingType.CL100K_BASE;
            case O200K_BASE -> EncodingType.O200K_BASE;
        });
    }

    static Stream<Arguments> corpus() {
        List<String> inputs = new ArrayList<>(TiktokenCorpus.HAND_PICKED);
        inputs.removeIf(s -> s.contains("\uD83D y")); // lone surrogates: jtokkit encodes them as '?'; see below
        inputs.addAll(TiktokenCorpus.long_());
        inputs.addAll(TiktokenCorpus.random(42, 300, 60));
        List<Arguments> out = new ArrayList<>();
        for (TiktokenEncoding e : TiktokenEncoding.values()) {
            out.add(Arguments.of(e, inputs));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void idsEqualJtokkitAndBytesCoverInput(TiktokenEncoding e, List<String> inputs) {
        Tokenizer tok = ours(e);
        com.knuddels.jtokkit.api.Encoding ref = jtokkit(e);
        for (String text : inputs) {
            Encoding enc = tok.encode(text);
            assertArrayEquals(ref.encodeOrdinary(text).toArray(), enc.ids(), () -> e + " ids of " + show(text));
            assertEquals(text, tok.decode(enc.ids()), () -> "round trip of " + show(text));
            assertCoverage(text, enc);
        }
    }

    /** Token bytes concatenate to the input's UTF-8; each token's span holds exactly the characters its bytes touch. */
    static void assertCoverage(String text, Encoding enc) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int byteAt = 0;
        for (int i = 0; i < enc.size(); i++) {
            byte[] b = enc.bytes()[i];
            all.writeBytes(b);
            int from = byteAt;
            int to = byteAt + b.length;
            byteAt = to;
            int start = enc.starts()[i];
            int end = enc.ends()[i];
            // the span's UTF-8 must start at or before the token's first byte and end at or after its last,
            // by less than one character on each side
            int spanFrom = Encoding.utf8Length(text, 0, start);
            int spanTo = Encoding.utf8Length(text, 0, end);
            int idx = i;
            assertTrue(spanFrom <= from && from - spanFrom < 4 && spanTo >= to && spanTo - to < 4 && start < end,
                    () -> "token " + idx + " bytes [" + from + "," + to + ") vs span [" + start + "," + end + ") in "
                            + show(text));
            if (i > 0 && enc.wordIndex()[i] != enc.wordIndex()[i - 1]) {
                assertEquals(enc.ends()[i - 1], start, "words are contiguous");
                assertEquals(enc.wordIndex()[i - 1] + 1, enc.wordIndex()[i]);
            }
        }
        assertArrayEquals(BpeTracer.utf8(text), all.toByteArray(), () -> "bytes of " + show(text));
        if (enc.size() > 0) {
            assertEquals(0, enc.starts()[0]);
            assertEquals(text.length(), enc.ends()[enc.size() - 1]);
        }
    }

    @ParameterizedTest
    @EnumSource(TiktokenEncoding.class)
    void loneSurrogateEncodesAsReplacementCharacter(TiktokenEncoding e) {
        // tiktoken's Python wrapper re-encodes such text with errors="replace": a lone surrogate becomes U+FFFD
        Tokenizer tok = ours(e);
        String text = "x\uD83D y\uDE00 z\uDC00";
        assertArrayEquals(jtokkit(e).encodeOrdinary("x\uFFFD y\uFFFD z\uFFFD").toArray(), tok.encode(text).ids());
        assertCoverage(text, tok.encode(text));
    }

    static String show(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
        StringBuilder sb = new StringBuilder("\"");
        t.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.isWhitespace(cp) && cp != ' ') {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
