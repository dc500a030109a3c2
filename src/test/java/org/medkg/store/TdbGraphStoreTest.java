package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
        // Compaction is left out: with a reader that never pauses it can wait forever (see TdbGraphStore).
        store.close();
        store = TdbGraphStore.open(dir.resolve("store"), TdbGraphStore.Compaction.ON_REQUEST);
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
        try (Stream<Path> generations = Files.list(dir.resolve("store"))) {
            // Beside the generations of TDB2 is the name index (LuceneNameIndex.FOLDER).
            assertEquals(List.of("Data-0003"), generations.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString()).filter(name -> name.startsWith("Data-")).toList(),
                    "compacted after each load");
        }
        numbered(count, "вторая версия").forEach(this::assertStored);
        assertEquals(List.of(), store.names().search("первая версия 7", 5, new AtomicBoolean()), "old names left the index");
        assertEquals("вторая версия 7", store.names().search("вторая версия 7", 5, new AtomicBoolean()).get(0).matchedName(),
                store.names().search("вторая версия 7", 5, new AtomicBoolean()).toString());
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
