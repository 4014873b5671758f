package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * A lane re-encodes an edited text from the encoding it shows (only the merges near the edit are redone) and
 * still shows exactly the fresh encoding; a new tokenizer starts from scratch.
 */
class LaneEditEncodingTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    @Test
    void editsReuseTheShownEncodingAndMatchAFreshOne() {
        Tokenizer real = REGISTRY.load("cl100k_base");
        AtomicInteger edited = new AtomicInteger();
        AtomicInteger fresh = new AtomicInteger();
        Tokenizer counting = (Tokenizer) Proxy.newProxyInstance(Tokenizer.class.getClassLoader(),
                new Class<?>[] {Tokenizer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("encodeEdited")) {
                        edited.incrementAndGet();
                    } else if (method.getName().equals("encode")) {
                        fresh.incrementAndGet();
                    }
                    return method.invoke(real, args);
                });
        TokenizationViewModel vm = new TokenizationViewModel(spec -> spec.equals("counted") ? counting
                : REGISTRY.load(spec), new CurrentThreadTaskRunner(), List.of(), List.of("counted"), "Hello world");
        assertEquals(1, fresh.get(), "the first text is encoded from scratch");
        String[] texts = {"Hello world!", "Hello, world!", "Hello, wonderful world!", "", "🙂 again 123"};
        for (String t : texts) {
            vm.textProperty().set(t);
            assertEquals(real.encode(t), vm.lanes().get(0).encodingProperty().get(), t);
        }
        assertEquals(texts.length, edited.get(), "each edit re-encoded from the shown encoding");
        vm.lanes().get(0).tokenizerNameProperty().set("o200k_base");
        assertEquals(REGISTRY.load("o200k_base").encode("🙂 again 123"),
                vm.lanes().get(0).encodingProperty().get(), "another tokenizer: a fresh encoding");
    }
}
