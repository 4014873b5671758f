package org.tokenlens.engine.tokenize.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precompiled against HF (DJL) on a charsmap built here: a small darts-clone double array (one 256-unit block per
 * trie node, which is valid if wasteful) over SentencePiece-like rules: a ligature, a trademark sign expanding to
 * two letters, a removed control, fullwidth letters, a decomposed grapheme composed whole, a prefix key shorter
 * than the grapheme.
 */
class PrecompiledNormalizerTest {

    @Test
    void matchesHf() {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("\ufb01", "fi");
        rules.put("™", "TM");
        rules.put("\u001e", "");
        rules.put("Ａ", "A");
        rules.put("Ｂ", "B");
        rules.put("e\u0301", "é");
        rules.put("\u3000", " ");
        rules.put("ǅ", "Dž");
        String json = "{\"type\":\"Precompiled\",\"precompiled_charsmap\":\"" + charsmap(rules) + "\"}";
        try (NormalizerOracle o = new NormalizerOracle(json)) {
            NormalizedString probe = NormalizedString.of("\ufb01ne™\u001eg ＡB");
            o.ours.normalize(probe);
            assertEquals("fineTMg AB", probe.get());   // the rules are really in effect on our side
            for (String text : List.of("", "plain", "\ufb01ne™\u001eg", "\u001eAt start", "ＡＢＣ　e\u0301e\u0301\u0301",
                    "ǅemal ™™ ﬁ", "x\u001e\u001e™", "e\u0301\u0302\u0303\u0304 long grapheme", "👨‍👩‍👧 ™")) {
                assertEquals(o.expected(text), o.actual(text), () -> "on \"" + text + "\"");
            }
        }
    }

    /** The base64 charsmap: {@code [u32 trie bytes][units][NUL-terminated replacements]}. */
    static String charsmap(Map<String, String> rules) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        Node root = new Node();
        for (Map.Entry<String, String> r : rules.entrySet()) {
            int at = blob.size();
            blob.writeBytes(r.getValue().getBytes(StandardCharsets.UTF_8));
            blob.write(0);
            Node n = root;
            for (byte b : r.getKey().getBytes(StandardCharsets.UTF_8)) {
                n = n.children.computeIfAbsent(b & 0xFF, k -> new Node());
            }
            n.value = at;
        }
        List<Integer> units = new ArrayList<>();
        units.add(0);
        place(root, 0, units);
        ByteBuffer buf = ByteBuffer.allocate(4 + units.size() * 4 + blob.size()).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(units.size() * 4);
        units.forEach(buf::putInt);
        buf.put(blob.toByteArray());
        return Base64.getEncoder().encodeToString(buf.array());
    }

    /** Give {@code node} (whose unit is at {@code pos}) a fresh block for its children and its value. */
    private static void place(Node node, int pos, List<Integer> units) {
        int base = units.size() + (256 - units.size() % 256) % 256;
        while (units.size() < base + 256) {
            units.add(0);
        }
        int offset = pos ^ base;
        int self = units.get(pos);
        units.set(pos, self | (offset << 10) | (node.value >= 0 ? 1 << 8 : 0));
        if (node.value >= 0) {
            units.set(base, node.value | 0x80000000);
        }
        for (Map.Entry<Integer, Node> c : node.children.entrySet()) {
            units.set(base ^ c.getKey(), c.getKey());
        }
        for (Map.Entry<Integer, Node> c : node.children.entrySet()) {
            place(c.getValue(), base ^ c.getKey(), units);
        }
    }

    private static final class Node {
        final Map<Integer, Node> children = new TreeMap<>();
        int value = -1;
    }
}
