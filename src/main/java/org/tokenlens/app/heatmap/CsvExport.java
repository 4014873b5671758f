package org.tokenlens.app.heatmap;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Matrices and series as CSV (RFC 4180, '.' decimals, shortest round-trip float text so values read back
 * exactly). Writes to a caller's {@link Writer}: an 8192 × 4096 matrix is streamed, not built as one string.
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** Header {@code position,d0,d1,…}; then one line per row: its index, then its values. */
    public static void matrix(MatrixSource m, String rowLabel, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(m.cols() * 12);
        line.append(quote(rowLabel));
        for (int c = 0; c < m.cols(); c++) {
            line.append(",d").append(c);
        }
        out.write(line.append('\n').toString());
        float[] row = new float[m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            m.row(r, row);
            line.setLength(0);
            line.append(r);
            for (float v : row) {
                line.append(',').append(v);
            }
            out.write(line.append('\n').toString());
        }
    }

    /** Long format, {@code series,x,y}: series of different lengths and x values fit one table. */
    public static void series(List<Series> series, Writer out) throws IOException {
        out.write("series,x,y\n");
        StringBuilder line = new StringBuilder();
        for (Series s : series) {
            String name = quote(s.name());
            for (int i = 0; i < s.x().length; i++) {
                line.setLength(0);
                line.append(name).append(',').append(s.x()[i]).append(',').append(s.y()[i]).append('\n');
                out.write(line.toString());
            }
        }
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
