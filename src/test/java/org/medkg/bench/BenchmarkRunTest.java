package org.medkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark on the corpus itself (scale 1), a second per served item and two re-loads: every measure
 * gets a figure and every served item was asked at least once. (Failed requests are a figure, not a fault of the
 * benchmark: a query over the time limit answers 503.) It needs the jar ({@code mvn package}) and takes minutes, so it is
 * tagged: {@code mvn -o test -Dgroups=benchmark -DexcludedGroups=none -Dtest=BenchmarkRunTest}.
 */
@Tag("benchmark")
class BenchmarkRunTest {
    private static final Path JAR = Path.of("target", "medkg.jar");
    private static final Path HEMCENTER = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus",
            "hemcenter");

    @TempDir
    Path out;

    @Test
    void theTableHasEveryMeasure() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no jar at " + JAR);
        assumeTrue(Files.isDirectory(HEMCENTER), "no corpus at " + HEMCENTER);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String table = new Benchmark(Map.of("scales", "1", "clients", "2", "seconds", "1", "reloads", "2",
                "quiet", "3", "out", out.toString()), new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        assertTrue(table.startsWith("| measure | 1× |"), table);
        for (String measure : new String[] {"convert: documents/s", "tdb2.tdbloader --loader=phased",
                "load of the N-Quads ÷ phased",
                "re-load one changed document", "re-load it into the running server (load --endpoint)", "serve: start to first answer", "serve: warm-up", "query events-by-year (year=",
                "page: country id/place/kazakhstan", "description of the person", "serve: peak RSS",
                "after a write: query most-connected-experts", "after a write no answer reads: query most-connected-experts",
                "after a write and 3 s without writes: query most-connected-experts"}) {
            assertTrue(table.contains("| " + measure), measure + " missing:\n" + table);
        }
        // the ten queries with a required parameter, each asked values no one asked before, all answered
        List<String> unasked = table.lines().filter(row -> row.contains(" values not asked before")).toList();
        assertEquals(10, unasked.size(), table);
        assertTrue(unasked.stream().allMatch(row -> row.contains("; 0 of ")), table);
        assertTrue(table.lines().filter(row -> row.contains(" failed ")).count() >= 16 + 8 + 10, table);
        assertTrue(table.lines().filter(row -> row.contains(" failed ")).noneMatch(row -> row.contains(" of 0 ")),
                table);
        assertTrue(Files.readString(out.resolve("results.md")).equals(table));
    }
}
