package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

class ProjectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.create(new TokenizerRegistry(), new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void pcaOfTheTopIdsWritesOneRowPerToken() throws Exception {
        Path csv = dir.resolve("pca.csv");
        assertEquals(0, run("project", "--model", "all-MiniLM-L6-v2", "--method", "pca", "--subset", "top:1000",
                "--out", csv.toString()), err.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("id,token,x,y", lines.get(0));
        assertEquals(1001, lines.size());
        assertTrue(lines.get(1).startsWith("0,[PAD],"), lines.get(1));
        assertTrue(lines.get(102).startsWith("101,[CLS],"), lines.get(102));
        // principal axes: the first has the larger variance and the two are uncorrelated
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double x = Double.parseDouble(f[f.length - 2]);
            double y = Double.parseDouble(f[f.length - 1]);
            sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
        }
        int n = 1000;
        double vx = sxx / n - sx * sx / n / n;
        double vy = syy / n - sy * sy / n / n;
        assertTrue(vx >= vy, vx + " < " + vy);
        assertEquals(0, (sxy / n - sx * sy / n / n) / Math.sqrt(vx * vy), 1e-3);
    }

    @Test
    void typedTokensWithTheirNeighboursThroughTsne() throws Exception {
        Path csv = dir.resolve("tsne.csv");
        assertEquals(0, run("project", "--model", "all-MiniLM-L6-v2", "--method", "tsne", "--subset",
                "tokens:king queen, apple", "--neighbours", "20", "--perplexity", "5", "--iterations", "300",
                "--out", csv.toString()), err.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(1).contains(",king,"), lines.get(1));
        assertTrue(lines.get(3).contains(",\",\","), "a comma token is quoted: " + lines.get(3));
        assertTrue(lines.size() > 40 && lines.size() <= 1 + 4 + 80, "tokens and neighbours: " + lines.size());
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        String csv = dir.resolve("x.csv").toString();
        assertEquals(2, run("project", "--model", "all-MiniLM-L6-v2", "--method", "mds", "--out", csv));
        assertEquals("tokenlens: --method must be pca, tsne or umap: mds\n", err.toString().replace("\r", ""));
        err.getBuffer().setLength(0);
        assertEquals(2, run("project", "--model", "all-MiniLM-L6-v2", "--method", "tsne", "--subset", "top:30",
                "--out", csv));
        assertEquals("tokenlens: perplexity must be in (1, n/3): 30.0 for n = 30\n",
                err.toString().replace("\r", ""));
        err.getBuffer().setLength(0);
        assertEquals(2, run("project", "--model", "all-MiniLM-L6-v2", "--method", "pca", "--subset", "regex:[",
                "--out", csv));
        assertTrue(err.toString().startsWith("tokenlens: --subset regex: bad pattern:"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
        err.getBuffer().setLength(0);
        assertEquals(2, run("project", "--model", "all-MiniLM-L6-v2", "--method", "umap", "--subset", "top:100",
                "--umap-metric", "manhattan", "--out", csv));
        assertEquals("tokenlens: --umap-metric must be euclidean or cosine: manhattan\n",
                err.toString().replace("\r", ""));
    }

    /** UMAP lays out every row of the subset (Smile's kept only one connected part), by either metric. */
    @Test
    void umapWritesEveryRowOfTheSubset() throws Exception {
        for (String metric : new String[] {"cosine", "euclidean"}) {
            Path csv = dir.resolve("umap-" + metric + ".csv");
            assertEquals(0, run("project", "--model", "all-MiniLM-L6-v2", "--method", "umap", "--subset", "top:600",
                    "--umap-metric", metric, "--out", csv.toString()), err.toString());
            List<String> lines = Files.readAllLines(csv);
            assertEquals(1 + 600, lines.size(), metric);
            assertEquals(600, lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count());
        }
    }
}
