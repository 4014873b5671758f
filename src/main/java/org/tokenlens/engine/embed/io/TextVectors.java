package org.tokenlens.engine.embed.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.tokenlens.engine.embed.EmbeddingException;
import org.tokenlens.engine.embed.EmbeddingMatrix.DType;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.io.TokenizerJsonLoader;

/**
 * GloVe and word2vec text files: one {@code word v1 … vd} per line, word2vec with a first line {@code V d}. The
 * words become a WordLevel vocabulary (row i = id i) behind a WhitespaceSplit pre-tokenizer — a synthetic
 * tokenizer.json run by the engine's own pipeline — plus {@code <unk>} (a zero row appended when the file has
 * none) for words outside the file. Values are parsed from the right, so a word containing spaces (GloVe 840B
 * has some) stays whole. A repeated word keeps its first row (later copies are dropped, as gensim does).
 */
public final class TextVectors {
    static final String UNK = "<unk>";
    private static final int MAX_DIM = 1 << 16;

    private TextVectors() {
    }

    public static EmbeddingModel load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        ObjectNode vocab = JsonNodeFactory.instance.objectNode();
        float[] data = new float[1 << 16];
        int rows = 0;
        int dim = -1;
        long declaredRows = -1;
        long vectorLines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] f = line.strip().split("[ \t]+");
                if (f.length == 0 || f[0].isEmpty()) {
                    continue;
                }
                if (lineNo == 1 && f.length == 2 && isCount(f[0]) && isCount(f[1])) {
                    declaredRows = Long.parseLong(f[0]);
                    dim = checkDim(Long.parseLong(f[1]), file);
                    continue;
                }
                if (dim < 0) {
                    dim = checkDim(f.length - 1, file);
                }
                if (f.length < dim + 1) {
                    throw new EmbeddingException(file + " line " + lineNo + ": " + (f.length - 1)
                            + " values, expected " + dim);
                }
                vectorLines++;
                String word = String.join(" ", Arrays.copyOfRange(f, 0, f.length - dim));
                if (vocab.has(word)) {
                    continue;
                }
                if ((long) (rows + 1) * dim >= Integer.MAX_VALUE - 8) {
                    throw new EmbeddingException(file + ": more than 2^31 values; too large for a text format");
                }
                if ((rows + 1) * dim > data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(
                            (long) data.length * 2, (long) (rows + 1) * dim)));
                }
                for (int i = 0; i < dim; i++) {
                    String v = f[f.length - dim + i];
                    try {
                        data[rows * dim + i] = Float.parseFloat(v);
                    } catch (NumberFormatException e) {
                        throw new EmbeddingException(file + " line " + lineNo + ": '" + v + "' is not a number");
                    }
                }
                vocab.put(word, rows++);
            }
        } catch (NoSuchFileException e) {
            throw new EmbeddingException("no such file: " + file, e);
        } catch (IOException e) {
            throw new EmbeddingException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows == 0) {
            throw new EmbeddingException(file + ": no vectors");
        }
        if (declaredRows >= 0 && declaredRows != vectorLines) {
            throw new EmbeddingException(file + ": the header says " + declaredRows + " words, the file has " + vectorLines);
        }
        if (!vocab.has(UNK)) {
            vocab.put(UNK, rows++);
            data = Arrays.copyOf(data, rows * dim);
        }
        float[] exact = data.length == rows * dim ? data : Arrays.copyOf(data, rows * dim);
        Tokenizer tokenizer = TokenizerJsonLoader.fromJson(tokenizerJson(vocab), name);
        HeapMatrix matrix = new HeapMatrix(exact, rows, dim, DType.F32, name);
        return new EmbeddingModel(name, tokenizer, matrix, null, false, null);
    }

    private static ObjectNode tokenizerJson(ObjectNode vocab) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("version", "1.0");
        ObjectNode unk = root.putArray("added_tokens").addObject();
        unk.put("id", vocab.get(UNK).intValue());
        unk.put("content", UNK);
        unk.put("special", true);
        root.putObject("pre_tokenizer").put("type", "WhitespaceSplit");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        model.set("vocab", vocab);
        model.put("unk_token", UNK);
        return root;
    }

    private static boolean isCount(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int checkDim(long dim, Path file) {
        if (dim < 1 || dim > MAX_DIM) {
            throw new EmbeddingException(file + ": dimension " + dim + " is outside [1, " + MAX_DIM + "]");
        }
        return (int) dim;
    }
}
