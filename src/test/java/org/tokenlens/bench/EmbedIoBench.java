package org.tokenlens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.tokenlens.engine.embed.EmbeddingModel;
import org.tokenlens.engine.embed.EmbeddingModels;
import org.tokenlens.engine.embed.io.SafetensorsFile;

/**
 * Opening embeddings: a 1 GB BF16 safetensors model folder (262,144 × 2048, written here to /tmp) — time to the
 * first vectors and heap after GC, targets ≤ 2 s and ≤ 512 MB — and the bundled MiniLM (ONNX stream → heap).
 * Run: {@code java -cp target/classes:target/test-classes:$(deps) org.tokenlens.bench.EmbedIoBench [--keep]}.
 * The page cache is warm after writing the file; a cold first open also pays the disk reads of the rows touched
 * (a few pages), not of the whole file.
 */
public final class EmbedIoBench {
    private static final int ROWS = 262_144;
    private static final int DIM = 2048;

    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0 && args[0].equals("--keep");
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "tokenlens-embedio-bench");
        Path weights = folder.resolve("model.safetensors");
        long t = System.nanoTime();
        boolean wrote = writeModel(folder, weights);
        System.out.printf("1 GB BF16 safetensors %s in %.1f s: %s (%d bytes)%n", wrote ? "written" : "reused",
                (System.nanoTime() - t) / 1e9, weights, Files.size(weights));

        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc(mem);
        // the matrix alone, first thing in a cold JVM: header parse, mapping, 12 rows converted from BF16
        long m0 = System.nanoTime();
        try (var matrix = SafetensorsFile.open(weights).matrix("model.embed_tokens.weight")) {
            long m1 = System.nanoTime();
            float s = 0;
            for (int id = 0; id < 12; id++) {
                s += matrix.row(id * 20_000)[0];
            }
            System.out.printf("matrix only (cold JVM): open + map %.1f ms, 12 rows %.1f ms [%.3f]%n", (m1 - m0) / 1e6,
                    (System.nanoTime() - m1) / 1e6, s);
        }
        EmbeddingModels models = new EmbeddingModels();
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            EmbeddingModel m = models.load(folder.toString());
            long t1 = System.nanoTime();
            int[] ids = m.tokenizer().encode("The quick brown fox jumps over the lazy dog.").ids();
            float sum = 0;
            for (int id : ids) {
                sum += m.input().row(id)[DIM - 1];
            }
            float last = m.input().get(ROWS - 1, DIM - 1);
            long t2 = System.nanoTime();
            long heap = heapAfterGc(mem);
            System.out.printf("run %d: open %.0f ms (incl. tokenizer.json), first %d vectors %.1f ms, total %.0f ms;"
                            + " heap after GC %.1f MB (%.1f MB before open) [check %.3f %.3f]%n",
                    run, (t1 - t0) / 1e6, ids.length, (t2 - t1) / 1e6, (t2 - t0) / 1e6, heap / 1e6, before / 1e6,
                    sum, last);
            if (run == 2) {
                randomRows(m);
            }
            m.close();
        }

        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            try (EmbeddingModel m = models.load("all-MiniLM-L6-v2")) {
                long t1 = System.nanoTime();
                System.out.printf("MiniLM run %d: ONNX → heap %.0f ms, heap after GC %.1f MB (%s)%n", run,
                        (t1 - t0) / 1e6, heapAfterGc(mem) / 1e6, m.input().source());
            }
        }
        if (!keep) {
            Files.deleteIfExists(weights);
        }
    }

    private static void randomRows(EmbeddingModel m) {
        SplittableRandom rnd = new SplittableRandom(7);
        float[] row = new float[DIM];
        float s = 0;
        int n = 200_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            m.input().row(rnd.nextInt(ROWS), row);
            s += row[i & (DIM - 1)];
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("random BF16 rows (d=2048): %.0f rows/s, %.0f MB/s of float32 out [%.1f]%n", n / sec,
                n * DIM * 4.0 / sec / 1e6, s);
    }

    private static long heapAfterGc(MemoryMXBean mem) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    /** tokenizer.json (bundled bert, 30,522 ids), config.json declaring the padded vocab, and the weights. */
    private static boolean writeModel(Path folder, Path weights) throws IOException {
        Files.createDirectories(folder);
        try (InputStream in = EmbedIoBench.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, folder.resolve("tokenizer.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(folder.resolve("config.json"),
                "{\"model_type\":\"gemma3_text\",\"vocab_size\":" + ROWS + ",\"hidden_size\":" + DIM + "}");
        String name = "model.embed_tokens.weight";
        long bytes = (long) ROWS * DIM * 2;
        String json = "{\"__metadata__\":{\"format\":\"pt\"},\"" + name + "\":{\"dtype\":\"BF16\",\"shape\":[" + ROWS
                + "," + DIM + "],\"data_offsets\":[0," + bytes + "]}}";
        while (json.length() % 8 != 0) {
            json += " ";
        }
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        long size = 8 + header.length + bytes;
        if (Files.isRegularFile(weights) && Files.size(weights) == size) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(weights, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer h = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            h.putLong(header.length).put(header).flip();
            ch.write(h);
            ByteBuffer chunk = ByteBuffer.allocateDirect(DIM * 2 * 256).order(ByteOrder.LITTLE_ENDIAN);
            SplittableRandom rnd = new SplittableRandom(42);
            for (int r = 0; r < ROWS; r += 256) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    chunk.putShort((short) (Float.floatToIntBits((float) rnd.nextGaussian() * 0.02f) >>> 16));
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    ch.write(chunk);
                }
            }
        }
        return true;
    }
}
