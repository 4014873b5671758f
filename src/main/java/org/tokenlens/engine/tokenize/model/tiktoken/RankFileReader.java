package org.tokenlens.engine.tokenize.model.tiktoken;

import java.util.Arrays;
import java.util.Base64;
import org.tokenlens.engine.tokenize.TokenizerException;

/**
 * Reads a {@code .tiktoken} rank file: one {@code base64(token) rank} per line, blank lines ignored (as tiktoken's
 * {@code load_tiktoken_bpe}). Every malformed line is reported with the file and line number, since a silently
 * skipped token would shift nothing but corrupt every text that needs it.
 */
final class RankFileReader {
    private RankFileReader() {
    }

    /** Token bytes indexed by rank. */
    static byte[][] read(byte[] content, String source) {
        byte[][] byId = new byte[1 << 16][];
        int maxId = -1;
        Base64.Decoder base64 = Base64.getDecoder();
        int line = 0;
        int pos = 0;
        int n = content.length;
        while (pos < n) {
            line++;
            int eol = pos;
            while (eol < n && content[eol] != '\n') {
                eol++;
            }
            int end = eol > pos && content[eol - 1] == '\r' ? eol - 1 : eol;
            int next = eol + 1;
            int sp = pos;
            while (sp < end && content[sp] != ' ') {
                sp++;
            }
            if (isBlank(content, pos, end)) {
                pos = next;
                continue;
            }
            String where = source + " line " + line;
            if (sp >= end) {
                throw new TokenizerException(where + ": missing rank (expected 'base64token rank')");
            }
            byte[] token;
            try {
                token = base64.decode(Arrays.copyOfRange(content, pos, sp));
            } catch (IllegalArgumentException e) {
                throw new TokenizerException(where + ": bad base64 token '" + text(content, pos, sp) + "'");
            }
            if (token.length == 0) {
                throw new TokenizerException(where + ": empty token");
            }
            int id = parseRank(content, sp + 1, end, where);
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, Math.max(byId.length * 2, id + 1));
            }
            if (byId[id] != null) {
                throw new TokenizerException(where + ": rank " + id + " given twice");
            }
            byId[id] = token;
            maxId = Math.max(maxId, id);
            pos = next;
        }
        if (maxId < 0) {
            throw new TokenizerException(source + ": no ranks in file");
        }
        return Arrays.copyOf(byId, maxId + 1);
    }

    private static int parseRank(byte[] b, int from, int to, String where) {
        if (from >= to) {
            throw new TokenizerException(where + ": missing rank (expected 'base64token rank')");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || v > Integer.MAX_VALUE / 2) {
                throw new TokenizerException(where + ": rank '" + text(b, from, to) + "' is not a non-negative integer");
            }
            v = v * 10 + d;
        }
        if (v > 50_000_000) {
            throw new TokenizerException(where + ": rank " + v + " is implausibly large");
        }
        return (int) v;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] b, int from, int to) {
        String s = new String(b, from, Math.min(to - from, 60), java.nio.charset.StandardCharsets.UTF_8);
        return to - from > 60 ? s + "…" : s;
    }
}
