package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.Converter;

/** Reads of a real TDB2 store holding the seed documents, stopped by their cancel signal as a request's are. */
@Timeout(120)
class CancellableReadsTest {

    @TempDir
    static Path dir;

    private static TdbGraphStore store;
    private static DatasetGraph database;

    @BeforeAll
    static void load() {
        store = TdbGraphStore.open(dir.resolve("store"));
        store.load(Converter.standard().convert(List.of(TestDocuments.SEEDS), e -> {
            throw new AssertionError(e);
        }), LoadProgress.none());
        database = store.dataset().asDatasetGraph();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void readsStopOnceTheSignalIsSetEvenHalfWayThrough() {
        AtomicBoolean cancel = new AtomicBoolean();
        DatasetGraph view = CancellableReads.over(database, cancel);
        Txn.executeRead(view, () -> {
            Iterator<Quad> quads = view.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            assertTrue(quads.hasNext());
            quads.next();
            cancel.set(true);
            assertThrows(QueryCancelledException.class, quads::hasNext);
            assertThrows(QueryCancelledException.class, () -> view.contains(Node.ANY, Node.ANY, Node.ANY, Node.ANY));
        });
    }

    @Test
    void readsByNodeIdStopOnceTheSignalIsSet() {
        AtomicBoolean cancel = new AtomicBoolean();
        DatasetGraph view = CancellableReads.over(database, cancel);
        Txn.executeRead(view, () -> {
            NodeIdScans scans = NodeIdScans.of(view).orElseThrow();
            assertFalse(scans.quads(Node.ANY, Node.ANY, Node.ANY, Node.ANY).isEmpty());
            cancel.set(true);
            assertThrows(QueryCancelledException.class, () -> scans.quads(Node.ANY, Node.ANY, Node.ANY, Node.ANY));
            assertThrows(QueryCancelledException.class, () -> scans.contains(Node.ANY, Node.ANY, Node.ANY, Node.ANY));
        });
    }

    @Test
    void aQuerySkippingRowsBeforeItsFirstOneStopsWhenSignalled() {
        AtomicBoolean cancel = new AtomicBoolean();
        DatasetGraph view = CancellableReads.over(database, cancel);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.schedule(() -> cancel.set(true), 300, TimeUnit.MILLISECONDS);
        long began = System.nanoTime();
        try {
            // Some 2·10⁹ combinations to skip: minutes of work, all of it before the first row.
            assertThrows(QueryCancelledException.class, () -> Txn.executeRead(view, () -> {
                // The union of the documents' graphs as the default graph, as the server queries it.
                try (QueryExec exec = QueryExec.dataset(view).set(TDB2.symUnionDefaultGraph, true).query(
                        "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 99999999999999 LIMIT 1").build()) {
                    exec.select().forEachRemaining(row -> { });
                }
            }));
        } finally {
            timer.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "stopped after " + took);
    }

    @Test
    void unsignalledReadsAnswerInFull() {
        DatasetGraph view = CancellableReads.over(database, new AtomicBoolean());
        long quads = Txn.calculateRead(view, () -> {
            try (QueryExec exec = QueryExec.dataset(view).query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
                    .build()) {
                return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
            }
        });
        assertEquals(Txn.calculateRead(database, () -> (long) count(database.find())), quads);
    }

    @Test
    void nameSearchStopsAtTheSignalToo() {
        AtomicBoolean cancel = new AtomicBoolean();
        DatasetGraph view = CancellableReads.over(database, cancel);
        // A person named in the seed of 25 May 2024 (the exchange programme on acute myeloid leukaemia).
        assertFalse(store.names().search("Sharashenidze", 5, CancellableReads.cancelSignal(view)).isEmpty());
        cancel.set(true);
        assertThrows(QueryCancelledException.class,
                () -> store.names().search("Sharashenidze", 5, CancellableReads.cancelSignal(view)));
    }

    @Test
    void theViewsSignalIsFoundAndOtherDatasetsHaveNone() {
        AtomicBoolean cancel = new AtomicBoolean();
        assertSame(cancel, CancellableReads.cancelSignal(CancellableReads.over(database, cancel)));
        assertFalse(CancellableReads.cancelSignal(database).get());
    }

    private static int count(Iterator<Quad> quads) {
        int n = 0;
        while (quads.hasNext()) {
            quads.next();
            n++;
        }
        return n;
    }
}
