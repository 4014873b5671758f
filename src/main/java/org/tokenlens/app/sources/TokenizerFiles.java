package org.tokenlens.app.sources;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which dropped or chosen files name a tokenizer: a tokenizer .json, a .tiktoken file, a folder holding one. */
public final class TokenizerFiles {
    private TokenizerFiles() {
    }

    /**
     * The spec to load for {@code file}, or null if it cannot be a tokenizer. A folder is taken as is when it
     * holds tokenizer.json; any other folder is taken too, so its "no tokenizer.json" error reaches the user.
     */
    public static String specFor(File file) {
        if (file == null) {
            return null;
        }
        if (file.isDirectory()) {
            return file.getPath();
        }
        String name = file.getName().toLowerCase(Locale.ROOT);
        return file.isFile() && (name.endsWith(".json") || name.endsWith(".tiktoken")) ? file.getPath() : null;
    }

    /** The specs of the files that can be tokenizers, in order. */
    public static List<String> specsFor(List<File> files) {
        List<String> specs = new ArrayList<>();
        if (files != null) {
            for (File f : files) {
                String spec = specFor(f);
                if (spec != null) {
                    specs.add(spec);
                }
            }
        }
        return specs;
    }
}
