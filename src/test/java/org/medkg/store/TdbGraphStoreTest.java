package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.ConvertedDocument;

class TdbGraphStoreTest extends GraphStoreScenarios {

    @TempDir
    Path dir;

    private TdbGraphStore store;

    @BeforeEach
    void open() {
        store = TdbGraphStore.open(dir.resolve("store"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    GraphStore store() {
        return store;
    }

    @Override
    Graph storedGraph(String graphIri) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        return dsg.calculateRead(() -> copy(dsg.getGraph(NodeFactory.createURI(graphIri))));
    }

    @Override
    Set<String> storedGraphNames() {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        Set<String> names = new HashSet<>();
        dsg.executeRead(() -> dsg.listGraphNodes().forEachRemaining(name -> names.add(name.getURI())));
        return names;
    }

    @Test
    @Timeout(300)
    void aReaderSeesTheOldGraphOrTheNewOneNeverAMix() throws InterruptedException {
        String text = TestDocuments.seedText("000_be1d552f40914512.txt");
        ConvertedDocument before = TestDocuments.document("000_be1d552f40914512.txt", text, events("Конференция", 600));
        ConvertedDocument after = TestDocuments.document("000_be1d552f40914512.txt", text + "\nДополнение.", events("Симпозиум", 300));
        Set<Triple> beforeTriples = Set.copyOf(before.graph().find().toList());
        Set<Triple> afterTriples = Set.copyOf(after.graph().find().toList());
        // Each load compacts the store while the reader reads (through the store's transaction gate).
        store.load(List.of(before, LEUKEMIA), LoadProgress.none());
        Dataset dataset = store.dataset();
        Node graphName = NodeFactory.createURI(before.graphIri());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sawBefore = new AtomicInteger();
        AtomicInteger sawAfter = new AtomicInteger();
        List<String> mixes = new ArrayList<>();

        Thread reader = new Thread(() -> {
            while (writing.get()) {
                Set<Triple> seen = dataset.calculateRead(
                        () -> Set.copyOf(dataset.asDatasetGraph().getGraph(graphName).find().toList()));
                if (seen.equals(beforeTriples)) {
                    sawBefore.incrementAndGet();
                } else if (seen.equals(afterTriples)) {
                    sawAfter.incrementAndGet();
                } else {
                    mixes.add(seen.size() + " triples");
                }
            }
        });
        reader.start();
        for (int round = 0; round < 20; round++) {
            store.load(List.of(round % 2 == 0 ? after : before, LEUKEMIA), LoadProgress.none());
        }
        writing.set(false);
        reader.join();

        assertEquals(List.of(), mixes, "reads that saw neither the old nor the new graph");
        assertTrue(sawBefore.get() > 0 && sawAfter.get() > 0,
                "the reader saw both versions: " + sawBefore + " old, " + sawAfter + " new");
    }

    @Test
    void aReopenedStoreKeepsWhatWasLoaded() {
        store.load(SEEDS, LoadProgress.none());
        store.close();
        store = TdbGraphStore.open(dir.resolve("store"));

        LoadReport report = store.load(SEEDS, LoadProgress.none());

        assertEquals(names(SEEDS), report.unchanged());
        SEEDS.forEach(this::assertStored);
    }

    @Test
    void reloadingChangedDocumentsKeepsOneGenerationOnDisk() throws IOException {
        int count = 2 * TdbGraphStore.GRAPHS_PER_TRANSACTION + 50;
        store.load(numbered(count, "первая версия"), LoadProgress.none());

        LoadReport report = store.load(numbered(count, "вторая версия"), LoadProgress.none());

        assertEquals(count, report.replaced().size());
        assertEquals(List.of("Data-0003"), generations(), "compacted after each load");
        numbered(count, "вторая версия").forEach(this::assertStored);
        assertEquals(List.of(), store.names().search("первая версия 7", 5, new AtomicBoolean()), "old names left the index");
        assertEquals("вторая версия 7", store.names().search("вторая версия 7", 5, new AtomicBoolean()).get(0).matchedName(),
                store.names().search("вторая версия 7", 5, new AtomicBoolean()).toString());
    }

    @Test
    void aWriteOutsideALoadIsCompactedByTheNextLoadEvenIfItChangesNothing() throws IOException {
        store.load(SEEDS, LoadProgress.none());
        assertEquals(List.of("Data-0002"), generations(), "compacted after the first load");
        // A Graph Store write to a server serving the store commits like this, with no load to compact after it.
        Dataset dataset = store.dataset();
        dataset.executeWrite(() -> dataset.asDatasetGraph().add(NodeFactory.createURI("urn:x:graph"),
                NodeFactory.createURI("urn:x:s"), RDFS.label.asNode(), NodeFactory.createLiteralString("written")));
        assertTrue(store.compactionDue());
        assertTrue(Files.exists(dir.resolve("store").resolve(TdbGraphStore.COMPACTION_DUE)), "remembered on disk");

        LoadReport again = store.load(SEEDS, LoadProgress.none());

        assertEquals(names(SEEDS), again.unchanged());
        assertEquals(List.of("Data-0003"), generations(), "compacted although the load wrote nothing");
        assertFalse(Files.exists(dir.resolve("store").resolve(TdbGraphStore.COMPACTION_DUE)));
    }

    @Test
    void aStoreWrittenAndNeverCompactedIsCompactedWhenOpened() {
        store.load(SEEDS, LoadProgress.none());
        Dataset dataset = store.dataset();
        dataset.executeWrite(() -> dataset.asDatasetGraph().removeGraph(NodeFactory.createURI(PATHOLOGY.graphIri())));
        // The process stops before compacting (a server killed after a load over HTTP).
        store.close();

        store = TdbGraphStore.open(dir.resolve("store"));

        assertEquals(List.of("Data-0003"), generations());
        assertFalse(store.compactionDue());
        assertEquals(Set.of(IMMUNOLOGY.graphIri(), LEUKEMIA.graphIri()), storedGraphNames());
    }

    @Test
    void aCompactionKilledAfterItsSwitchIsFinishedWhenTheStoreIsOpened() throws IOException {
        store.load(SEEDS, LoadProgress.none());
        store.close();
        // What a kill leaves after TDB2 moved the compacted copy into place and before it removed the old files.
        Path storeDir = dir.resolve("store");
        copyFolder(storeDir.resolve("Data-0002"), storeDir.resolve("Data-0003"));
        Files.writeString(storeDir.resolve(TdbGraphStore.COMPACTION_DUE), "");

        store = TdbGraphStore.open(storeDir);

        assertEquals(List.of("Data-0004"), generations(), "the old generation removed, the compaction redone");
        assertEquals(Set.copyOf(names(SEEDS)), storedGraphNames());
        SEEDS.forEach(this::assertStored);
    }

    @Test
    void aCompactionKilledWhileCopyingIsRedoneWhenTheStoreIsOpened() throws IOException {
        store.load(SEEDS, LoadProgress.none());
        store.close();
        // What a kill leaves while TDB2 copies into its temporary folder.
        Path storeDir = dir.resolve("store");
        copyFolder(storeDir.resolve("Data-0002"), storeDir.resolve("Data-0003-tmp"));
        Files.writeString(storeDir.resolve(TdbGraphStore.COMPACTION_DUE), "");

        store = TdbGraphStore.open(storeDir);

        assertEquals(List.of("Data-0003"), generations());
        assertFalse(Files.exists(storeDir.resolve("Data-0003-tmp")));
        SEEDS.forEach(this::assertStored);
    }

    /** TDB2's generations of files in the store folder, oldest first. */
    private List<String> generations() {
        try (Stream<Path> children = Files.list(dir.resolve("store"))) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("Data-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static List<ConvertedDocument> numbered(int count, String version) {
        return IntStream.range(0, count)
                .mapToObj(i -> TestDocuments.document("doc-" + i + ".txt", "Документ " + i + ", " + version + ".", version + " " + i))
                .toList();
    }

    private static String[] events(String kind, int count) {
        return IntStream.range(0, count).mapToObj(i -> kind + " № " + i).toArray(String[]::new);
    }

    private static Graph copy(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }
}
