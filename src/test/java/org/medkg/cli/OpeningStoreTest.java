package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.Converter;
import org.medkg.store.GraphStore;
import org.medkg.store.LoadProgress;
import org.medkg.store.TdbGraphStore;

class OpeningStoreTest {

    private static final Path SEEDS = Path.of("data");

    @TempDir
    Path dir;

    @Test
    void theGraphsALoadReadsAheadAreTheOnesItThenStores() {
        List<String> readAhead = new ArrayList<>();
        try (TdbGraphStore tdb = TdbGraphStore.open(dir.resolve("store"))) {
            GraphStore store = new StoreBeside(tdb) {
                @Override
                public void readAhead(List<String> graphIris) {
                    readAhead.addAll(graphIris);
                    super.readAhead(graphIris);
                }
            };
            StringWriter out = new StringWriter();
            int failures = DocumentLoading.load(store, List.of(SEEDS), Converter.standard(Converter.DEFAULT_BASE),
                    "load", new PrintWriter(out), new PrintWriter(new StringWriter()));

            assertEquals(0, failures, out.toString());
            assertEquals(storedGraphNames(tdb), Set.copyOf(readAhead), out.toString());
        }
    }

    @Test
    void theStoreIsClosedOnlyOnceItsReadAheadIsOver() throws InterruptedException {
        CountDownLatch closing = new CountDownLatch(1);
        AtomicBoolean readAheadOver = new AtomicBoolean();
        AtomicBoolean closedAfterIt = new AtomicBoolean();
        OpeningStore store = OpeningStore.begin(() -> new StoreBeside(TdbGraphStore.open(dir.resolve("store"))) {
            @Override
            public void readAhead(List<String> graphIris) {
                try {
                    // still reading when the load closes the store
                    closing.await(10, TimeUnit.SECONDS);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.readAhead(graphIris);
                readAheadOver.set(true);
            }

            @Override
            public void close() {
                closedAfterIt.set(readAheadOver.get());
                super.close();
            }
        });

        store.readAhead(List.of(Converter.DEFAULT_BASE + "doc/data/000_be1d552f40914512.txt"));
        closing.countDown();
        store.close();

        assertTrue(closedAfterIt.get(), "the store was closed while its read ahead was under way");
        TdbGraphStore.open(dir.resolve("store")).close();
    }

    @Test
    void aStoreThatCannotBeOpenedIsToldWhereTheLoadNeedsItNotByTheReadAhead() {
        OpeningStore store = OpeningStore.begin(() -> {
            throw new IllegalStateException("cannot open the store " + dir);
        });

        store.readAhead(List.of(Converter.DEFAULT_BASE + "doc/data/000_be1d552f40914512.txt"));
        GraphStore.Loading loading = store.startLoad(1, LoadProgress.none());

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> loading.store(List.of()));
        assertEquals("cannot open the store " + dir, failure.getMessage());
        loading.close();
        store.close();
    }

    private static Set<String> storedGraphNames(TdbGraphStore store) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        Set<String> names = new HashSet<>();
        dsg.executeRead(() -> dsg.listGraphNodes().forEachRemaining(name -> names.add(name.getURI())));
        return names;
    }

    /** A store that does what the TDB2 store beside it does, for a test to watch some of its calls. */
    private static class StoreBeside implements GraphStore {
        private final GraphStore store;

        StoreBeside(GraphStore store) {
            this.store = store;
        }

        @Override
        public Loading startLoad(int total, LoadProgress progress) {
            return store.startLoad(total, progress);
        }

        @Override
        public void readAhead(List<String> graphIris) {
            store.readAhead(graphIris);
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
