package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.server.MedkgServer;
import org.medkg.store.DiskUsage;
import org.medkg.store.TdbGraphStore;

/**
 * What the README tells a user to do while the server runs: load documents into it over HTTP with the editor's
 * credentials. A real medkg server on a free loopback port, over a real TDB2 store.
 */
class LoadIntoRunningServerTest {

    private static final Path SEEDS = Path.of("data");

    @TempDir
    Path dir;

    private TdbGraphStore store;
    private MedkgServer server;

    @BeforeEach
    void startServer() {
        store = TdbGraphStore.open(dir.resolve("store"));
        store.compactInBackground(ServeCommand.COMPACTION_QUIET);
        server = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0)
                .credentials("editor", "s3cret").build().start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
        store.close();
    }

    @Test
    void theEditorLoadsIntoTheRunningServerAndASecondLoadChangesNothing() {
        String[] load = {"load", "--endpoint", server.datasetUrl(), "--user", "editor", "--password", "s3cret",
                SEEDS.toString()};
        CommandRun first = CommandRun.run(load);
        assertEquals(ExitCodes.OK, first.status(), first.err());
        assertTrue(first.out().contains("added: 3"), first.out() + first.err());
        assertEquals(3, graphsServed());

        CommandRun second = CommandRun.run(load);
        assertEquals(ExitCodes.OK, second.status(), second.err());
        assertTrue(second.out().contains("unchanged: 3"), second.out());
        assertEquals(3, graphsServed());
    }

    /** A password on the command line is visible to every user of the machine (ps): a file keeps it out of it. */
    @Test
    void thePasswordCanComeFromAFileAndOnTheCommandLineItIsWarnedAbout() throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("password"), "s3cret\n");
        CommandRun fromFile = CommandRun.run("load", "--endpoint", server.datasetUrl(), "--user", "editor",
                "--password-file", passwordFile.toString(), SEEDS.toString());
        assertEquals(ExitCodes.OK, fromFile.status(), fromFile.err());
        assertTrue(fromFile.out().contains("added: 3"), fromFile.out() + fromFile.err());
        assertFalse(fromFile.err().contains("warning"), fromFile.err());

        CommandRun onTheLine = CommandRun.run("load", "--endpoint", server.datasetUrl(), "--user", "editor",
                "--password", "s3cret", SEEDS.toString());
        assertEquals(ExitCodes.OK, onTheLine.status(), onTheLine.err());
        assertTrue(onTheLine.err().startsWith("medkg load: warning: --password can be read by every user"),
                onTheLine.err());

        Path missing = dir.resolve("no-such-password");
        CommandRun noFile = CommandRun.run("load", "--endpoint", server.datasetUrl(), "--user", "editor",
                "--password-file", missing.toString(), SEEDS.toString());
        assertEquals(ExitCodes.USAGE, noFile.status());
        assertEquals("medkg load: --password-file: no such file: " + missing, noFile.err().strip());
    }

    @Test
    void aPasswordFileAndAPasswordTogetherAreAUsageError() throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("password"), "s3cret\n");
        CommandRun both = CommandRun.run("load", "--endpoint", server.datasetUrl(), "--user", "editor",
                "--password-file", passwordFile.toString(), "--password", "s3cret", SEEDS.toString());
        assertEquals(ExitCodes.USAGE, both.status());
        assertTrue(both.err().contains("--password-file=F | --password=P"), both.err());
    }

    @Test
    void withoutCredentialsNothingIsWrittenAndEachDocumentIsNamed() {
        CommandRun run = CommandRun.run("load", "--endpoint", server.datasetUrl(), SEEDS.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.status());
        assertTrue(run.err().contains("data/001_d9529d5f736d3bf0.txt"), run.err());
        assertEquals(0, graphsServed());
    }

    /**
     * The operator's re-loads of a live server (each round 133 Graph Store writes, one transaction each) grew its store
     * from 4.3 MB to 529 MB in four rounds: here the seeds, changed each round, re-loaded five times over HTTP while a
     * reader queries the server without pause. The store is compacted after each round, the reads never fail.
     */
    @Test
    @Timeout(600)
    void reloadingChangedDocumentsOverHttpKeepsTheStoreNearItsFreshSize() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        String[] load = {"load", "--endpoint", server.datasetUrl(), "--user", "editor", "--password", "s3cret",
                documents.toString()};
        copySeeds(documents, "");
        assertTrue(CommandRun.run(load).out().contains("added: 3"));
        awaitCompaction();
        long fresh = DiskUsage.of(dir.resolve("store"));

        AtomicBoolean reloading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failedReads = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (reloading.get()) {
                try {
                    long graphs = graphsServed();
                    reads.incrementAndGet();
                    if (graphs != 3) {
                        failedReads.add(graphs + " graphs");
                    }
                } catch (RuntimeException e) {
                    failedReads.add(e.toString());
                }
            }
        });
        reader.start();
        List<Long> sizes = new ArrayList<>();
        try {
            for (int round = 1; round <= 5; round++) {
                copySeeds(documents, "\n\nre-load " + round + "\n");
                CommandRun run = CommandRun.run(load);
                assertTrue(run.out().contains("replaced: 3"), run.out() + run.err());
                awaitCompaction();
                sizes.add(DiskUsage.of(dir.resolve("store")));
            }
        } finally {
            reloading.set(false);
            reader.join();
        }
        for (long size : sizes) {
            assertTrue(size < 3 * fresh, "store sizes by round " + sizes + ", fresh " + fresh);
        }
        assertEquals(List.of(), failedReads);
        assertTrue(reads.get() > 0);
    }

    private static void copySeeds(Path to, String appended) throws IOException {
        try (Stream<Path> seeds = Files.list(SEEDS)) {
            for (Path seed : seeds.toList()) {
                Files.writeString(to.resolve(seed.getFileName()), Files.readString(seed) + appended);
            }
        }
    }

    /**
     * Waits for the server's compaction after a load: once writes have been quiet for its quiet time (the store
     * learns that it is due from sizes TDB2 writes a little after the commits), until the store is no longer due.
     */
    private void awaitCompaction() throws InterruptedException {
        Thread.sleep(ServeCommand.COMPACTION_QUIET.toMillis() + 1000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (store.compactionDue()) {
            assertTrue(System.nanoTime() < deadline, "the store was not compacted after the load");
            Thread.sleep(100);
        }
    }

    private long graphsServed() {
        try (QueryExecutionHTTP query = QueryExecutionHTTP.service(server.sparqlUrl())
                .query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").build()) {
            return query.execSelect().next().getLiteral("n").getLong();
        }
    }
}
