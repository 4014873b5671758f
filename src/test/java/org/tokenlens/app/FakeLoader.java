package org.tokenlens.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerException;

/** Loads the fake tokenizers by name ("words", "chars"); anything else fails as the registry would. */
final class FakeLoader implements Function<String, Tokenizer> {

    final List<String> loaded = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Tokenizer apply(String name) {
        loaded.add(name);
        return switch (name) {
            case "words" -> FakeTokenizer.words();
            case "chars" -> FakeTokenizer.chars();
            default -> throw new TokenizerException("unknown tokenizer '" + name + "': no such file");
        };
    }
}
