package org.tokenlens.engine.embed.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenlens.engine.embed.EmbeddingException;

/**
 * The tensors of a model folder across its safetensors files: one {@code model.safetensors}, several files, or
 * shards listed by {@code model.safetensors.index.json} ({@code weight_map}: tensor name → shard file). Shards
 * are opened (headers only) when one of their tensors is first asked for, so a 30-shard model opens one file.
 */
final class TensorCatalog {
    static final String INDEX = "model.safetensors.index.json";

    private final Path folder;
    private final Map<String, String> shardOf;
    private final Map<String, SafetensorsFile> opened = new HashMap<>();

    private TensorCatalog(Path folder, Map<String, String> shardOf, List<SafetensorsFile> preopened) {
        this.folder = folder;
        this.shardOf = shardOf;
        for (SafetensorsFile f : preopened) {
            opened.put(f.file().getFileName().toString(), f);
        }
    }

    static TensorCatalog of(Path folder) {
        Path index = folder.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            return fromIndex(folder, index);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.safetensors")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new EmbeddingException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new EmbeddingException("no *.safetensors file in " + folder
                    + " (PyTorch .bin weights are not read: convert them to safetensors)");
        }
        files.sort(null);
        Map<String, String> shardOf = new LinkedHashMap<>();
        List<SafetensorsFile> opened = new ArrayList<>();
        for (Path p : files) {
            SafetensorsFile f = SafetensorsFile.open(p);
            opened.add(f);
            for (String name : f.tensors().keySet()) {
                String before = shardOf.putIfAbsent(name, p.getFileName().toString());
                if (before != null) {
                    throw new EmbeddingException(folder + ": tensor '" + name + "' is in both " + before + " and "
                            + p.getFileName());
                }
            }
        }
        return new TensorCatalog(folder, shardOf, opened);
    }

    private static TensorCatalog fromIndex(Path folder, Path index) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(index.toFile());
        } catch (IOException e) {
            throw new EmbeddingException(index + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject()) {
            throw new EmbeddingException(index + ": no weight_map object");
        }
        Map<String, String> shardOf = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String shard = e.getValue().asText("");
            // a shard is a file next to the index: no folders, so an index cannot point outside the model
            if (!e.getValue().isTextual() || shard.isEmpty() || shard.contains("/") || shard.contains("\\")
                    || shard.equals("..") || shard.equals(".")) {
                throw new EmbeddingException(index + ": weight_map['" + e.getKey() + "'] is not a file name in the"
                        + " folder: " + e.getValue());
            }
            shardOf.put(e.getKey(), shard);
        }
        return new TensorCatalog(folder, shardOf, List.of());
    }

    Set<String> names() {
        return shardOf.keySet();
    }

    boolean has(String name) {
        return shardOf.containsKey(name);
    }

    SafetensorsFile.Tensor tensor(String name) {
        SafetensorsFile f = fileOf(name);
        SafetensorsFile.Tensor t = f.tensors().get(name);
        if (t == null) {
            throw new EmbeddingException(folder.resolve(INDEX) + " puts '" + name + "' in " + f.file().getFileName()
                    + ", which has no such tensor");
        }
        return t;
    }

    MappedMatrix matrix(String name) {
        tensor(name);
        return fileOf(name).matrix(name);
    }

    private synchronized SafetensorsFile fileOf(String name) {
        String shard = shardOf.get(name);
        if (shard == null) {
            throw new EmbeddingException(folder + ": no tensor '" + name + "'");
        }
        SafetensorsFile f = opened.get(shard);
        if (f == null) {
            Path p = folder.resolve(shard);
            if (!Files.isRegularFile(p)) {
                throw new EmbeddingException(folder.resolve(INDEX) + " names shard " + shard + ", which is missing");
            }
            f = SafetensorsFile.open(p);
            opened.put(shard, f);
        }
        return f;
    }
}
