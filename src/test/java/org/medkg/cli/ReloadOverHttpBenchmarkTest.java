package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.server.MedkgServer;
import org.medkg.server.ServedDocuments;
import org.medkg.store.DiskUsage;
import org.medkg.store.TdbGraphStore;

/**
 * The operator's re-loads: the seeds and the hemcenter corpus loaded over HTTP ({@code load --endpoint}, one Graph
 * Store write per document) into a running server, then five times more with every document changed. Prints, each
 * round, the store's size when the load ends and once the server has compacted it. Run:
 * {@code mvn -o test -Dgroups=benchmark -DexcludedGroups=none -Dtest=ReloadOverHttpBenchmarkTest}.
 */
@Tag("benchmark")
class ReloadOverHttpBenchmarkTest {
    private static final int CHANGED_ROUNDS = 5;

    @TempDir
    Path work;

    @Test
    void reloadingTheCorpusOverHttpKeepsTheServedStoreNearItsFreshSize() throws Exception {
        assumeTrue(Files.isDirectory(ServedDocuments.HEMCENTER), "no corpus at " + ServedDocuments.HEMCENTER);
        List<Path> sources = List.of(Path.of("data"), ServedDocuments.HEMCENTER);
        Path storeDir = work.resolve("store");
        try (TdbGraphStore store = TdbGraphStore.open(storeDir)) {
            store.compactInBackground(ServeCommand.COMPACTION_QUIET);
            MedkgServer server = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0)
                    .credentials("editor", "s3cret").build().start();
            try {
                long fresh = 0;
                for (int round = 0; round <= CHANGED_ROUNDS; round++) {
                    List<String> load = new ArrayList<>(List.of("load", "--endpoint", server.datasetUrl(), "--user",
                            "editor", "--password", "s3cret"));
                    ChangedCopies.write(sources, work.resolve("documents"), round).forEach(copy -> load.add(copy.toString()));
                    long began = System.nanoTime();
                    CommandRun run = CommandRun.run(load.toArray(String[]::new));
                    long loaded = System.nanoTime();
                    long afterLoad = DiskUsage.of(storeDir);
                    while (store.compactionDue()) {
                        Thread.sleep(100);
                    }
                    long compacted = System.nanoTime();
                    long size = DiskUsage.of(storeDir);
                    if (round == 0) {
                        fresh = size;
                    }
                    System.out.printf("round %d: %s; load %.1f s, %.1f MB on disk when it ended; compacted %.1f s"
                                    + " later: %.1f MB (%.1f MB apparent)%n", round,
                            run.out().lines().filter(line -> line.matches("(added|replaced|unchanged): \\d+"))
                                    .toList(), (loaded - began) / 1e9, afterLoad / 1e6, (compacted - loaded) / 1e9,
                            size / 1e6, DiskUsage.apparent(storeDir) / 1e6);
                    assertTrue(run.status() == ExitCodes.OK, run.err());
                    assertTrue(size < 3 * fresh, "round " + round + ": " + size + " bytes, fresh " + fresh);
                }
            } finally {
                server.stop();
            }
        }
    }
}
