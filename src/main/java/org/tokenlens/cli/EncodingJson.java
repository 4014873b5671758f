package org.tokenlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tokenlens.engine.tokenize.Encoding;

/** Writes an {@link Encoding} as the CLI's JSON fields: ids, tokens, offsets (UTF-16, null for inserted tokens). */
final class EncodingJson {
    private EncodingJson() {
    }

    /** Put {@code ids}, {@code tokens} and {@code offsets} into {@code target} (replacing fields of those names). */
    static ObjectNode putInto(ObjectNode target, Encoding encoding) {
        ArrayNode ids = target.putArray("ids");
        ArrayNode tokens = target.putArray("tokens");
        ArrayNode offsets = target.putArray("offsets");
        for (int i = 0; i < encoding.size(); i++) {
            ids.add(encoding.ids()[i]);
            tokens.add(encoding.tokens()[i]);
            if (encoding.hasOffsets(i)) {
                offsets.addArray().add(encoding.starts()[i]).add(encoding.ends()[i]);
            } else {
                offsets.addNull();
            }
        }
        return target;
    }
}
