package org.tokenlens.app.embedding;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tokenlens.app.map.MapPoints;
import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * The file pair the TensorFlow Embedding Projector (projector.tensorflow.org, "Load") reads: {@code vectors.tsv},
 * one tab-separated row of the original vector per point, and {@code metadata.tsv}, one row per point in the same
 * order. With more than one metadata column the Projector wants a header row: {@code token, id, category}.
 * Tabs and newlines inside a token would break the format, so they are written as the escapes \t, \n and \r.
 */
public final class ProjectorExport {
    public static final String VECTORS = "vectors.tsv";
    public static final String METADATA = "metadata.tsv";

    private ProjectorExport() {
    }

    /** Writes both files into {@code folder} (created if needed). */
    public static void write(Path folder, MapPoints points, EmbeddingMatrix matrix) throws IOException {
        Files.createDirectories(folder);
        try (Writer v = Files.newBufferedWriter(folder.resolve(VECTORS), StandardCharsets.UTF_8);
             Writer m = Files.newBufferedWriter(folder.resolve(METADATA), StandardCharsets.UTF_8)) {
            write(v, m, points, matrix);
        }
    }

    public static void write(Writer vectors, Writer metadata, MapPoints points, EmbeddingMatrix matrix)
            throws IOException {
        float[] row = new float[matrix.dim()];
        StringBuilder line = new StringBuilder(16 * row.length);
        metadata.write("token\tid\tcategory\n");
        for (int i = 0; i < points.size(); i++) {
            int id = points.id(i);
            matrix.row(id, row);
            line.setLength(0);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append('\t');
                }
                line.append(row[c]); // Float.toString: the shortest text that reads back to the same float
            }
            vectors.write(line.append('\n').toString());
            int cat = points.category(i);
            String category = cat < points.categoryNames().size() ? points.categoryNames().get(cat) : "";
            metadata.write(escape(points.label(id)) + '\t' + id + '\t' + escape(category) + '\n');
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
