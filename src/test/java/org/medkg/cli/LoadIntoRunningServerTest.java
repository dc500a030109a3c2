package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.server.MedkgServer;
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

    @Test
    void withoutCredentialsNothingIsWrittenAndEachDocumentIsNamed() {
        CommandRun run = CommandRun.run("load", "--endpoint", server.datasetUrl(), SEEDS.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.status());
        assertTrue(run.err().contains("data/001_d9529d5f736d3bf0.txt"), run.err());
        assertEquals(0, graphsServed());
    }

    private long graphsServed() {
        try (QueryExecutionHTTP query = QueryExecutionHTTP.service(server.sparqlUrl())
                .query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").build()) {
            return query.execSelect().next().getLiteral("n").getLong();
        }
    }
}
