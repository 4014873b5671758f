package org.tokenlens.app.sources;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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

    /**
     * What a lane's picker shows for {@code spec}: a bundled name as it is; a snapshot in the Hugging Face cache
     * (or its tokenizer.json) as its repository, "org/name"; a tokenizer.json as its folder's name and its own
     * ("qwen3/tokenizer.json"); any other file or folder by its own name. The spec itself stays the lane's value
     * and is its tooltip.
     */
    public static String displayName(String spec) {
        if (spec == null || spec.indexOf('/') < 0 && spec.indexOf(File.separatorChar) < 0) {
            return spec;
        }
        Path path;
        try {
            path = Path.of(spec).normalize();
        } catch (InvalidPathException e) {
            return spec;
        }
        String last = nameOf(path);
        if (last == null) {
            return spec;
        }
        String lower = last.toLowerCase(Locale.ROOT);
        boolean isFile = lower.endsWith(".json") || lower.endsWith(".tiktoken");
        Path folder = isFile ? path.getParent() : path;
        Path snapshots = folder == null ? null : folder.getParent();
        Path model = snapshots == null ? null : snapshots.getParent();
        String modelName = nameOf(model);
        if ("snapshots".equals(nameOf(snapshots)) && modelName != null && modelName.startsWith("models--")) {
            String repo = HfCacheDiscovery.repoName(modelName);
            if (repo != null) {
                return !isFile || lower.equals("tokenizer.json") ? repo : repo + "/" + last;
            }
        }
        String folderName = nameOf(folder);
        return isFile && lower.equals("tokenizer.json") && folderName != null ? folderName + "/" + last : last;
    }

    private static String nameOf(Path path) {
        return path == null || path.getFileName() == null ? null : path.getFileName().toString();
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
