package org.tokenlens.engine.embed.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.tokenlens.engine.embed.EmbeddingException;

/**
 * PyTorch checkpoints ({@code .bin}, {@code .pt}, {@code .pth}, {@code .ckpt}) are Python pickles: loading one
 * runs whatever code its author put in it. TokenLens never unpickles; it points to safetensors, which every HF
 * model publishes or can be converted to.
 */
public final class PickleRefusal {
    static final Set<String> EXTENSIONS = Set.of(".bin", ".pt", ".pth", ".ckpt");

    private PickleRefusal() {
    }

    public static boolean isPickleCheckpoint(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    public static EmbeddingException refuse(Path file) {
        return new EmbeddingException(file + ": PyTorch checkpoints are pickles, and loading a pickle can execute"
                + " arbitrary code, so TokenLens does not read them; use the model's .safetensors files (convert with"
                + " safetensors.torch.save_file, or the HF 'convert to safetensors' space)");
    }
}
