package org.tokenlens.app.positions;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tokenlens.app.heatmap.CsvExport;
import org.tokenlens.app.heatmap.Heatmap;
import org.tokenlens.app.heatmap.LinePlot;
import org.tokenlens.app.heatmap.PngExport;
import org.tokenlens.app.heatmap.SvgExport;

/**
 * Writes one of the view's plots to a file: PNG as it looks on screen, SVG at the control's size, CSV of the
 * matrix or the series. No dialogs here, so tests call it with a path; call on the FX thread (PNG snapshots).
 */
final class PositionsExport {

    /** File formats offered by the export menu. */
    enum Format {
        PNG, SVG, CSV;

        String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Export size when the control has not been laid out (never shown). */
    private static final int FALLBACK_W = 1200;
    private static final int FALLBACK_H = 800;

    private PositionsExport() {
    }

    static void heatmap(Heatmap h, String rowLabel, Format format, Path file) throws IOException {
        if (h.getData() == null) {
            throw new IOException("nothing to export: the heatmap has no data yet");
        }
        switch (format) {
            case PNG -> PngExport.write(h, file);
            case SVG -> write(file, SvgExport.heatmap(h, width(h.getWidth()), height(h.getHeight())));
            case CSV -> {
                try (Writer w = writer(file)) {
                    CsvExport.matrix(h.getData().source(), rowLabel, w);
                }
            }
        }
    }

    static void plot(LinePlot p, Format format, Path file) throws IOException {
        if (p.getSeries().isEmpty()) {
            throw new IOException("nothing to export: the plot has no series");
        }
        switch (format) {
            case PNG -> PngExport.write(p, file);
            case SVG -> write(file, SvgExport.linePlot(p, width(p.getWidth()), height(p.getHeight())));
            case CSV -> {
                try (Writer w = writer(file)) {
                    CsvExport.series(p.getSeries(), w);
                }
            }
        }
    }

    private static int width(double w) {
        return w >= 50 ? (int) Math.round(w) : FALLBACK_W;
    }

    private static int height(double h) {
        return h >= 50 ? (int) Math.round(h) : FALLBACK_H;
    }

    private static void write(Path file, String text) throws IOException {
        try (Writer w = writer(file)) {
            w.write(text);
        }
    }

    private static Writer writer(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
