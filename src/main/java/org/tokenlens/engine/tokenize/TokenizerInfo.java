package org.tokenlens.engine.tokenize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tokenizer is made of, for an inspector: each stage as the file describes it (compact JSON for
 * tokenizer.json stages, with the model's vocabulary and merges summarised by their sizes), and the settings the
 * file holds that TokenLens deliberately does not apply (padding, truncation: every token is shown).
 *
 * @param kind    {@code tokenizer.json} or {@code tiktoken}
 * @param source  the file or bundled resource it was read from
 * @param stages  stage name → description, in pipeline order
 * @param ignored setting name → description, for settings present in the file but not applied
 */
public record TokenizerInfo(String kind, String source, Map<String, String> stages, Map<String, String> ignored) {
    public TokenizerInfo {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        ignored = Collections.unmodifiableMap(new LinkedHashMap<>(ignored));
    }
}
